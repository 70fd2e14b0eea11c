/** Ports for tests that need one where nothing listens. */
import { createServer } from 'node:net';

/**
 * A port on 127.0.0.1 that this test bound and closed again, so nothing listens there now (port
 * 9, "discard", may well have a listener on some machine). Another process could take it in
 * between, as with any free port; the kernel hands a just-closed port out again only late.
 */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
