import type { ActiveImmuneCore } from '@feedkit/protocol';
import { useFeedEvent } from '@feedkit/react';
import { useActiveImmuneCoreClient } from '@feedkit/react/active-immune-core';
import { useState } from 'react';
import { Panel } from '../components/Panel';
import { formatClock } from '../formatClock';

type Event = ActiveImmuneCore.ServerEvent;

/** Latest known row per id, most recently changed first, at most `limit`. */
function upsert<T extends { id: string }>(rows: readonly T[], row: T, limit: number): readonly T[] {
  return [row, ...rows.filter((r) => r.id !== row.id)].slice(0, limit);
}

interface Row {
  readonly id: string;
  readonly status: string;
  readonly detail: string;
}

const agentRow = (e: Event): Row | undefined => {
  const d = e.data as Record<string, unknown>;
  if (typeof d.agent_id !== 'string') return undefined;
  const status = (d.new_status ??
    d.status ??
    (e.event_type === 'agent_deleted' ? 'deleted' : '')) as string;
  const detail = (d.agent_type ?? d.action ?? '') as string;
  return { id: d.agent_id, status, detail };
};

const taskRow = (e: Event): Row | undefined => {
  const d = e.data as Record<string, unknown>;
  if (typeof d.task_id !== 'string') return undefined;
  return {
    id: d.task_id,
    status: e.event_type.replace('task_', ''),
    detail: String(d.new_status ?? ''),
  };
};

/** Agents, tasks and alerts, each from the events of its room. */
export function ActiveImmuneCorePanel() {
  const client = useActiveImmuneCoreClient();
  const [agents, setAgents] = useState<readonly Row[]>([]);
  const [tasks, setTasks] = useState<readonly Row[]>([]);
  const [alerts, setAlerts] = useState<
    readonly { id: string; level: string; text: string; time: string }[]
  >([]);

  useFeedEvent(client.feed('room', 'agents'), (e) => {
    const row = agentRow(e);
    if (row) setAgents((rows) => upsert(rows, row, 8));
  });
  useFeedEvent(client.feed('room', 'tasks'), (e) => {
    const row = taskRow(e);
    if (row) setTasks((rows) => upsert(rows, row, 8));
  });
  useFeedEvent(client.feed('room', 'system'), (e) => {
    if (e.event_type !== 'alert_triggered') return;
    setAlerts((rows) =>
      [
        {
          id: `${e.timestamp}-${e.data.message}`,
          level: e.data.level ?? 'alert',
          text: e.data.message,
          time: formatClock(e.timestamp),
        },
        ...rows,
      ].slice(0, 6),
    );
  });

  return (
    <Panel
      id="active-immune-core"
      title="Active Immune Core"
      subtitle="agents, tasks and alerts by room"
    >
      <div className="columns">
        <RoomTable title="agents" rows={agents} testId="aic-agents" />
        <RoomTable title="tasks" rows={tasks} testId="aic-tasks" />
        <div>
          <h3>alerts</h3>
          <ul className="events wrap" data-testid="aic-alerts">
            {alerts.length === 0 && <li className="muted">no alerts yet</li>}
            {alerts.map((a) => (
              <li key={a.id}>
                <span className="time">{a.time}</span>
                <span className={`tag level-${a.level}`}>{a.level}</span>
                <span>{a.text}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </Panel>
  );
}

/**
 * One room's latest rows. Ids are shown whole (they wrap rather than being
 * cut to `agent_d…`), with the status as a tag and the detail beside it.
 */
function RoomTable({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: readonly Row[];
  testId: string;
}) {
  return (
    <div>
      <h3>{title}</h3>
      <ul className="events wrap" data-testid={testId}>
        {rows.length === 0 && <li className="muted">waiting for events…</li>}
        {rows.map((r) => (
          <li key={r.id} data-row>
            <span className="mono room-id">{r.id}</span>
            <span className={`tag status-${r.status}`}>{r.status}</span>
            {r.detail && <span className="muted">{r.detail}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
