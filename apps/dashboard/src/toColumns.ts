/**
 * Rows `[x, y1, y2, ...]` to the column arrays uPlot draws from. Points that
 * share a timestamp (a forced update in the same second) keep only the last,
 * because uPlot needs strictly increasing x values.
 */
export function toColumns(rows: readonly (readonly number[])[], width: number): number[][] {
  const columns: number[][] = Array.from({ length: width }, () => []);
  for (const row of rows) {
    const x = row[0]!;
    const last = columns[0]!.length - 1;
    if (last >= 0 && columns[0]![last]! >= x) for (const column of columns) column.pop();
    for (const [i, value] of row.entries()) columns[i]?.push(value);
  }
  return columns;
}
