import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from './freePort';
import { ProxyProcess } from './ProxyProcess';
import type { ReverseProxyOptions } from './ReverseProxyOptions';

/**
 * The haproxy configuration of a WebSocket-capable reverse proxy (haproxy
 * passes upgrades in `mode http` as they are): TLS termination on `bind ... ssl
 * crt`, a path prefix removed with `replace-path`, `timeout tunnel` for an
 * upgraded connection's silence, and no retries so a down upstream is a 503 at once.
 */
export function haproxyConfig(port: number, options: ReverseProxyOptions): string {
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const idle = options.idleTimeoutSeconds ?? 60;
  const { tls, requireHeader } = options;
  return `
global
  maxconn 256

defaults
  mode http
  retries 0
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  timeout tunnel ${idle}s

frontend feedkit
  bind 127.0.0.1:${port}${tls ? ` ssl crt ${tls.bundleFile}` : ''}
  ${requireHeader ? `http-request deny deny_status 401 unless { req.hdr(${requireHeader.name}) -m str ${requireHeader.value} }` : ''}
  ${prefix ? `http-request deny deny_status 404 unless { path_beg ${prefix}/ }` : ''}
  default_backend feedkit_upstream

backend feedkit_upstream
  ${prefix ? `http-request replace-path ${prefix}(/.*) \\1` : ''}
  server upstream 127.0.0.1:${options.upstreamPort}
`;
}

/** haproxy in the foreground on a free port, configured by `haproxyConfig`; stop it with `stop()`. */
export async function startHaproxy(
  dir: string,
  options: ReverseProxyOptions,
): Promise<ProxyProcess> {
  const port = await freePort();
  const conf = join(dir, 'haproxy.cfg');
  await writeFile(conf, haproxyConfig(port, options));
  return ProxyProcess.start('haproxy', 'haproxy', ['-db', '-f', conf], port);
}
