import type { ItemFilter, Reason } from '../../common/types.js';

const UNITS: readonly [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1_000, 'second'],
];

/** `3 days`, `1 hour`, `45 seconds`: the largest whole unit, for explanations. */
export function formatSpan(ms: number): string {
  for (const [size, unit] of UNITS) {
    if (ms >= size) {
      const count = Math.floor(ms / size);
      return `${count} ${unit}${count === 1 ? '' : 's'}`;
    }
  }
  return 'moments';
}

// Most numbers in reasons are shares and scores in [0, 1]; turning a double into its shortest decimal
// string is the costliest step of explaining 1,000 items, so those come from a table.
const HUNDREDTHS: readonly string[] = Array.from({ length: 101 }, (_, i) => String(i / 100));

/** Up to two decimals, no trailing zeros: `0.57`, `1.5`, `3`. */
export function formatNumber(value: number): string {
  const hundredths = Math.round(value * 100);
  return hundredths >= 0 && hundredths <= 100 ? (HUNDREDTHS[hundredths] as string) : String(hundredths / 100);
}

/** `1 time`, `5 times`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function listText(value: string | readonly string[]): string {
  return Array.isArray(value) ? (value as readonly string[]).join(' or ') : (value as string);
}

/** A filter in words for a reason: `category sale, price 10-50`. */
export function describeFilter(filter: ItemFilter): string {
  const parts: string[] = [];
  if (filter.id !== undefined) parts.push(`id ${listText(filter.id)}`);
  if (filter.category !== undefined) parts.push(`category ${listText(filter.category)}`);
  if (filter.brand !== undefined) parts.push(`brand ${listText(filter.brand)}`);
  if (filter.tags !== undefined) parts.push(`tag ${listText(filter.tags)}`);
  if (filter.inStock !== undefined) parts.push(filter.inStock ? 'in stock' : 'out of stock');
  if (filter.price !== undefined) {
    const { min, max } = filter.price;
    parts.push(
      min !== undefined && max !== undefined
        ? `price ${min}-${max}`
        : min !== undefined
          ? `price >= ${min}`
          : `price <= ${max}`,
    );
  }
  if (filter.attributes !== undefined) {
    for (const name of Object.keys(filter.attributes)) {
      const wanted = filter.attributes[name];
      parts.push(`${name} ${Array.isArray(wanted) ? wanted.join(' or ') : String(wanted)}`);
    }
  }
  return parts.join(', ');
}

/** A rule reason. */
export function ruleReason(source: string, text: string, value?: number): Reason {
  return value === undefined ? { kind: 'rule', source, text } : { kind: 'rule', source, text, value };
}
