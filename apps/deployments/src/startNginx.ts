import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from './freePort';
import { ProxyProcess } from './ProxyProcess';
import type { ReverseProxyOptions } from './ReverseProxyOptions';

/**
 * The nginx configuration of a WebSocket-capable reverse proxy: HTTP/1.1
 * upstream, the `Upgrade`/`Connection` headers passed on, TLS termination,
 * a path prefix stripped by `proxy_pass http://upstream/`, `proxy_read_timeout`.
 * Every path (pid, logs, temp files) stays inside `dir`, so no root is needed.
 */
export function nginxConfig(dir: string, port: number, options: ReverseProxyOptions): string {
  const prefix = `${(options.prefix ?? '').replace(/\/+$/, '')}/`;
  const idle = options.idleTimeoutSeconds ?? 60;
  const { tls, requireHeader } = options;
  const headerVariable = requireHeader
    ? `$http_${requireHeader.name.toLowerCase().replaceAll('-', '_')}`
    : '';
  return `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 256; }
http {
  access_log ${join(dir, 'access.log')};
  client_body_temp_path ${join(dir, 'tmp/body')};
  proxy_temp_path ${join(dir, 'tmp/proxy')};
  fastcgi_temp_path ${join(dir, 'tmp/fastcgi')};
  uwsgi_temp_path ${join(dir, 'tmp/uwsgi')};
  scgi_temp_path ${join(dir, 'tmp/scgi')};

  # "Connection: upgrade" only when the client asked for an upgrade.
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }

  upstream feeds.internal { server 127.0.0.1:${options.upstreamPort}; }

  server {
    listen 127.0.0.1:${port}${tls ? ' ssl' : ''};
    ${tls ? `ssl_certificate ${tls.certFile};\n    ssl_certificate_key ${tls.keyFile};` : ''}

    location ${prefix} {
      ${requireHeader ? `if (${headerVariable} != "${requireHeader.value}") { return 401; }` : ''}
      proxy_pass http://feeds.internal/;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_read_timeout ${idle}s;
      proxy_send_timeout ${idle}s;
    }
  }
}
`;
}

/** nginx in the foreground on a free port, configured by `nginxConfig`; stop it with `stop()`. */
export async function startNginx(dir: string, options: ReverseProxyOptions): Promise<ProxyProcess> {
  const port = await freePort();
  await mkdir(join(dir, 'tmp'), { recursive: true });
  const conf = join(dir, 'nginx.conf');
  await writeFile(conf, nginxConfig(dir, port, options));
  return ProxyProcess.start(
    'nginx',
    'nginx',
    ['-p', dir, '-c', conf, '-e', join(dir, 'error.log'), '-g', 'daemon off;'],
    port,
  );
}
