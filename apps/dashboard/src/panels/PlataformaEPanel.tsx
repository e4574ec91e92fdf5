import { PlataformaE } from '@feedkit/protocol';
import { useFeedGap } from '@feedkit/react';
import { usePlataformaEClient } from '@feedkit/react/plataforma-e';
import { useState } from 'react';
import { Panel } from '../components/Panel';
import { formatClock } from '../formatClock';
import { useFeedHistory } from '../useFeedHistory';

/** The projects the reference server simulates; any other id can be typed in. */
export const PROJECTS = ['PROJ-001', 'PROJ-002', 'PROJ-003'];

/** The human part of a project event: who did what to which story, task or job. */
function describeEvent(m: PlataformaE.ServerMessage): string {
  const d = m.data as Record<string, unknown> | undefined;
  if (!d) return '';
  const parts = [d.story_id, d.task_id, d.job_id, d.title, d.preview, d.to && `→ ${d.to}`];
  if (typeof d.progress === 'number') parts.push(`${d.progress.toFixed(0)} %`);
  if (typeof d.status === 'string' && m.type.startsWith('job')) parts.push(d.status);
  return parts.filter((p) => typeof p === 'string' && p !== '').join(' · ');
}

export function PlataformaEPanel() {
  const [project, setProject] = useState(PROJECTS[0]!);
  const [level, setLevel] = useState<PlataformaE.LogLevel>('info');
  return (
    <Panel id="plataforma-e" title="Plataforma E" subtitle="projects: stories, tasks, jobs, logs">
      <div className="columns">
        <div>
          <label className="field">
            project{' '}
            <select
              data-testid="project-picker"
              value={project}
              onChange={(e) => setProject(e.target.value)}
            >
              {PROJECTS.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
          <ProjectEvents project={project} />
        </div>
        <div>
          <label className="field">
            log level{' '}
            <select
              data-testid="log-level"
              value={level}
              onChange={(e) => setLevel(e.target.value as PlataformaE.LogLevel)}
            >
              {PlataformaE.LOG_LEVELS.map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          </label>
          <LogTail level={level} />
        </div>
      </div>
    </Panel>
  );
}

function ProjectEvents({ project }: { project: string }) {
  const client = usePlataformaEClient();
  const feed = client.feed('project', project);
  const events = useFeedHistory(feed, 12);
  const gap = useFeedGap(feed);
  return (
    <ul className="events" data-testid="project-events">
      {gap && <li className="muted">reconnected: events may have been missed</li>}
      {events.length === 0 && <li className="muted">waiting for {project} events…</li>}
      {[...events].reverse().map((m, i) => (
        <li key={m.message_id ?? `${m.timestamp}-${i}`}>
          <span className="time">{formatClock(m.timestamp)}</span>
          <span className="tag">{m.type}</span>
          <span>{describeEvent(m)}</span>
        </li>
      ))}
    </ul>
  );
}

function LogTail({ level }: { level: PlataformaE.LogLevel }) {
  const client = usePlataformaEClient();
  const logs = useFeedHistory(client.feed('logs', { level }), 12);
  return (
    <ul className="events" data-testid="log-tail">
      {logs.length === 0 && <li className="muted">waiting for {level}+ logs…</li>}
      {[...logs].reverse().map((m, i) => (
        <li key={m.message_id ?? `${m.timestamp}-${i}`}>
          <span className="time">{formatClock(m.timestamp)}</span>
          <span className={`tag level-${m.data.level}`}>{m.data.level}</span>
          <span>{m.data.message}</span>
        </li>
      ))}
    </ul>
  );
}
