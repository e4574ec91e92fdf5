import type { HubMessage } from './ShareMessages';
import { fromWireError, type WireError } from './wireError';

interface Waiting {
  readonly refresh: boolean;
  /** Clients not asked yet, in order. */
  readonly others: string[];
  tab: string;
  resolve(token: string | undefined): void;
  reject(error: unknown): void;
}

/**
 * Token providers run in tabs (a SharedWorker has no DOM and no
 * localStorage), so the owner asks a live tab for each token. When the tab
 * it asked dies first, the next client of the same session is asked.
 */
export class TokenRelay {
  readonly #post: (tab: string, message: HubMessage) => void;
  readonly #tabOf: (client: string) => string | undefined;
  readonly #waiting = new Map<number, Waiting>();
  #next = 1;

  constructor(
    post: (tab: string, message: HubMessage) => void,
    tabOf: (client: string) => string | undefined,
  ) {
    this.#post = post;
    this.#tabOf = tabOf;
  }

  /** Asks the first of `clients` whose tab is alive for a token. */
  ask(clients: readonly string[], refresh: boolean): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      const waiting: Waiting = { refresh, others: [...clients], tab: '', resolve, reject };
      this.#askNext(this.#next++, waiting);
    });
  }

  answer(id: number, token: string | undefined, error: WireError | undefined): void {
    const waiting = this.#waiting.get(id);
    if (!waiting) return;
    this.#waiting.delete(id);
    if (error) waiting.reject(fromWireError(error));
    // A tab that has no token (not signed in there) is no answer while another tab may have one.
    else if (token === undefined && waiting.others.length > 0) this.#askNext(id, waiting, true);
    else waiting.resolve(token);
  }

  /** A tab died: what it was asked goes to another one. */
  tabGone(tab: string): void {
    for (const [id, waiting] of [...this.#waiting]) {
      if (waiting.tab !== tab) continue;
      this.#waiting.delete(id);
      this.#askNext(id, waiting);
    }
  }

  #askNext(id: number, waiting: Waiting, answered = false): void {
    for (let client = waiting.others.shift(); client; client = waiting.others.shift()) {
      const tab = this.#tabOf(client);
      if (tab === undefined) continue;
      waiting.tab = tab;
      this.#waiting.set(id, waiting);
      this.#post(tab, { from: 'hub', t: 'token', client, id, refresh: waiting.refresh });
      return;
    }
    // Every tab said "no token": connect without one, as a single tab would.
    if (answered) waiting.resolve(undefined);
    // Not an auth failure: the connection retries, and a tab that opens meanwhile is asked.
    else waiting.reject(new Error('no open tab is left to ask for a token'));
  }
}
