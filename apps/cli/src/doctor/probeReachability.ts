import { connect as tcpConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { Check } from './DoctorReport';

/** The real cause behind a socket error code, in words. */
export function describeNetworkError(error: NodeJS.ErrnoException): string {
  const causes: Record<string, string> = {
    ECONNREFUSED: 'connection refused: nothing listens on that port',
    ENOTFOUND: 'unknown host: the name does not resolve',
    EAI_AGAIN: 'DNS lookup failed (temporary): the name could not be resolved now',
    ETIMEDOUT: 'connection timed out: a firewall or a dead host',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ECONNRESET: 'connection reset by the peer',
    CERT_HAS_EXPIRED: 'bad certificate: it has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'bad certificate: self-signed',
    SELF_SIGNED_CERT_IN_CHAIN: 'bad certificate: self-signed certificate in the chain',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'bad certificate: cannot verify its issuer',
    ERR_TLS_CERT_ALTNAME_INVALID: 'bad certificate: it is not for this host name',
    // https:// or wss:// to a port that speaks plain HTTP: OpenSSL reads the HTTP answer as a TLS record.
    ERR_SSL_WRONG_VERSION_NUMBER: 'no TLS on that port: it speaks plain HTTP; use http:// or ws://',
  };
  const code = error.code ?? '';
  // trim(): OpenSSL's messages end with a newline.
  return `${causes[code] ?? error.message.trim()}${code ? ` (${code})` : ''}`;
}

/**
 * Can we reach the host at all? A TCP connection (and a TLS handshake for
 * https/wss), so a refused port, an unknown host and a bad certificate are
 * told apart before any WebSocket is tried.
 */
export function probeReachability(url: string, timeoutMs = 5000): Promise<Check> {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'https:' || parsed.protocol === 'wss:';
  const port = Number(parsed.port || (secure ? 443 : 80));
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = secure
      ? tlsConnect({ host, port, servername: host, ALPNProtocols: ['http/1.1'] })
      : tcpConnect({ host, port });
    const done = (check: Check) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(check);
    };
    const timer = setTimeout(
      () =>
        done({
          name: 'reachability',
          status: 'fail',
          detail: `no answer from ${host}:${port} within ${timeoutMs} ms (firewall or dead host)`,
        }),
      timeoutMs,
    );
    socket.once(secure ? 'secureConnect' : 'connect', () =>
      done({
        name: 'reachability',
        status: 'ok',
        detail: `${secure ? 'TLS' : 'TCP'} ${host}:${port} in ${Math.round(performance.now() - started)} ms`,
      }),
    );
    socket.once('error', (error) =>
      done({
        name: 'reachability',
        status: 'fail',
        detail: `${host}:${port}: ${describeNetworkError(error)}`,
      }),
    );
  });
}
