import { EventEmitter } from 'node:events';
import type { SystemName } from '@feedkit/protocol';
import type { Connection, ConnectionInfo } from './Connection';
import type { SystemServer } from './systems/SystemServer';

/**
 * Every open socket of every system, as tests see them: snapshots, and a
 * wait that is re-checked on every open, close and subscription change.
 */
export class ConnectionRegistry {
  private readonly events = new EventEmitter();

  constructor(private readonly systems: readonly SystemServer<object, unknown>[]) {
    this.events.setMaxListeners(0);
  }

  *all(): Generator<Connection<unknown>> {
    for (const system of this.systems) yield* system.connections;
  }

  /** Called on every open, close and subscription change. */
  changed(): void {
    this.events.emit('change');
  }

  snapshot(system?: SystemName): readonly ConnectionInfo[] {
    const out: ConnectionInfo[] = [];
    for (const connection of this.all()) {
      if (system === undefined || connection.system === system) out.push(connection.info());
    }
    return Object.freeze(out);
  }

  waitFor(
    predicate: (connections: readonly ConnectionInfo[]) => boolean,
    timeoutMs: number,
  ): Promise<readonly ConnectionInfo[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const current = this.snapshot();
        let ok = false;
        try {
          ok = predicate(current);
        } catch (error) {
          done();
          reject(error);
          return;
        }
        if (ok) {
          done();
          resolve(current);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `waitForConnections: predicate still false after ${timeoutMs} ms; connections: ${JSON.stringify(this.snapshot())}`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.events.off('change', check);
      };
      this.events.on('change', check);
      check();
    });
  }

  /** Closes every socket with `code` and resolves when all are closed (a peer that never answers is cut off). */
  async closeAll(code: number, reason: string): Promise<void> {
    const closing: Promise<void>[] = [];
    for (const connection of this.all()) {
      closing.push(
        new Promise((resolve) => {
          if (connection.socket.readyState === connection.socket.CLOSED) return resolve();
          connection.socket.once('close', () => resolve());
          connection.close(code, reason);
          setTimeout(() => connection.socket.terminate(), 500).unref();
        }),
      );
    }
    await Promise.all(closing);
  }
}
