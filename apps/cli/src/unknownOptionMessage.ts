/**
 * Node's parseArgs says "Unknown option '--urll'. To specify a positional
 * argument starting with a '-', place it at the end of the command after
 * '--' ...", which answers a question nobody asked: the user misspelt an
 * option. This names the nearest known one instead.
 */
export function unknownOptionMessage(parseError: string, known: readonly string[]): string {
  const typed = /'(-[^']*)'/.exec(parseError)?.[1];
  if (typed === undefined) return parseError;
  const bare = typed.replace(/^-+/, '').replace(/=.*$/, '');
  const nearest = known
    .map((name) => ({ name, distance: editDistance(bare, name) }))
    .filter((c) => c.distance <= 2)
    .sort((a, b) => a.distance - b.distance)[0];
  return nearest
    ? `unknown option '${typed}'; did you mean --${nearest.name}?`
    : `unknown option '${typed}'`;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
