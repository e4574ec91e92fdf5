/** Items in `after` but not in `before`, in `after`'s order. */
export function added(before: ReadonlySet<string>, after: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const topic of after) if (!before.has(topic)) out.push(topic);
  return out;
}

/** Items in `before` but not in `after`, in `before`'s order. */
export function removed(before: ReadonlySet<string>, after: ReadonlySet<string>): string[] {
  return added(after, before);
}
