/** One row in the documented columns. */
export interface DocumentedRow {
  session_id: string;
  visitor_id: string;
  item_id: string;
  event_type: string;
  timestamp: number;
  list_id?: string;
  position?: number;
  category?: string;
}
export const HEADER: readonly string[];
export const DATASETS: Readonly<Record<string, (dir: string) => { rows: DocumentedRow[]; lists: number[] }>>;
export function medianTime(times: readonly number[]): number;
export function writeEarlierPart(
  name: string,
  file: string,
  dir?: string,
  before?: number,
): { split: number; rows: number };
