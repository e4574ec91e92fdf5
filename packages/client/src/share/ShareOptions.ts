/** `tabs(options)`: one owner holds the sockets for every tab of the browser profile. */
export interface ShareOptions {
  /**
   * The SharedWorker script. Serve it from your own origin when your
   * bundler does not copy it (`@feedkit/client/share-worker` is the file),
   * or `false` to elect a leader tab instead (Web Locks + BroadcastChannel).
   *
   * Functions cannot cross `postMessage`, so a SharedWorker cannot run a
   * tab's `backoff`, `shouldRetry`, `WebSocket` or `fetch` (the upgrade
   * probe). Rather than run its defaults in their place without a word, a
   * client with any of them is refused at `createClient` with a `config`
   * error naming them, unless `worker` is `false`: the leader tab then runs
   * the functions of its own client with the same options (a leader page
   * that has no such client answers that client with a `config` error until
   * one that has leads). Every other option reaches the owner as given.
   * @default the package's `shareWorker.js`, next to its own module
   * @example worker: '/assets/feedkit-share-worker.js'
   */
  readonly worker?: string | URL | false;
  /**
   * How the owner tells a crashed tab from a live one: it pings every
   * `intervalMs` and releases the topics of a tab silent for `timeoutMs`.
   * (A tab that closes, or whose process dies, releases its topics at once
   * where Web Locks exist.) A tab that was only frozen joins again when it wakes.
   * @default { intervalMs: 1000, timeoutMs: 5000 }
   */
  readonly liveness?: { readonly intervalMs?: number; readonly timeoutMs?: number };
}
