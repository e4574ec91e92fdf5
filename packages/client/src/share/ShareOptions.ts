/** `createClient({ share })`: one owner holds the sockets for every tab of the browser profile. */
export interface ShareOptions {
  /**
   * The SharedWorker script. Serve it from your own origin when your
   * bundler does not copy it (`@feedkit/client/share-worker` is the file),
   * or `false` to elect a leader tab instead (Web Locks + BroadcastChannel).
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
