import { type AddressInfo, createServer } from 'node:net';

/**
 * A port nothing listens on right now, for a process (nginx, haproxy) that
 * cannot be told to pick one itself and report it.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
