import type { Connection } from './Connection';

/** A request or upgrade that arrived while frozen: run on `thaw()`, dropped on stop/restart. */
interface Held {
  run(): void;
  drop(): void;
}

/**
 * The fault handle: what a test does to the server's peers besides stopping
 * it. Freezing black-holes every peer (nothing sent, nothing answered, new
 * upgrades and REST requests held); dropping closes every socket with a code.
 */
export class Faults {
  private isFrozen = false;
  private readonly held: Held[] = [];

  constructor(private readonly connections: () => Iterable<Connection<unknown>>) {}

  get frozen(): boolean {
    return this.isFrozen;
  }

  /** Black-holes every peer: sockets stay open, nothing is sent, nothing is answered. */
  freeze(): void {
    this.isFrozen = true;
  }

  /** Ends a freeze: held upgrades and requests go through, idle clocks restart from now. */
  thaw(): void {
    if (!this.isFrozen) return;
    this.isFrozen = false;
    // Time spent frozen does not count against a client's inactivity budget.
    const now = performance.now();
    for (const connection of this.connections()) connection.lastSeen = now;
    for (const held of this.held.splice(0)) held.run();
  }

  /** Holds `run` until `thaw()` when frozen (returns true), or does nothing (returns false). */
  hold(run: () => void, drop: () => void): boolean {
    if (!this.isFrozen) return false;
    this.held.push({ run, drop });
    return true;
  }

  /** Drops everything held (the listener is going away). */
  dropHeld(): void {
    for (const held of this.held.splice(0)) held.drop();
  }

  /** Closes every socket with `code` (1005/1006 drop the TCP connection without a close frame). */
  drop(code = 1012, reason = 'dropped by test'): void {
    for (const connection of this.connections()) connection.close(code, reason);
  }
}
