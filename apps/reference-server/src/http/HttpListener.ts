import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export interface HttpHandlers {
  request(request: IncomingMessage, response: ServerResponse): void;
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
}

/**
 * The TCP listener, and nothing else: listens on a port (again after a
 * restart) and really closes it, so clients see a refused connection.
 */
export class HttpListener {
  private http: Server | undefined;
  private boundPort = 0;

  constructor(
    private readonly host: string,
    private readonly handlers: HttpHandlers,
  ) {}

  get port(): number {
    return this.boundPort;
  }

  listen(port: number): Promise<void> {
    const http = createServer((request, response) => this.handlers.request(request, response));
    http.on('upgrade', (request, socket, head) => this.handlers.upgrade(request, socket, head));
    http.on('clientError', (_error, socket) => {
      if (!socket.destroyed) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    });
    this.http = http;
    return new Promise((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, this.host, () => {
        http.off('error', reject);
        this.boundPort = (http.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  /** Stops accepting at once and cuts plain HTTP connections; resolves when the port is closed. */
  close(): Promise<void> {
    const http = this.http;
    this.http = undefined;
    if (http === undefined) return Promise.resolve();
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    http.closeAllConnections();
    return closed;
  }
}
