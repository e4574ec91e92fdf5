import type { Certificates } from './generateCertificates';

/** What a test deploys in front of the reference server; the same options for nginx and haproxy. */
export interface ReverseProxyOptions {
  /** Port of the upstream (the reference server) on 127.0.0.1. */
  readonly upstreamPort: number;
  /** Terminate TLS with this server certificate. @default plain HTTP */
  readonly tls?: Certificates;
  /**
   * Serve the upstream under this path prefix (stripped before it is passed
   * on), as `location /feeds/ { proxy_pass http://upstream/; }` does.
   * @default '' (the upstream's own paths)
   */
  readonly prefix?: string;
  /** Close a proxied connection (WebSocket included) after this much silence. @default 60 */
  readonly idleTimeoutSeconds?: number;
  /** Answer 401 unless the request carries this header with this value (a gateway key). */
  readonly requireHeader?: { readonly name: string; readonly value: string };
}
