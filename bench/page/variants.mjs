// What runs on each of the page bench's pages, and which scripts are that variant's own (the tasks that
// ran them are its share in Lighthouse's attribution of third-party main-thread time).
import { PEERS } from './peers.mjs';

/**
 * `name` is the page's file name; `peer` (peers only): which tag and whether it sends impressions;
 * `owns(script)`: whether a script file name is the variant's (its inline scripts are its page's).
 */
export const VARIANTS = [
  { name: 'without', label: 'bare page', owns: () => false },
  { name: 'by-hand', label: 'the same reorder by hand (the floor)', owns: (script) => script === 'by-hand.html' },
  {
    name: 'by-hand-tracked',
    label: 'the same reorder + the 100 impressions stored by hand (the floor + impressions)',
    owns: (script) => script === 'by-hand-tracked.html' || script === 'by-hand-worker.js',
  },
  { name: 'with', label: 'Inkling', owns: (script) => script.startsWith('inkling') || script === 'with.html' },
  ...PEERS.flatMap((peer) =>
    [false, true].map((impressions) => {
      const name = `${peer.name}-${impressions ? 'impressions' : 'page-view'}`;
      return {
        name,
        label: `${peer.label}, ${impressions ? 'sending the same 100 impressions' : 'page view only'}`,
        peer: { name: peer.name, impressions },
        owns: (script) => script === `${peer.name}.js` || script === `${name}.html`,
      };
    }),
  ),
];
