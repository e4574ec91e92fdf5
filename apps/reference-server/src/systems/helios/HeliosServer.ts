import type { IncomingMessage } from 'node:http';
import { Helios } from '@feedkit/protocol';
import type { Connection } from '../../Connection';
import type { Schema } from '../../drift/Schema';
import type { Route } from '../../http/Router';
import { type Admission, bearerToken, type SystemContext, SystemServer } from '../SystemServer';
import { RaftCluster, type RaftEvent } from './RaftCluster';
import { TokenIssuer, USERS } from './TokenIssuer';

type Message = Helios.ServerMessage;
type Flag = Helios.SubscriptionFlag;

/** Seed time between two simulated cluster changes. */
const EVENT_INTERVAL_MS = 2_500;

/** Which subscription flag lets each message type through; absent = always sent. */
const FLAG_OF: Partial<Record<Message['type'], Flag>> = {
  status: 'status',
  latency: 'latency',
  uptime: 'uptime',
  snapshot: 'snapshot',
  custom_metrics: 'custom_metrics',
  state_change: 'state_changes',
  peer_change: 'peer_changes',
};

/** What a Helios socket's admission remembers: when its token expires. */
interface TokenLease {
  readonly expiresAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Helios `/ws/cluster`: admin bearer token required (401 without a valid
 * one, 403 for a non-admin), `status` every 5 s, `status_update` right after
 * connect and after every subscription change, and the Raft cluster's events
 * filtered by the connection's seven flags (all on by default). A socket is
 * closed with 4001 when the token that opened it expires.
 */
export class HeliosServer extends SystemServer<Message, TokenLease> {
  readonly name = 'helios' as const;
  readonly adapter = Helios.adapter;

  schemaOf(message: Message): Schema | undefined {
    return Helios.serverMessageSchemas[message.type];
  }
  override readonly maxPayload = 64 * 1024;
  readonly cluster: RaftCluster;
  readonly tokens: TokenIssuer;

  constructor(ctx: SystemContext, tokenTtlSeconds: number) {
    super(ctx);
    this.cluster = new RaftCluster(ctx.random);
    this.tokens = new TokenIssuer(tokenTtlSeconds);
  }

  handles(pathname: string): boolean {
    return pathname === Helios.HELIOS_PATH;
  }

  socketPaths(): readonly string[] {
    return [`${Helios.HELIOS_PATH}?token=<token>`];
  }

  override notes(): readonly string[] {
    return [
      'login: admin / admin123 (may open the socket), viewer / viewer123 (refused with 403)',
      `tokens last ${this.tokens.ttlSeconds} s (HELIOS_TOKEN_TTL)`,
    ];
  }

  admit(request: IncomingMessage, url: URL): Admission<TokenLease> {
    const token = bearerToken(request, url);
    if (token === undefined || token === '') {
      return {
        ok: false,
        status: 401,
        body: { error: 'missing token; send ?token=<token> or Authorization: Bearer <token>' },
      };
    }
    const verified = this.tokens.verify(token);
    if (!verified.ok) return { ok: false, status: 401, body: { error: verified.reason } };
    if (verified.claims.role !== 'admin') {
      return { ok: false, status: 403, body: { error: 'admin permissions required' } };
    }
    return { ok: true, state: { expiresAt: verified.claims.exp * 1000, timer: undefined } };
  }

  start(): void {
    this.ctx.clock.every(Helios.HELIOS_STATUS_INTERVAL_MS, () => {
      if (this.ctx.simulate) this.cluster.append();
      this.route(this.message('status', this.cluster.status()));
    });
    if (!this.ctx.simulate) return;
    this.ctx.clock.every(EVENT_INTERVAL_MS, () => {
      for (const event of this.cluster.next()) this.route(this.fromEvent(event));
    });
  }

  onOpen(connection: Connection<TokenLease>): void {
    // A socket lives no longer than the token that opened it: at expiry it is
    // closed with 4001, and the client logs in again (or refreshes) and reconnects.
    const lease = connection.state;
    lease.timer = setTimeout(
      () => connection.close(4001, 'token expired'),
      Math.max(0, lease.expiresAt - Date.now()),
    );
    connection.setSubscriptions(Helios.subscriptionFlags);
    this.sendTo(connection, this.message('status_update', this.cluster.status()));
  }

  override onClose(connection: Connection<TokenLease>): void {
    clearTimeout(connection.state.timer);
  }

  onMessage(connection: Connection<TokenLease>, frame: string): void {
    const result = this.adapter.decodeCommand(frame);
    if (result.kind !== 'message') {
      const why =
        result.kind === 'error'
          ? result.error.message
          : `helios: unknown message type '${String(result.message.type)}'; expected ping, subscribe or unsubscribe`;
      // The seed's `error` message; the socket stays open.
      this.sendTo(connection, this.message('error', { error: why }));
      return;
    }
    const command = result.message;
    switch (command.type) {
      case 'ping':
        this.sendTo(connection, { type: 'pong', timestamp: new Date().toISOString() });
        return;
      case 'subscribe':
        connection.setSubscriptions(Helios.subscriptionFlags.filter((flag) => command.data[flag]));
        break;
      case 'unsubscribe':
        connection.setSubscriptions([]);
        break;
    }
    this.sendTo(connection, this.message('status_update', this.cluster.status()));
  }

  /** A token for a seed user (`admin` or `viewer`), as `POST /api/auth/login` gives it; `ttlSeconds` overrides the server's TTL (fractions allowed). */
  issueToken(username = 'admin', ttlSeconds?: number): string {
    return this.tokens.issue(username, ttlSeconds).token;
  }

  override routes(): Route[] {
    return [
      this.endpoint(Helios.endpoints.login, ({ body }) => {
        const user = USERS[body.username];
        if (user === undefined || user.password !== body.password) {
          return { status: 401, body: { error: 'invalid username or password' } };
        }
        const { token, claims } = this.tokens.issue(body.username);
        return {
          status: 200,
          body: { token, expires_at: new Date(claims.exp * 1000).toISOString(), role: claims.role },
        };
      }),
    ];
  }

  override errorBody(message: string): unknown {
    return { error: message };
  }

  // A Go gateway answers a bad body with 400.
  protected override readonly invalidStatus = 400;

  protected route(message: Message): number {
    const flag = FLAG_OF[message.type];
    return this.broadcast(
      message,
      flag === undefined ? undefined : (c) => c.subscriptions.has(flag),
    );
  }

  private fromEvent(event: RaftEvent): Message {
    return this.message(event.type, event.data);
  }

  private message<T extends Message['type']>(type: T, data: unknown): Message {
    return { type, timestamp: new Date().toISOString(), data } as Message;
  }
}
