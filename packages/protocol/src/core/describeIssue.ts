/** What is read of a zod issue; zod/mini keeps these fields but, without a locale, says only "Invalid input". */
export interface RawIssue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: string | RegExp;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly keys?: readonly string[];
}

/** zod/mini's message for any issue when no locale is loaded. */
const GENERIC = 'Invalid input';

/**
 * A sentence for one validation issue that says what was expected and what
 * came, read from the value itself. zod/mini ships no English messages
 * unless a locale is configured globally, which a library must not do to
 * its user's zod, and the locale would cost every bundle for the rare
 * failure.
 */
export function describeIssue(issue: RawIssue, root: unknown): string {
  const got = `received ${received(valueAt(root, issue.path))}`;
  const own = issue.message !== GENERIC ? issue.message : undefined;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, ${got}`;
    case 'invalid_value':
      return `expected ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}, ${got}`;
    case 'invalid_format':
      return `${own ?? `expected ${issue.format === 'regex' ? `a string matching ${issue.pattern}` : issue.format}`}, ${got}`;
    case 'too_small':
      return `${own ?? `expected ${issue.origin} of at least ${issue.minimum}`}, ${got}`;
    case 'too_big':
      return `${own ?? `expected ${issue.origin} of at most ${issue.maximum}`}, ${got}`;
    case 'unrecognized_keys':
      return `unknown ${(issue.keys ?? []).length === 1 ? 'key' : 'keys'} ${(issue.keys ?? []).join(', ')}`;
    default:
      return own ?? `does not match the schema, ${got}`;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function received(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}
