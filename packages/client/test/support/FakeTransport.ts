import type { Transport, TransportOwner, TransportState } from '../../src/Transport';

/**
 * A transport the test drives: it records what the channel sends and plays
 * the socket's side (open, frames, close) through the owner API, so a
 * `Channel` can be tested with no socket at all.
 */
export class FakeTransport implements Transport {
  static last: FakeTransport | undefined;
  readonly sent: string[] = [];
  state: TransportState;
  opens = 0;
  closedWith: string | undefined;

  constructor(
    readonly url: string,
    readonly owner: TransportOwner,
  ) {
    this.state = { status: 'idle', url, attempt: 0 };
    FakeTransport.last = this;
  }

  open(): void {
    if (this.state.status !== 'idle') return;
    this.opens++;
    this.#set({ status: 'connecting' });
  }

  send(frame: string): boolean {
    if (this.state.status !== 'open') return false;
    this.sent.push(frame);
    return true;
  }

  pongs = 0;
  pong(): void {
    this.pongs++;
  }

  reconnectNow(): void {}

  suspend(reason: string): void {
    this.#set({ status: 'offline', reason });
  }

  resume(): void {
    if (this.state.status === 'offline') this.#set({ status: 'connecting' });
  }

  wake(): void {}

  probes = 0;
  probe(): void {
    this.probes++;
  }

  close(reason = 'closed by the client'): void {
    if (this.state.status === 'closed') return;
    this.closedWith = reason;
    this.#set({ status: 'closed', reason });
    this.owner.ended(false, undefined);
  }

  // ---- the test plays the socket ----

  connected(reconnect = false): void {
    this.state = { ...this.state, status: 'open' };
    this.owner.open(reconnect);
    this.owner.state(this.state);
  }

  dropped(): void {
    this.#set({ status: 'reconnecting', attempt: this.state.attempt + 1 });
  }

  receive(frame: string): void {
    this.owner.frame(frame);
  }

  #set(patch: Partial<TransportState>): void {
    this.state = { ...this.state, ...patch };
    this.owner.state(this.state);
  }
}
