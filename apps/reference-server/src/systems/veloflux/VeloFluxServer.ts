import { VeloFlux } from '@feedkit/protocol';
import type { Connection } from '../../Connection';
import type { Schema } from '../../drift/Schema';
import type { Route } from '../../http/Router';
import { type Admission, type SystemContext, SystemServer } from '../SystemServer';
import { LoadBalancer } from './LoadBalancer';

type Message = VeloFlux.ServerMessage;
type Kind = VeloFlux.UpdateKind;

const KINDS: readonly Kind[] = ['backends', 'metrics', 'status'];
const INTERVALS: Record<Kind, number> = {
  backends: VeloFlux.VELOFLUX_BACKENDS_INTERVAL_MS,
  metrics: VeloFlux.VELOFLUX_METRICS_INTERVAL_MS,
  status: VeloFlux.VELOFLUX_STATUS_INTERVAL_MS,
};
const KIND_OF_TYPE: Record<Message['type'], Kind> = {
  backend_status: 'backends',
  metrics: 'metrics',
  system_status: 'status',
};

/**
 * VeloFlux: three receive-only sockets, one stream each, every 5/10/15 s;
 * `POST /api/ws/control` pauses and resumes streams, `POST
 * /api/ws/force-update` pushes them at once with `forced: true`.
 */
export class VeloFluxServer extends SystemServer<Message, Kind> {
  readonly name = 'veloflux' as const;
  readonly adapter = VeloFlux.adapter;

  schemaOf(message: Message): Schema | undefined {
    return VeloFlux.serverMessageSchemas[message.type];
  }
  // Clients have nothing to say; anything bigger than the protocol's command limit is abuse.
  override readonly maxPayload = VeloFlux.VELOFLUX_MAX_COMMAND_LENGTH;
  readonly balancer: LoadBalancer;
  readonly paused: Record<Kind, boolean> = { backends: false, metrics: false, status: false };

  constructor(ctx: SystemContext) {
    super(ctx);
    this.balancer = new LoadBalancer(ctx.random);
  }

  handles(pathname: string): boolean {
    return this.kindOf(pathname) !== undefined;
  }

  socketPaths(): readonly string[] {
    return Object.values(VeloFlux.VELOFLUX_PATHS);
  }

  override notes(): readonly string[] {
    return ['no auth; rate limit on control and force-update'];
  }

  admit(_request: unknown, url: URL): Admission<Kind> {
    return { ok: true, state: this.kindOf(url.pathname) as Kind };
  }

  start(): void {
    for (const kind of KINDS) {
      this.ctx.clock.every(INTERVALS[kind], () => {
        if (kind === 'backends' && this.ctx.simulate) this.balancer.step(INTERVALS.backends / 1000);
        if (!this.paused[kind]) this.broadcast(this.message(kind, false), (c) => c.state === kind);
      });
    }
  }

  onOpen(connection: Connection<Kind>): void {
    this.sendTo(connection, this.message(connection.state, false));
  }

  /** The seed defines no client frame: whatever a client sends is ignored. */
  onMessage(): void {}

  /** Pauses or resumes streams, as `POST /api/ws/control` does. */
  setPaused(target: VeloFlux.UpdateTarget, paused: boolean): Record<Kind, boolean> {
    for (const kind of target === 'all' ? KINDS : [target]) this.paused[kind] = paused;
    return { ...this.paused };
  }

  /** Pushes streams now with `forced: true`, as `POST /api/ws/force-update` does. */
  force(target: VeloFlux.UpdateTarget): Kind[] {
    const kinds = target === 'all' ? [...KINDS] : [target];
    for (const kind of kinds) this.broadcast(this.message(kind, true), (c) => c.state === kind);
    return kinds;
  }

  override routes(): Route[] {
    const { control, forceUpdate } = VeloFlux.endpoints;
    return [
      this.endpoint(
        control,
        ({ body }) => ({
          status: 200,
          body: {
            success: true,
            action: body.action,
            type: body.type,
            paused: this.setPaused(body.type, body.action === 'pause'),
          },
        }),
        { rateLimited: true },
      ),
      this.endpoint(
        forceUpdate,
        ({ body }) => ({
          status: 200,
          body: { success: true, type: body.type, forced: this.force(body.type) },
        }),
        { rateLimited: true },
      ),
    ];
  }

  override errorBody(message: string): unknown {
    return { error: message };
  }

  // A Go server answers a bad body with 400.
  protected override readonly invalidStatus = 400;

  protected route(message: Message): number {
    const kind = KIND_OF_TYPE[message.type];
    return this.broadcast(message, (c) => c.state === kind);
  }

  private message(kind: Kind, forced: boolean): Message {
    const timestamp = new Date().toISOString();
    const clients = this.connections.size;
    switch (kind) {
      case 'backends':
        return {
          type: 'backend_status',
          backends: this.balancer.backendsList(),
          timestamp,
          forced,
        };
      case 'metrics':
        return {
          type: 'metrics',
          data: this.balancer.metrics(clients),
          timestamp,
          ...(forced ? { forced } : {}),
        };
      case 'status':
        return {
          type: 'system_status',
          data: this.balancer.status(clients),
          timestamp,
          ...(forced ? { forced } : {}),
        };
    }
  }

  private kindOf(pathname: string): Kind | undefined {
    return KINDS.find((kind) => VeloFlux.VELOFLUX_PATHS[kind] === pathname);
  }
}
