/** The part of msw's `WebSocketClientConnection` a mock connection uses. */
export interface MswClient {
  readonly id: string;
  readonly url: URL;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/**
 * One client socket as the mock server sees it: where it connected, what it
 * subscribed to, every command it sent (decoded), and a way to talk to it.
 */
export class MockConnection {
  readonly id: string;
  /** The socket URL the client opened, query (and credentials) included. */
  readonly url: URL;
  /** The URL path, e.g. `/api/monitoring/ws`. */
  readonly path: string;
  /** Path parameters of the matched endpoint (`projectId` on Plataforma E's project socket). */
  readonly params: Readonly<Record<string, string>>;
  /** The server-side subscription state, in the adapter's topic names (`topic:orders`, `room:agents`). */
  readonly topics = new Set<string>();
  /** Every command the client sent, decoded with the system's command schemas, in order. */
  readonly commands: unknown[] = [];
  /** Frames the client sent that are not valid commands (the server would answer with an error). */
  readonly invalidFrames: string[] = [];
  /** Frames sent to this client, in order. */
  readonly sent: string[] = [];
  open = true;

  constructor(
    private readonly client: MswClient,
    params: Readonly<Record<string, string>> = {},
  ) {
    this.id = client.id;
    this.url = client.url;
    this.path = client.url.pathname;
    this.params = params;
  }

  /** The query parameter `name` of the socket URL (`token`, `client_id`, `level`). */
  query(name: string): string | undefined {
    return this.url.searchParams.get(name) ?? undefined;
  }

  send(frame: string): void {
    if (!this.open) return;
    this.sent.push(frame);
    this.client.send(frame);
  }

  /**
   * Closes the socket after the frames already sent (msw delivers them a
   * tick later; closing at once would drop them, which no real server does).
   * `beforeOpen` closes at once, so the client never sees it open: a refused upgrade.
   */
  close(code: number, reason = '', options: { readonly beforeOpen?: boolean } = {}): void {
    if (!this.open) return;
    this.open = false;
    if (options.beforeOpen) this.client.close(code, reason);
    else setTimeout(() => this.client.close(code, reason), 0);
  }
}
