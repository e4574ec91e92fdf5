import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { SystemName } from '@feedkit/protocol';
import { WebSocketServer } from 'ws';
import { Connection, type ConnectionHost } from './Connection';
import type { Faults } from './Faults';
import { refuseUpgrade } from './http/refuseUpgrade';
import { runGuarded } from './runGuarded';
import { queryOf, type SystemServer } from './systems/SystemServer';

/**
 * Socket accept: finds the system that serves an upgrade's path, lets it
 * admit or refuse (401, 403, 404, 503), completes the handshake and wires
 * the socket's frames, pings and close to the system.
 */
export class SocketAcceptor {
  private readonly wss = new Map<SystemName, WebSocketServer>();
  private nextId = 1;

  constructor(
    private readonly systems: readonly SystemServer<object, unknown>[],
    private readonly host: ConnectionHost,
    private readonly faults: Faults,
    private readonly log: (error: unknown) => void,
  ) {
    for (const system of systems) {
      this.wss.set(
        system.name,
        new WebSocketServer({
          noServer: true,
          maxPayload: system.maxPayload,
          // Pings are answered by hand so that a frozen server can ignore them.
          autoPong: false,
          clientTracking: false,
          perMessageDeflate: false,
        }),
      );
    }
  }

  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const held = this.faults.hold(
      () => this.upgrade(request, socket, head),
      () => socket.destroy(),
    );
    if (held) return;
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const system = this.systems.find((s) => s.handles(url.pathname));
      if (system === undefined) {
        refuseUpgrade(socket, 404, { detail: `no WebSocket endpoint at ${url.pathname}` });
        return;
      }
      const admission = system.admit(request, url);
      if (!admission.ok) {
        refuseUpgrade(socket, admission.status, admission.body);
        return;
      }
      // Counted until the socket opens or dies, so limits hold under a burst of upgrades.
      let pending = true;
      const settle = () => {
        if (!pending) return;
        pending = false;
        system.pendingUpgrades--;
      };
      system.pendingUpgrades++;
      socket.once('close', settle);
      const wss = this.wss.get(system.name) as WebSocketServer;
      wss.handleUpgrade(request, socket, head, (ws) => {
        settle();
        const id = `c${this.nextId++}`;
        const query = queryOf(url);
        const connection = new Connection(
          id,
          system.name,
          url.pathname,
          query,
          ws,
          socket,
          this.host,
          admission.state,
        );
        this.accept(system, connection);
      });
    } catch (error) {
      this.log(error);
      refuseUpgrade(socket, 500, { detail: 'internal error' });
    }
  }

  /** Closes the per-system handshake servers (at stop). */
  close(): void {
    for (const wss of this.wss.values()) wss.close();
  }

  private accept(system: SystemServer<object, unknown>, connection: Connection<unknown>): void {
    const ws = connection.socket;
    ws.on('error', () => {});
    ws.on('ping', (data) => {
      if (!this.faults.frozen) ws.pong(data);
    });
    ws.on('message', (data) => {
      if (this.faults.frozen) return;
      connection.messagesIn++;
      system.counters.messagesReceived++;
      connection.lastSeen = performance.now();
      const frame = Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : Buffer.from(data as ArrayBuffer).toString('utf8');
      this.guard(() => system.onMessage(connection, frame));
    });
    ws.on('close', () => {
      if (!system.connections.delete(connection)) return;
      system.counters.disconnections++;
      this.guard(() => system.onClose(connection));
      this.host.changed();
    });
    system.connections.add(connection);
    system.counters.connections++;
    this.guard(() => system.onOpen(connection));
    this.host.changed();
  }

  /** A system that throws on one socket is logged; the server and the other sockets go on. */
  private guard(run: () => void): void {
    runGuarded(run, this.log);
  }
}
