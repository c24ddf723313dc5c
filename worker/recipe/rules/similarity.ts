const TOKEN = /[\p{L}\p{N}]+/gu;

/** Lower-cased word tokens of a title, as a set. */
export function titleTokens(title: string): ReadonlySet<string> {
  return new Set(title.toLowerCase().match(TOKEN) ?? []);
}

/** Token Jaccard similarity: shared tokens over all tokens; 0 when either side has none. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Cosine similarity of two equal-length vectors; 0 when either is all zeros or lengths differ. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = Number(a[i]) || 0;
    const y = Number(b[i]) || 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
