import { connect, type Socket } from 'node:net';
import type { FaultSettings } from './FaultSettings';
import { Pipe, type WriteCounter } from './Pipe';

/**
 * One proxied TCP connection: the client's socket, the one to the upstream,
 * and a `Pipe` each way. Closing either side closes the other, unless the
 * link was made half-open.
 */
export class Link {
  readonly upstream: Socket;
  readonly toServer: Pipe;
  readonly toClient: Pipe;
  #halfOpen = false;
  readonly closed: Promise<void>;

  constructor(
    readonly client: Socket,
    upstream: { readonly host: string; readonly port: number },
    settings: () => FaultSettings,
    written?: { readonly toClient: WriteCounter; readonly toServer: WriteCounter },
  ) {
    this.upstream = connect(upstream.port, upstream.host);
    for (const socket of [client, this.upstream]) socket.setNoDelay(true);
    const silent = () => this.#halfOpen;
    this.toServer = new Pipe(
      client,
      this.upstream,
      () => {
        const s = settings();
        return { ...s, blackHole: s.blackHoleToServer || silent() };
      },
      written?.toServer,
    );
    this.toClient = new Pipe(
      this.upstream,
      client,
      () => {
        const s = settings();
        return { ...s, blackHole: s.blackHoleToClient || silent() };
      },
      written?.toClient,
    );
    let closedSides = 0;
    this.closed = new Promise((resolve) => {
      for (const socket of [client, this.upstream]) {
        // Resets and refusals are the faults under test, not proxy failures.
        socket.on('error', () => {});
        socket.on('close', () => {
          if (!this.#halfOpen) this.destroy();
          if (++closedSides === 2) resolve();
        });
      }
    });
  }

  /**
   * The server stops reading this connection: client -> server bytes stay in
   * the kernel buffers (TCP backpressure), nothing reaches the server, and
   * nothing the client sent is answered.
   */
  stopReading(): void {
    this.client.pause();
  }

  /**
   * The upstream side goes away (the server sees its connection close) while
   * the client's socket stays open and hears nothing, not even a FIN: what a
   * dropped NAT mapping or a crashed host leaves behind.
   */
  halfOpen(): void {
    this.#halfOpen = true;
    this.upstream.destroy();
  }

  /** Closes both sides (a FIN to each), or resets the client's side. */
  destroy(mode: 'close' | 'reset' = 'close'): void {
    if (mode === 'reset') this.client.resetAndDestroy();
    else this.client.destroy();
    this.upstream.destroy();
  }
}
