/** A table's only row until its data arrives: says what it waits for, across every column. */
export function WaitingRow({ columns, what }: { columns: number; what: string }) {
  return (
    <tr>
      <td className="muted" colSpan={columns}>
        waiting for {what}…
      </td>
    </tr>
  );
}
