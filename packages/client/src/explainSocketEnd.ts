import type { AuthPlacement } from '@feedkit/protocol';
import { type CloseContext, closedBeforeOpen } from './closeRule';
import type { UpgradeProbe } from './probeUpgrade';
import type { SocketEnd } from './watchSocket';

/** Everything a failure needs besides its rule. */
export interface FailureDetail {
  readonly closeCode?: number;
  readonly httpStatus?: number;
  readonly cause?: unknown;
}

/** What a socket's opening tells about a refused upgrade. */
export interface UpgradeView {
  /** The implementation reports a refused upgrade's HTTP status (Node's `ws`). */
  readonly seesUpgradeStatus: boolean;
  /** The URL to probe when the upgrade is refused unseen (credentials were sent, or in a page). */
  readonly probeUrl: string | undefined;
  /** Whether this socket carried a token or key (where the system takes none, it never does). */
  readonly credentialsSent: boolean;
}

/** A page or worker: it has an origin, which the browser sends with every upgrade (and a server may refuse). */
function inPage(): boolean {
  return typeof (globalThis as { location?: { origin?: unknown } }).location?.origin === 'string';
}

/**
 * The view of an opening socket: where its status is hidden, the probe runs
 * when credentials were sent or in a page, whose origin the server may refuse:
 * either may explain a refusal.
 */
export function upgradeView(
  opening: { readonly seesUpgradeStatus: boolean; readonly url: string },
  credentialsSent: boolean,
): UpgradeView {
  const { seesUpgradeStatus, url } = opening;
  const probe = !seesUpgradeStatus && (credentialsSent || inPage());
  return { seesUpgradeStatus, probeUrl: probe ? url : undefined, credentialsSent };
}

/** What a refusal told besides its status: its body's words, or that a browser may not read it. */
interface RefusalWords {
  readonly httpText?: string | undefined;
  readonly statusHidden?: boolean;
  readonly serverAnswered?: number;
}

export interface SocketEndContext extends UpgradeView {
  readonly auth: AuthPlacement | undefined;
  readonly probe: UpgradeProbe | undefined;
  /** False once the connection moved on (a `close()` meanwhile wins over the probe's answer). */
  readonly current: () => boolean;
}

/**
 * Tells `fail` how a socket ended, in `closeRule`'s terms. A refused
 * upgrade's HTTP status (and what its body said) is its cause: `ws` sees it; browsers, Deno and Bun
 * close before open with 0, 1005 or 1006 and no status, exactly like a
 * network failure. There `probe` asks the server, credentials or not (a
 * server that checks the page's origin refuses a socket that sends none),
 * and `fail` runs with its answer if the connection is still `current()`.
 */
export function explainSocketEnd(
  end: SocketEnd,
  context: SocketEndContext,
  fail: (event: CloseContext, detail: FailureDetail) => void,
): void {
  const { probe, probeUrl } = context;
  const withStatus = (status: number | undefined, told: RefusalWords = {}) => {
    // A refused upgrade's status is its cause; the transport's error about it is not.
    const seen = status === undefined ? end.failure : undefined;
    const { seesUpgradeStatus, auth, credentialsSent } = context;
    const { code, reason } = end.event;
    fail(
      {
        opened: end.opened,
        seesUpgradeStatus,
        auth,
        credentialsSent,
        httpStatus: status,
        httpText: told.httpText,
        statusHidden: told.statusHidden,
        serverAnswered: told.serverAnswered,
        code,
        reason,
        transportError: seen?.error,
      },
      { closeCode: code, httpStatus: status, cause: seen?.cause },
    );
  };
  const unseen = end.httpStatus === undefined && closedBeforeOpen(end.opened, end.event.code);
  // probeUrl is set where the implementation hides a refused upgrade's status (browsers).
  if (!(unseen && probeUrl !== undefined && probe)) {
    withStatus(end.httpStatus, { httpText: end.httpText });
    return;
  }
  void probe(probeUrl).then((answer) => {
    if (!context.current()) return;
    if (answer === 'hidden') withStatus(undefined, { statusHidden: true });
    else if (answer !== undefined && 'answered' in answer)
      withStatus(undefined, { serverAnswered: answer.answered });
    else withStatus(answer?.status, { httpText: answer?.text });
  });
}
