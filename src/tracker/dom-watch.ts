/**
 * Watches for content a single-page app adds later (new slots, new items, new view or purchase markers)
 * and hands every added element (and every element whose watched attribute changed, with
 * `attributesChanged` set) to `onAdded`. Inkling's own reordering moves nodes that are already
 * known, so `onAdded` must ignore elements it has seen: that is what keeps the observer from reacting
 * to its own work. It watches as long as the page lives.
 */
export function watchDom(doc: Document, onAdded: (elements: Element[], attributesChanged: boolean) => void, attributes: readonly string[]): void {
  const observer = new MutationObserver((records) => {
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
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributeFilter: [...attributes] });
}
