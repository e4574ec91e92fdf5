import type { IncomingMessage } from 'node:http';
import { PlataformaE } from '@feedkit/protocol';
import type { Connection } from '../../Connection';
import type { Schema } from '../../drift/Schema';
import type { Route } from '../../http/Router';
import { type Admission, type SystemContext, SystemServer } from '../SystemServer';
import { Platform, type PlatformEvent } from './Platform';

type Message = PlataformaE.ServerMessage;
type LogLevel = PlataformaE.LogLevel;

/** Which of the three sockets a connection is. */
type Socket =
  | { readonly kind: 'notifications' }
  | { readonly kind: 'project'; readonly projectId: string }
  | { readonly kind: 'logs'; readonly level: LogLevel };

/** Seed time between two simulated platform events, and between two log lines. */
const EVENT_INTERVAL_MS = 2_000;
const LOG_INTERVAL_MS = 1_000;
const PROJECT_PREFIX = '/ws/project/';
const topicOf = PlataformaE.projectTopic;

/**
 * Plataforma E (FastAPI): `/ws/notifications` gets global events plus those
 * of the projects it subscribed to; `/ws/project/{id}` is pre-subscribed to
 * its project and gets only that project's events; `/ws/logs?level=` gets
 * log lines at or above its level. Heartbeat every 30 s, a client silent for
 * 90 s is closed, at most `maxConnections` sockets (503 beyond), frames over
 * 65,536 bytes close with 1009.
 */
export class PlataformaEServer extends SystemServer<Message, Socket> {
  readonly name = 'plataforma-e' as const;
  readonly adapter = PlataformaE.adapter;

  schemaOf(message: Message): Schema | undefined {
    return PlataformaE.serverMessageSchemas[message.type];
  }
  override readonly maxPayload = PlataformaE.PLATAFORMA_E_MAX_MESSAGE_BYTES;
  override readonly idleTimeoutMs = PlataformaE.PLATAFORMA_E_TIMEOUT_MS;
  readonly platform: Platform;

  constructor(
    ctx: SystemContext,
    /** `WEBSOCKET_MAX_CONNECTIONS`. */
    private readonly maxConnections: number = PlataformaE.PLATAFORMA_E_MAX_CONNECTIONS,
  ) {
    super(ctx);
    this.platform = new Platform(ctx.random);
  }

  handles(pathname: string): boolean {
    return (
      pathname === PlataformaE.PLATAFORMA_E_PATHS.notifications ||
      pathname === '/ws/logs' ||
      pathname.startsWith(PROJECT_PREFIX)
    );
  }

  socketPaths(): readonly string[] {
    return ['/ws/notifications', '/ws/project/PROJ-001', '/ws/logs?level=info'];
  }

  override notes(): readonly string[] {
    return [
      `projects PROJ-001..PROJ-003; log levels debug < info < warning < error < critical`,
      `max ${this.maxConnections} connections, 65,536-byte messages; rate limit on broadcast`,
    ];
  }

  admit(_request: IncomingMessage, url: URL): Admission<Socket> {
    if (this.connections.size + this.pendingUpgrades >= this.maxConnections) {
      return {
        ok: false,
        status: 503,
        body: { detail: `connection limit reached (${this.maxConnections}); retry later` },
      };
    }
    if (url.pathname === '/ws/notifications') return { ok: true, state: { kind: 'notifications' } };
    if (url.pathname === '/ws/logs') {
      const raw = (url.searchParams.get('level') ?? 'info').toLowerCase();
      const level = PlataformaE.logLevelSchema.safeParse(raw);
      if (!level.success) {
        return {
          ok: false,
          status: 400,
          body: { detail: `unknown log level '${raw}'; use ${PlataformaE.LOG_LEVELS.join(', ')}` },
        };
      }
      return { ok: true, state: { kind: 'logs', level: level.data } };
    }
    let projectId = '';
    try {
      projectId = decodeURIComponent(url.pathname.slice(PROJECT_PREFIX.length));
    } catch {}
    if (!PlataformaE.projectIdSchema.safeParse(projectId).success || projectId.includes('/')) {
      return {
        ok: false,
        status: 404,
        body: { detail: `no WebSocket endpoint at ${url.pathname}` },
      };
    }
    return { ok: true, state: { kind: 'project', projectId } };
  }

  start(): void {
    this.ctx.clock.every(PlataformaE.PLATAFORMA_E_HEARTBEAT_INTERVAL_MS, () => {
      this.broadcast(this.envelope('heartbeat', {}));
    });
    if (!this.ctx.simulate) return;
    this.ctx.clock.every(EVENT_INTERVAL_MS, () => this.publish(this.platform.next()));
    this.ctx.clock.every(LOG_INTERVAL_MS, () => {
      this.route(this.envelope('log_message', this.platform.logLine()));
    });
  }

