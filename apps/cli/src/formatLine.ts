import type { Colors } from 'picocolors/types';
import type { Summary } from './summaries/Summary';

/** Width of the type column: the longest type name of any system fits (`agent_status_changed`). */
export const TYPE_WIDTH = 22;

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `HH:MM:SS.mmm` in local time: when the message arrived. */
export function clockTime(date: Date): string {
  return `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}:${twoDigits(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** Colour of the type column: errors and alerts stand out, the routine stays calm. */
function typeColor(type: string, c: Colors): (s: string) => string {
  if (/error|failed|alert/.test(type)) return c.red;
  if (/status|state|health|leader|election/.test(type)) return c.yellow;
  if (/metrics|latency|throughput/.test(type)) return c.cyan;
  return c.green;
}

/** One aligned, human-readable line: time, type, summary. */
export function formatLine(summary: Summary, receivedAt: Date, c: Colors): string {
  const type = summary.type.padEnd(TYPE_WIDTH);
  return `${c.dim(clockTime(receivedAt))}  ${typeColor(summary.type, c)(type)} ${summary.text}`.trimEnd();
}
