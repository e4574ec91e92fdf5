/**
 * True while rendering on a server (`renderToString` in Node, Deno, workers
 * without a DOM). Composables then return their initial value and subscribe
 * to nothing, so server rendering never opens a socket.
 *
 * Why not `import.meta.env.SSR`: that flag exists only under Vite; this
 * package must behave the same under any bundler and in plain Node.
 * Why not a Vue API: Vue runs immediate watchers during SSR setup and has no
 * public "am I server-rendering" flag outside `useSSRContext()`, which warns
 * when called on the client.
 */
export function isServer(): boolean {
  return typeof window === 'undefined' || typeof document === 'undefined';
}
