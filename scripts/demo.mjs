// `npm run demo`: installs what is missing, builds the SDK and the demo shop, serves it on localhost.
import { existsSync } from 'node:fs';
import { build, ensurePackages, repo, run } from './setup.mjs';
import { startServer } from './serve.mjs';

ensurePackages();
build();
if (existsSync(`${repo}demo/build.mjs`)) run('node demo/build.mjs');
if (existsSync(`${repo}demo/react/build.mjs`)) run('node demo/react/build.mjs');
const port = Number(process.env.PORT ?? 8080);
const server = await startServer({ root: `${repo}demo/dist`, port }).catch(() =>
  startServer({ root: `${repo}demo/dist`, port: 0 }),
);
console.log(
  `\nInkling demo shop: ${server.url}/  (React example: ${server.url}/react/)\n(Ctrl+C to stop; add ?inkling-debug to any page for the debug overlay)`,
);
