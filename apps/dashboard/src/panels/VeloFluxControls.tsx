import { useRestAction } from '@feedkit/react';
import { useVeloFluxClient } from '@feedkit/react/veloflux';
import { useState } from 'react';

/**
 * What a successful force-update did. The document shows no response body,
 * so a body that names the forced streams (as the reference server's does)
 * is shown, and any other success reads "forced all".
 */
export function describeForced(body: unknown): string {
  const forced = (body as { forced?: unknown } | null)?.forced;
  return Array.isArray(forced) && forced.every((f) => typeof f === 'string')
    ? `forced ${forced.join(', ')}`
    : 'forced all';
}

/** Pause, resume and force-update, with the outcome (or the error) beside them. */
export function VeloFluxControls() {
  const client = useVeloFluxClient();
  // Each action resolves to the sentence it shows: the document gives these calls no response body.
  const pause = useRestAction(() => client.rest.pause('all').then(() => 'updates paused'));
  const resume = useRestAction(() => client.rest.resume('all').then(() => 'updates running'));
  const forceUpdate = useRestAction(() =>
    client.rest.forceUpdate({ type: 'all' }).then(describeForced),
  );
  const actions = [
    { label: 'Pause', action: pause },
    { label: 'Resume', action: resume },
    { label: 'Force update', action: forceUpdate },
  ];
  const busy = actions.some(({ action }) => action.pending);
  const [note, setNote] = useState('');
  const [clicked, setClicked] = useState('');
  const error = actions.find(({ label }) => label === clicked)?.action.error;
  return (
    <div className="toolbar">
      {actions.map(({ label, action }) => (
        <button
          key={label}
          type="button"
          disabled={busy}
          onClick={async () => {
            setClicked(label);
            const outcome = await action.run();
            if (outcome) setNote(outcome);
          }}
        >
          {label}
        </button>
      ))}
      <span className="muted" data-testid="veloflux-control">
        {note}
      </span>
      {error && <span className="error">{error.message}</span>}
    </div>
  );
}
