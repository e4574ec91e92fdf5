import type { CloseRule } from './closeRule';

// Refused upgrades whose cause is not plainly the credentials: a server app's own
// refusal, a wrong path, and what a browser page can and cannot tell. `closeRule` picks them.

/**
 * A bare 403 (no body) where the system takes no credentials: what uvicorn
 * and Starlette answer when the application closes the socket before
 * accepting it (a FastAPI endpoint's `websocket.close()` first). The app
 * refused this connection for a reason of its own (a full server, a
 * `client_id` already connected, a query parameter it rejected), most of
 * which pass: retried with backoff, never fatal.
 */
export const CLOSED_BEFORE_ACCEPT: CloseRule = {
  action: 'reconnect',
  error: 'connection',
  reason:
    'upgrade refused: HTTP 403 with no body: the app closed the socket before accepting it (uvicorn)',
  advice: "full, id in use or bad query: see the server's log",
};

/** A 404 upgrade: a URL that already holds the feed's path, a missing prefix, or another system. */
export const NO_SOCKET_AT_PATH =
  "nothing serves this socket at that path: `url` is the server's address without a feed's path (feedkit appends it; a reverse-proxy prefix may stay in it or go in `basePath`), and the server must run this system";

const HIDDEN =
  "upgrade refused by a server that is up; its HTTP status is hidden from this page (no CORS header for the page's origin)";

/** A browser's upgrade refused by a server that answered the probe, but not to this page's origin. */
export const STATUS_HIDDEN: CloseRule = {
  action: 'refresh',
  error: 'connection',
  reason: `${HIDDEN}; retried (a token provider is asked again)`,
  advice:
    "credentials, role or the page's origin: to see which, let the server allow this origin (Access-Control-Allow-Origin) on the socket path, or reach it through the page's own origin",
};

/** What to change when a browser's upgrade was most likely refused for the page's origin. */
const ORIGIN_ADVICE =
  "allow this page's origin on the server (Go's gorilla/websocket refuses other origins by default: Upgrader.CheckOrigin), or reach it through the page's own origin";

/** A browser's upgrade refused by a server that is up, where no credentials can be the cause. */
export const ORIGIN_HIDDEN: CloseRule = {
  action: 'reconnect',
  error: 'connection',
  reason: `${HIDDEN}, and no credentials were sent: most likely the page's origin`,
  advice: ORIGIN_ADVICE,
};

/** A browser's upgrade refused although a plain GET of its path passes the same auth. */
export const originRefused = (getStatus: number): CloseRule => ({
  action: 'reconnect',
  error: 'connection',
  reason: `upgrade refused by a server that is up: a plain GET of the socket path is answered (HTTP ${getStatus}), so most likely the page's origin`,
  advice: ORIGIN_ADVICE,
});
