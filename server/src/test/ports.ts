import { createServer } from 'node:net';

/** A loopback port free right now (listened on and closed again): for a child server, or one nobody listens on. */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const addr = srv.address();
  await new Promise((r) => srv.close(r));
  if (addr === null || typeof addr === 'string') throw new Error('no free port');
  return addr.port;
}
