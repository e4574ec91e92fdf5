import type { ReactNode } from 'react';
import { ConnectionBadge } from './ConnectionBadge';

export interface PanelProps {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly children: ReactNode;
}

/** One system's card: title, what it is, its connection badge, its content. */
export function Panel({ id, title, subtitle, children }: PanelProps) {
  return (
    <section className="panel" id={id} data-testid={id}>
      <header className="panel-header">
        <div>
          <h2>{title}</h2>
          <p className="subtitle">{subtitle}</p>
        </div>
        <ConnectionBadge />
      </header>
      {children}
    </section>
  );
}
