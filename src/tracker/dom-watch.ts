/** What `watchDom` returns: runs Inkling's own DOM moves out of the observer's sight. */
export type Quietly = (moves: () => void) => void;

/**
 * Watches for content a single-page app adds later (new slots, new items, new view or purchase markers)
 * and hands every added element (and every element whose watched attribute changed, with
 * `attributesChanged` set) to `onAdded`. It watches as long as the page lives.
 *
 * Inkling's own reordering runs through the returned `quietly`: the observer is disconnected for those
 * moves (what it had queued is handled first), so reordering a slot of a hundred items creates no
 * mutation records at all. Other moves of known elements (a framework reordering a list) reach
 * `onAdded`, which must pass over elements it has seen.
 */
export function watchDom(
  doc: Document,
  onAdded: (elements: Element[], attributesChanged: boolean) => void,
  attributes: readonly string[],
): Quietly {
  const handle = (records: MutationRecord[]) => {
    const added: Element[] = [];
    let attributesChanged = false;
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof Element) {
        added.push(record.target);
        attributesChanged = true;
      }
      for (const node of record.addedNodes) if (node instanceof Element) added.push(node);
    }
    if (added.length > 0) onAdded(added, attributesChanged);
  };
  const observer = new MutationObserver(handle);
  const watch = () =>
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributeFilter: [...attributes] });
  watch();
  return (moves) => {
    const queued = observer.takeRecords();
    observer.disconnect();
    try {
      moves();
    } finally {
      watch();
      handle(queued);
    }
  };
}
