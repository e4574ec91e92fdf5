/** One message as a terminal line shows it: its type column and a one-line summary. */
export interface Summary {
  readonly type: string;
  readonly text: string;
}

/** Short, stable rendering of an unrecognised payload, so nothing is ever dropped from view. */
export function compactJson(value: unknown, max = 100): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > max ? `${json.slice(0, max - 1)}…` : json;
}

export const fixed = (n: number, digits = 1) => n.toFixed(digits);
