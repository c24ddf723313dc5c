import type { InklingEvent, Item } from '../../common/types.js';

export function loadFixtureJson(): { items: Item[]; events: InklingEvent[]; now: number };
/** Every rees46 row as one visitor's 80 days up to `now`, each view preceded by its impression (34,489 events). */
export function loadLongHistoryJson(now: number): InklingEvent[];