  onOpen(connection: Connection<Socket>): void {
    if (connection.state.kind === 'project')
      connection.subscribe(topicOf(connection.state.projectId));
    this.sendTo(
      connection,
      this.envelope('connection', {
        connection_id: connection.id,
        message: 'Conectado a Plataforma E',
      }),
    );
  }

  onMessage(connection: Connection<Socket>, frame: string): void {
    const result = this.adapter.decodeCommand(frame);
    if (result.kind !== 'message') {
      // The socket stays usable: the client is told what was wrong and carries on.
      const [message, code] =
        result.kind === 'error'
          ? [result.error.message, result.error.code]
          : [
              `unknown action '${String((result.message.value as { action?: unknown }).action)}'; use ping, subscribe, unsubscribe or stats`,
              'unknown_action',
            ];
      this.sendTo(connection, this.envelope('error', { message, code }));
      return;
    }
    const command = result.message;
    if (command === 'ping' || command.action === 'ping') {
      this.sendTo(connection, this.envelope('pong', {}));
      return;
    }
    switch (command.action) {
      case 'subscribe':
        connection.subscribe(topicOf(command.project_id));
        this.sendTo(
          connection,
          this.envelope('subscribed', { project_id: command.project_id }, command.project_id),
        );
        return;
      case 'unsubscribe':
        connection.unsubscribe(topicOf(command.project_id));
        this.sendTo(
          connection,
          this.envelope('unsubscribed', { project_id: command.project_id }, command.project_id),
        );
        return;
      case 'stats':
        this.sendTo(connection, this.envelope('stats', this.stats()));
        return;
    }
  }

  stats(): PlataformaE.Stats {
    const perProject: Record<string, number> = {};
    for (const connection of this.connections) {
      for (const topic of connection.subscriptions) {
        const id = topic.slice('project:'.length);
        perProject[id] = (perProject[id] ?? 0) + 1;
      }
    }
    return {
      active_connections: this.connections.size,
      active_projects: Object.keys(perProject).length,
      total_connections: this.counters.connections,
      total_messages_sent: this.counters.messagesSent,
      total_broadcasts: this.counters.broadcasts,
      connections_per_project: perProject,
    };
  }

  override routes(): Route[] {
    const { stats, connections, subscribers, broadcast } = PlataformaE.endpoints;
    return [
      this.endpoint(stats, () => ({ status: 200, body: this.stats() })),
      this.endpoint(connections, () => ({
        status: 200,
        body: { active_connections: this.connections.size },
      })),
      this.endpoint(subscribers, ({ params }) => {
        const projectId = params.project_id as string;
        const topic = topicOf(projectId);
        let count = 0;
        for (const c of this.connections) if (c.subscriptions.has(topic)) count++;
        return { status: 200, body: { project_id: projectId, subscribers: count } };
      }),
      this.endpoint(
        broadcast,
        ({ body }) => {
          const projectId = body.project_id ?? undefined;
          const storyId = typeof body.data.story_id === 'string' ? body.data.story_id : undefined;
          const recipients = this.publish({
            type: body.event_type,
            data: body.data,
            project_id: projectId,
            story_id: storyId,
          });
          return {
            status: 200,
            body: {
              success: true,
              event_type: body.event_type,
              project_id: projectId ?? null,
              recipients,
            },
          };
        },
        { rateLimited: true },
      ),
    ];
  }

  protected route(message: Message): number {
    if (message.type === 'log_message') {
      const level = message.data.level;
      return this.broadcast(
        message,
        (c) => c.state.kind === 'logs' && PlataformaE.levelAtLeast(level, c.state.level),
      );
    }
    const projectId =
      message.project_id ??
      (typeof (message.data as { project_id?: unknown } | undefined)?.project_id === 'string'
        ? ((message.data as { project_id: string }).project_id as string)
        : undefined);
    if (projectId === undefined) {
      return this.broadcast(message, (c) => c.state.kind === 'notifications');
    }
    const topic = topicOf(projectId);
    return this.broadcast(message, (c) => c.state.kind !== 'logs' && c.subscriptions.has(topic));
  }

  private publish(event: PlatformEvent): number {
    return this.route(
      this.envelope(event.type, event.data, event.project_id, event.story_id) as Message,
    );
  }

  private envelope<T extends Message['type']>(
    type: T,
    data: unknown,
    projectId?: string,
    storyId?: string,
  ): Message {
    return {
      type,
      data,
      timestamp: new Date().toISOString(),
      message_id: this.ctx.random.hex(12),
      ...(projectId === undefined ? {} : { project_id: projectId }),
      ...(storyId === undefined ? {} : { story_id: storyId }),
    } as Message;
  }
}
