/**
 * The page's one time format: local time, 24-hour `HH:MM:SS`, for event
 * lists and chart axes alike. Takes a Date, epoch milliseconds or an ISO string.
 */
export function formatClock(time: Date | number | string): string {
  const date = time instanceof Date ? time : new Date(time);
  if (Number.isNaN(date.getTime())) return '--:--:--';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}
