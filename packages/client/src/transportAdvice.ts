/** The error a socket implementation reported before its close (Node's `ws`: ECONNREFUSED, certificates, bad frames). */
export interface TransportError {
  /** `ECONNREFUSED`, `ENOTFOUND`, `DEPTH_ZERO_SELF_SIGNED_CERT`, `WS_ERR_INVALID_UTF8`, ... */
  readonly code?: string;
  readonly message: string;
}

/** What to do about a transport error, by its code: one line of advice each. */
export const transportAdvice: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'nothing accepts connections at that host and port; is the server running?',
  ECONNRESET: 'the peer or a proxy reset the connection',
  ENOTFOUND: 'the host name does not resolve; check the URL',
  EAI_AGAIN: 'the host name could not be resolved right now (DNS)',
  ETIMEDOUT: 'the host did not answer the TCP connection',
  // Node's name for a TLS handshake that failed; a wss:// URL on a plain port is the common one.
  EPROTO:
    'the TLS handshake failed: if the server speaks plain WebSocket on that port, use a ws:// (or http://) URL',
  DEPTH_ZERO_SELF_SIGNED_CERT:
    "the server's certificate is self-signed; pass its certificate as the `tls: { ca }` option",
  SELF_SIGNED_CERT_IN_CHAIN:
    "the server's certificate chain ends in an untrusted self-signed CA; pass it as `tls: { ca }`",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    "the server's certificate is not signed by a trusted CA; pass the CA as `tls: { ca }`",
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate is for another host name",
  WS_ERR_INVALID_UTF8: 'the server sent a text frame that is not valid UTF-8',
  WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: 'the server sent a frame larger than the socket accepts',
};
