// The page bench's local server (loopback only): the bench pages, the built SDK and the peers' scripts,
// cacheable as a CDN serves them (a returning visitor has them in the HTTP cache and V8's code cache),
// and the peers' APIs answered here and counted, so that nothing is fetched from outside.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { PEERS, eventNames } from './peers.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};
const CACHED = { 'cache-control': 'public, max-age=3600' };

/**
 * @param {string} root the folder of the bench pages
 * @returns {Promise<{ url: string, events: Map<string, number>, close: () => Promise<void> }>} `events`:
 *   event names received by the peers' APIs since the caller last cleared it, with their counts
 */
export async function startBenchServer(root) {
  const events = new Map();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        for (const name of eventNames(Buffer.concat(chunks), gunzipSync)) events.set(name, (events.get(name) ?? 0) + 1);
        answerApi(path, response);
      });
      return;
    }
    serveFile(root, path, response);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    events,
    close: () => new Promise((done) => (server.closeAllConnections?.(), server.close(() => done()))),
  };
}

/** What the peers' hosts answer: success for events, empty flags and config, empty scripts. */
function answerApi(path, response) {
  if (path.endsWith('.js')) {
    response.writeHead(200, { 'content-type': TYPES['.js'], 'access-control-allow-origin': '*' });
    response.end('');
    return;
  }
  const body = path.includes('/amplitude/') ? { code: 200, events_ingested: 0 } : { status: 1, featureFlags: {} };
  response.writeHead(200, { 'content-type': TYPES['.json'], 'access-control-allow-origin': '*' });
  response.end(JSON.stringify(body));
}

async function serveFile(root, path, response) {
  const peer = PEERS.find((candidate) => path === `/peers/${candidate.name}.js`);
  const file = peer ? join(repo, 'node_modules', peer.file) : inside(path.startsWith('/dist/') ? repo : root, path);
  try {
    if (!file) throw new Error('outside the roots');
    const body = await readFile(file);
    const cache =
      peer || path.startsWith('/dist/') || path.endsWith('-worker.js') ? CACHED : { 'cache-control': 'no-store' };
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...cache });
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  }
}

function inside(base, path) {
  const full = normalize(join(base, decodeURIComponent(path)));
  return full.startsWith(base) ? full : undefined;
}
