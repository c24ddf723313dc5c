// The analytics tags a site owner would otherwise add, as the page bench runs them: each loaded the way
// its docs show for a plain page (one async script, then `init` with the project key), with its API host
// pointed at the bench's local server, once with a page view only and once also sending an `impression`
// per tile through the IntersectionObserver code below (the same for every tag).

/** The peers: `file` is served from node_modules as `/peers/<name>.js`; `init` runs once it has loaded. */
export const PEERS = [
  {
    name: 'amplitude',
    label: 'Amplitude browser SDK',
    file: '@amplitude/analytics-browser/lib/scripts/amplitude-min.js',
    // The page view as Amplitude's autocapture sends it; the rest of its defaults as shipped, its remote
    // config answered locally too (refused, the SDK retries it).
    init: `amplitude.init('bench-key', { serverUrl: location.origin + '/api/amplitude/2/httpapi',
      remoteConfig: { serverUrl: location.origin + '/api/amplitude/config' }, autocapture: { pageViews: true } });`,
    send: `(properties) => amplitude.track('impression', properties)`,
  },
  {
    name: 'posthog',
    label: 'posthog-js',
    file: 'posthog-js/dist/array.js',
    // Its page view is captured by default; its remote config and flags come from the local server. It
    // drops a headless browser's events as a bot's unless told otherwise (its advice for end-to-end tests).
    init: `posthog.init('phc_bench', { api_host: location.origin + '/api/posthog', opt_out_useragent_filter: true });`,
    send: `(properties) => posthog.capture('impression', properties)`,
  },
];

/**
 * Viewable impressions as Inkling counts them (half the tile in view for one continuous second, tab
 * visible, once per tile per page view), handed to `send` with GA4's list fields.
 */
export const IMPRESSIONS = `function trackImpressions(send) {
  const timers = new Map();
  const tiles = [...document.querySelectorAll('[data-inkling-slot] > [data-inkling-item]')];
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const tile = entry.target;
      if (entry.intersectionRatio >= 0.5 && document.visibilityState === 'visible') {
        if (timers.has(tile)) continue;
        timers.set(tile, setTimeout(() => {
          observer.unobserve(tile);
          send({ item_id: tile.getAttribute('data-inkling-item'), item_list_id: 'grid', index: tiles.indexOf(tile) });
        }, 1000));
      } else {
        clearTimeout(timers.get(tile));
        timers.delete(tile);
      }
    }
  }, { threshold: [0, 0.5] });
  for (const tile of tiles) observer.observe(tile);
}`;

/** What a page with the peer `name` runs: its tag, its init and, with `impressions`, the tracking above. */
export function peerHead({ name, impressions }) {
  const peer = PEERS.find((candidate) => candidate.name === name);
  if (!peer) throw new Error(`no peer ${name}`);
  const start = `${peer.init}${impressions ? ` trackImpressions(${peer.send});` : ''}`;
  return `<script>${impressions ? IMPRESSIONS : ''}
function benchStart() {
  const start = () => { ${start} };
  document.readyState === 'loading' ? addEventListener('DOMContentLoaded', start) : start();
}
</script><script src="/peers/${peer.name}.js" async onload="benchStart()"></script>`;
}

/**
 * The events in one request body a peer sent: Amplitude's `{ events: [...] }`, posthog's array of events
 * (gzip, base64 form or plain JSON). Returns the event names (`event_type` or `event`).
 */
export function eventNames(body, gunzip) {
  let text;
  if (body[0] === 0x1f && body[1] === 0x8b) text = gunzip(body).toString('utf8');
  else text = body.toString('utf8');
  if (text.startsWith('data=')) text = Buffer.from(decodeURIComponent(text.slice(5)), 'base64').toString('utf8');
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const list = Array.isArray(parsed) ? parsed : (parsed.events ?? parsed.batch ?? [parsed]);
  return list.map((event) => event?.event_type ?? event?.event).filter((name) => typeof name === 'string');
}
