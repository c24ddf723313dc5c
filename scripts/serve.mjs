// A small static server for the demo and the browser tests: `/dist/` is the built SDK, everything
// else comes from `root`. Loopback only. Tests pass extra response headers (CSP) and CORS per origin.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * @param {{ root: string, port?: number, headers?: (path: string) => Record<string, string>, log?: boolean }} options
 * @returns {Promise<{ url: string, port: number, requests: string[], close: () => Promise<void> }>}
 */
export async function startServer({ root, port = 0, headers = () => ({}), log = false }) {
  const requests = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    const file = locate(root, path);
    try {
      const found = file && (await stat(file).catch(() => undefined));
      const target = found?.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      response.writeHead(200, {
        'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers(path),
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
    if (log) console.log(`${response.statusCode} ${path}`);
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    requests,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}

function locate(root, path) {
  const base = path.startsWith('/dist/') ? repo : resolve(root);
  const full = normalize(join(base, path));
  // Never serve outside the two roots.
  return full.startsWith(base) ? full : undefined;
}
