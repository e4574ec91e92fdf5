import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Certificates {
  /** PEM of the private CA that signed the server certificate: what a client passes as `tls: { ca }`. */
  readonly ca: string;
  /** Paths of the server certificate and key (PEM), for nginx. */
  readonly certFile: string;
  readonly keyFile: string;
  /** Certificate and key in one PEM file, for haproxy's `crt`. */
  readonly bundleFile: string;
}

/**
 * A throw-away CA and a server certificate it signs for `127.0.0.1` and
 * `localhost`, made by `openssl` in `dir`: the private-CA deployment a user
 * has, without a fixture that expires.
 */
export async function generateCertificates(dir: string): Promise<Certificates> {
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => run('openssl', args, { cwd: dir });
  await openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
    '-subj',
    '/CN=feedkit test CA',
  );
  await openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  );
  // A certificate without subjectAltName is refused by Node whatever its CN says.
  await writeFile(
    file('server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n',
  );
  await openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    file('server.ext'),
    '-out',
    file('server.crt'),
  );
  const [ca, cert, key] = await Promise.all(
    ['ca.crt', 'server.crt', 'server.key'].map((name) => readFile(file(name), 'utf8')),
  );
  await writeFile(file('server.pem'), `${cert}${key}`);
  return {
    ca: ca as string,
    certFile: file('server.crt'),
    keyFile: file('server.key'),
    bundleFile: file('server.pem'),
  };
}
