/** A big number with a small label under it; a dash until the value arrives. */
export function Stat({ label, value }: { label: string; value: string | number | undefined }) {
  return (
    <div className="stat">
      <div className="stat-value">{value ?? '–'}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}
