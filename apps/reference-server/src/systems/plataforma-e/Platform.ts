import type { PlataformaE } from '@feedkit/protocol';
import type { Random } from '../../Random';

/** A simulated happening: event type, data, and the project/story it belongs to (none = global). */
export interface PlatformEvent {
  readonly type: PlataformaE.EventType;
  readonly data: Record<string, unknown>;
  readonly project_id?: string;
  readonly story_id?: string;
}

interface Story {
  readonly id: string;
  readonly projectId: string;
  title: string;
  column: string;
  readonly tasks: Map<string, { id: string; title: string; progress: number }>;
}

interface Job {
  readonly id: string;
  progress: number;
}

export const PROJECTS = ['PROJ-001', 'PROJ-002', 'PROJ-003'] as const;
const COLUMNS = ['backlog', 'todo', 'in_progress', 'review', 'done'];
const TITLES = [
  'Implementar login',
  'Criar endpoint',
  'Revisar kanban',
  'Exportar relatorio',
  'Ajustar permissoes',
  'Migrar banco',
  'Notificar por email',
];
const LOG_LINES: Record<PlataformaE.LogLevel, readonly string[]> = {
  debug: ['cache hit ratio 0.93', 'query plan reused', 'worker poll tick'],
  info: ['Build iniciado', 'Deploy concluido', 'Worker registrado'],
  warning: ['Fila de jobs acima de 80%', 'Resposta lenta do banco (1.2s)'],
  error: ['Falha ao enviar email', 'Job excedeu o tempo limite'],
  critical: ['Banco de dados indisponivel', 'Disco cheio no worker-2'],
};
const SOURCES = ['CI/CD', 'worker', 'api', 'scheduler'];

/**
 * Plataforma E's projects PROJ-001..PROJ-003: stories moving across the
 * kanban, their tasks progressing and completing, chat, background jobs and
 * log lines at every level. `next()` performs one change and says what it was.
 */
export class Platform {
  private readonly stories = new Map<string, Story>();
  private readonly jobs = new Map<string, Job>();
  private storySeq = 0;
  private taskSeq = 0;
  private jobSeq = 0;

  constructor(private readonly random: Random) {
    for (const projectId of PROJECTS) this.createStory(projectId);
  }

  next(): PlatformEvent {
    const roll = this.random.next();
    if (roll < 0.15 || this.stories.size === 0) return this.createStory(this.random.pick(PROJECTS));
    const story = this.random.pick([...this.stories.values()]);
    return (
      this.storyEvent(story, roll) ?? this.taskEvent(story, roll) ?? this.chatOrNotice(story, roll)
    );
  }

  /** A story renamed, moved or deleted (undefined: the roll is for something else). */
  private storyEvent(story: Story, roll: number): PlatformEvent | undefined {
    const scoped = { project_id: story.projectId, story_id: story.id };
    if (roll < 0.25) {
      story.title = `${story.title.replace(/ \(v\d+\)$/, '')} (v${this.random.int(2, 9)})`;
      return { type: 'story_updated', data: { story_id: story.id, title: story.title }, ...scoped };
    }
    if (roll < 0.35) {
      story.column = this.random.pick(COLUMNS.filter((c) => c !== story.column));
      return {
        type: 'story_moved',
        data: { story_id: story.id, title: story.title, to: story.column },
        ...scoped,
      };
    }
    if (roll < 0.38 && this.stories.size > 3) {
      this.stories.delete(story.id);
      return { type: 'story_deleted', data: { story_id: story.id }, ...scoped };
    }
    return undefined;
  }

  /** A task created, advanced, completed or deleted (undefined: the roll is for something else). */
  private taskEvent(story: Story, roll: number): PlatformEvent | undefined {
    const scoped = { project_id: story.projectId, story_id: story.id };
    if (roll < 0.5) {
      const id = `STSK-${String(++this.taskSeq).padStart(4, '0')}`;
      const title = this.random.pick(TITLES);
      story.tasks.set(id, { id, title, progress: 0 });
      return { type: 'task_created', data: { task_id: id, title, story_id: story.id }, ...scoped };
    }
    if (roll < 0.65 && story.tasks.size > 0) {
      const task = this.random.pick([...story.tasks.values()]);
      task.progress = Math.min(100, task.progress + this.random.int(10, 40));
      if (task.progress >= 100) {
        story.tasks.delete(task.id);
        return {
          type: 'task_completed',
          data: { task_id: task.id, title: task.title, story_id: story.id },
          ...scoped,
        };
      }
      return {
        type: 'task_updated',
        data: { task_id: task.id, title: task.title, progress: task.progress },
        ...scoped,
      };
    }
    if (roll < 0.68 && story.tasks.size > 0) {
      const task = this.random.pick([...story.tasks.values()]);
      story.tasks.delete(task.id);
      return { type: 'task_deleted', data: { task_id: task.id }, ...scoped };
    }
    return undefined;
  }

  /** A chat message, a job step or a notification. */
  private chatOrNotice(story: Story, roll: number): PlatformEvent {
    if (roll < 0.78) {
      return {
        type: 'chat_message',
        data: {
          preview: this.random.pick([
            'Pode revisar?',
            'Subi o PR',
            'Bloqueado pelo deploy',
            'Feito!',
          ]),
          project_id: story.projectId,
          story_id: story.id,
        },
        project_id: story.projectId,
        story_id: story.id,
      };
    }
    if (roll < 0.92) return this.jobStep();
    const global = this.random.chance(0.5);
    return {
      type: 'notification',
      data: {
        title: 'Aviso',
        message: this.random.pick(['Manutencao em 5 minutos', 'Deploy concluido', 'Nova versao']),
        level: this.random.pick(['info', 'warning']),
      },
      ...(global ? {} : { project_id: story.projectId }),
    };
  }

  /** One log line at a random level. */
  logLine(): { level: PlataformaE.LogLevel; message: string; source: string } {
    const level = this.random.pick(Object.keys(LOG_LINES) as PlataformaE.LogLevel[]);
    return {
      level,
      message: this.random.pick(LOG_LINES[level]),
      source: this.random.pick(SOURCES),
    };
  }

  private createStory(projectId: string): PlatformEvent {
    const id = `STR-${String(++this.storySeq).padStart(4, '0')}`;
    const title = this.random.pick(TITLES);
    this.stories.set(id, { id, projectId, title, column: 'backlog', tasks: new Map() });
    return {
      type: 'story_created',
      data: { story_id: id, title, project_id: projectId },
      project_id: projectId,
      story_id: id,
    };
  }

  /** Jobs are the workers' business, not a project's: their events are global. */
  private jobStep(): PlatformEvent {
    const running = [...this.jobs.values()];
    if (running.length === 0 || this.random.chance(0.2)) {
      const id = `JOB-${String(++this.jobSeq).padStart(4, '0')}`;
      this.jobs.set(id, { id, progress: 0 });
      return { type: 'job_started', data: { job_id: id, status: 'running' } };
    }
    const job = this.random.pick(running);
    if (this.random.chance(0.1)) {
      this.jobs.delete(job.id);
      return {
        type: 'job_failed',
        data: { job_id: job.id, status: 'failed', error: 'exit code 1' },
      };
    }
    job.progress = Math.min(100, job.progress + this.random.int(15, 45));
    if (job.progress >= 100) {
      this.jobs.delete(job.id);
      return { type: 'job_completed', data: { job_id: job.id, status: 'completed' } };
    }
    return {
      type: 'job_progress',
      data: {
        job_id: job.id,
        progress: job.progress,
        status: 'running',
        output: `step ${Math.ceil(job.progress / 20)}/5`,
      },
    };
  }
}
