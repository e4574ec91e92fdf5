import type { Helios } from '@feedkit/protocol';
import { useConnectionState, useFeedEvent } from '@feedkit/react';
import {
  useClusterStatus,
  useHeliosClient,
  useLatency,
  useLogin,
  useUptime,
} from '@feedkit/react/helios';
import { type FormEvent, useEffect, useState } from 'react';
import { FeedFreshness } from '../components/FeedFreshness';
import { Panel } from '../components/Panel';
import { Stat } from '../components/Stat';
import { formatClock } from '../formatClock';
import { heliosRole } from '../heliosRole';

export interface HeliosPanelProps {
  /** Shown above the login form, e.g. why the previous session ended. */
  readonly notice?: string;
  /** The server refused the session's token (it restarted, or the token expired). */
  readonly onSessionEnded: (reason: string) => void;
}

export function HeliosPanel({ notice, onSessionEnded }: HeliosPanelProps) {
  const login = useLogin();
  const state = useConnectionState();
  const role = login.data && heliosRole(login.data);
  // Helios streams the cluster only to admins; anyone else's socket would be refused (403).
  const lacksAdmin = role !== undefined && role !== 'admin';
  const signedIn = login.data !== undefined && !lacksAdmin;
  const ended = signedIn && state.status === 'closed';
  useEffect(() => {
    if (ended) onSessionEnded(state.reason ?? 'token refused');
  }, [ended, onSessionEnded, state.reason]);
  // A browser cannot read the HTTP 401 of a refused upgrade: a stale token
  // looks like an outage. After a few failed attempts, offer a new sign-in.
  const stuck =
    signedIn && state.status === 'reconnecting' && state.attempt >= STUCK_AFTER_ATTEMPTS;
  return (
    <Panel id="helios" title="Helios" subtitle="Raft cluster gateway: roles, leader, term">
      {stuck && signedIn && (
        <p className="error" data-testid="helios-stuck">
          The server keeps refusing this session: it may have restarted and forgotten it, or this
          user may lack the admin role.{' '}
          <button
            type="button"
            onClick={() => onSessionEnded('the server did not take the token back')}
          >
            Sign in again
          </button>
        </p>
      )}
      {signedIn ? (
        <ClusterView />
      ) : (
        <LoginForm login={login} notice={notice} lacksAdmin={lacksAdmin ? role : undefined} />
      )}
    </Panel>
  );
}

/** Failed reconnects before the panel suggests the session is gone. */
const STUCK_AFTER_ATTEMPTS = 3;

function LoginForm({
  login,
  notice,
  lacksAdmin,
}: {
  login: ReturnType<typeof useLogin>;
  notice?: string;
  /** The role of a successful sign-in that is not admin. */
  lacksAdmin?: string;
}) {
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void login.run({ username, password });
  };
  return (
    <form className="login" onSubmit={submit} data-testid="helios-login">
      {notice && (
        <p className="error" data-testid="helios-notice">
          {notice}
        </p>
      )}
      {lacksAdmin && (
        <p className="error" role="alert" data-testid="helios-role-error">
          Signed in as a {lacksAdmin}: this user lacks the admin role, and Helios streams the
          cluster only to admins (it refuses the socket with 403). Sign in with an admin account.
        </p>
      )}
      <p className="muted">
        The cluster feed is for admins. Sign in (reference server: admin / admin123).
      </p>
      <label className="field">
        user{' '}
        <input name="username" value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label className="field">
        password{' '}
        <input
          name="password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <button type="submit" disabled={login.pending || !username || !password}>
        {login.pending ? 'Signing in…' : 'Sign in'}
      </button>
      {login.error && (
        <p className="error" role="alert" data-testid="helios-login-error">
          Sign-in failed: {login.error.message}
        </p>
      )}
    </form>
  );
}

interface TimelineEntry {
  readonly key: string;
  readonly time: string;
  readonly kind: string;
  readonly text: string;
}

const entry = (m: { timestamp: string; type: string }, text: string): TimelineEntry => ({
  key: `${m.type}-${m.timestamp}-${text}`,
  time: formatClock(m.timestamp),
  kind: m.type,
  text,
});

function ClusterView() {
  const client = useHeliosClient();
  const status = useClusterStatus({ select: (m) => m.data });
  const uptime = useUptime({ select: (m) => m.data.current_uptime });
  const latency = useLatency({ select: (m) => m.data.aggregated });
  const [timeline, setTimeline] = useState<readonly TimelineEntry[]>([]);
  const add = (item: TimelineEntry) => setTimeline((t) => [item, ...t].slice(0, 14));

  useFeedEvent(client.feed('stateChanges'), (m: Helios.StateChangeMessage) =>
    add(entry(m, `${m.data.old_state} → ${m.data.new_state}, term ${m.data.term}`)),
  );
  useFeedEvent(client.feed('peerChanges'), (m: Helios.PeerChangeMessage) =>
    add(entry(m, `${m.data.event_type} ${m.data.peer_id} (${m.data.peer_address})`)),
  );
  useFeedEvent(client.feed('snapshots'), (m: Helios.SnapshotMessage) =>
    add(entry(m, `snapshot at index ${m.data.index}, ${(m.data.size_bytes / 1024).toFixed(0)} KB`)),
  );

  return (
    <div data-testid="helios-cluster">
      <p className="freshness-row">
        <FeedFreshness label="status" feed={client.feed('status')} />
      </p>
      <div className="stats">
        <Stat label="node" value={status?.node_id} />
        <Stat label="state" value={status?.state} />
        <Stat label="leader" value={status && (status.leader || 'none')} />
        <Stat label="term" value={status?.term} />
        <Stat label="commit" value={status?.commit_index} />
        <Stat label="uptime" value={uptime} />
      </div>
      <p className="muted">
        peers: {status?.peers?.join(', ') || '–'}
        {latency &&
          Object.entries(latency)
            .slice(0, 2)
            .map(([name, s]) => ` · ${name} ${s.avg_value_ms.toFixed(1)} ms`)}
      </p>
      <h3>Event timeline</h3>
      <ul className="events" data-testid="helios-timeline">
        {timeline.length === 0 && (
          <li className="muted">waiting for elections, peers, snapshots…</li>
        )}
        {timeline.map((t) => (
          <li key={t.key}>
            <span className="time">{t.time}</span>
            <span className="tag">{t.kind}</span>
            <span>{t.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
