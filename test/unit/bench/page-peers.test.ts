import { gzipSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { eventNames, peerHead } from '../../../bench/page/peers.mjs';
import { replaceSection } from '../../../scripts/bench-docs.mjs';

// The page bench counts what each analytics peer sent to the local server, and writes its table into
// docs/performance.md between markers: the cases it relies on.
describe('eventNames (what a peer sent in one request)', () => {
  const posthogBatch = JSON.stringify([{ event: '$pageview' }, { event: 'impression' }, { event: 'impression' }]);
  it('reads Amplitude batches', () => {
    const body = Buffer.from(
      JSON.stringify({
        api_key: 'k',
        events: [{ event_type: 'impression' }, { event_type: '[Amplitude] Page Viewed' }],
      }),
    );
    expect(eventNames(body, gunzipSync)).toEqual(['impression', '[Amplitude] Page Viewed']);
  });
  it('reads posthog batches, gzipped, as a base64 form or as JSON with a batch field', () => {
    expect(eventNames(gzipSync(posthogBatch), gunzipSync)).toEqual(['$pageview', 'impression', 'impression']);
    const form = Buffer.from(`data=${encodeURIComponent(Buffer.from(posthogBatch).toString('base64'))}`);
    expect(eventNames(form, gunzipSync)).toEqual(['$pageview', 'impression', 'impression']);
    expect(eventNames(Buffer.from(JSON.stringify({ batch: [{ event: 'impression' }] })), gunzipSync)).toEqual([
      'impression',
    ]);
  });
  it('counts no event in a flags or config request, nor in a body it cannot read', () => {
    expect(eventNames(Buffer.from(JSON.stringify({ token: 'phc', distinct_id: 'x' })), gunzipSync)).toEqual([]);
    expect(eventNames(Buffer.from('not json'), gunzipSync)).toEqual([]);
  });
});

describe('peerHead', () => {
  it('loads the tag async and tracks impressions only when asked, with the same observer code', () => {
    expect(peerHead({ name: 'posthog', impressions: false })).not.toContain('trackImpressions');
    const head = peerHead({ name: 'amplitude', impressions: true });
    expect(head).toContain('<script src="/peers/amplitude.js" async onload="benchStart()">');
    expect(head).toContain("trackImpressions((properties) => amplitude.track('impression', properties))");
    expect(() => peerHead({ name: 'segment', impressions: true })).toThrow(/no peer/);
  });
});

describe('replaceSection (the generated part of docs/performance.md)', () => {
  const start = '<!-- bench:page:start -->';
  const end = '<!-- bench:page:end -->';
  it('replaces only what is between the markers', () => {
    const page = `# Performance\n\nintro\n\n${start}\nold table\n${end}\n\n## Later\n`;
    expect(replaceSection(page, start, end, 'new table\n')).toBe(
      `# Performance\n\nintro\n\n${start}\nnew table\n${end}\n\n## Later\n`,
    );
  });
  it('appends the section to a page without the markers', () => {
    expect(replaceSection('# Performance\n', start, end, 'table')).toBe(`# Performance\n\n${start}\ntable\n${end}\n`);
  });
});
