import { FEATURE_COUNT, FEATURE_NAMES } from '../../../worker/features.js';
import { FEATURE_INDEX } from '../../../bench/quality/feature-index.js';
import { checkWeights, type ModelWeights } from '../../../worker/model/weights.js';
import { collectLists } from '../../../bench/quality/train/collect.js';
import { fitListwise } from '../../../bench/quality/train/fit.js';
import { toWeights } from '../../../bench/quality/train/model.js';
import { HAND_SET, LOGISTIC, MLP } from '../../../bench/quality/train/settings.js';
import type { EventType } from '../../../common/types.js';
import type { QualityDataset, VisitorReplay } from '../../../bench/quality/types.js';
import type { Db } from './db.js';
import { buildReplays, type ModelRow } from './lists.js';
import type { Progress } from './progress.js';

/** Fewer lists than this and the fit would say more about chance than about the site. */
export const MIN_LISTS = 50;
/**
 * Rows read per list wanted: a next-item log yields about one list per row, an impression log one per
 * list shown (tens of rows); the surplus is spread out afterwards. Reading more only slows the replay.
 */
const ROWS_PER_LIST = 10;

/** A fitted model and what it was fitted on. */
export interface ModelFit {
  readonly weights: ModelWeights;
  readonly lists: number;
  readonly sessions: number;
  readonly validationMrr: number;
  /** The same validation lists ranked in the site's order, for comparison. */
  readonly siteOrderMrr: number;
}

/**
 * Fits the prior on the site's own lists with the bench's offline fit (bench/quality/train): the same
 * listwise loss, hyper-parameters and hand-set weights as the shipped prior, on `rows` from
 * `sampleModelRows`. Returns undefined when they yield fewer than `MIN_LISTS` lists.
 */
export function fitModel(
  rows: readonly ModelRow[],
  kind: 'mlp' | 'logistic',
  maxLists: number,
  progress: Progress,
): ModelFit | undefined {
  progress.stage('fitting the model');
  const visitors = spread(buildReplays(rows), maxLists);
  const dataset: QualityDataset = { name: 'site', protocol: '', splitTime: Infinity, visitors, cutoffs: [10] };
  const lists = collectLists(dataset, 'early');
  progress.update(0.2);
  if (lists.length < MIN_LISTS) {
    progress.done();
    return undefined;
  }
  // The last fifth, by time, picks the epoch (as the shipped prior's fit does).
  const cut = Math.floor(lists.length * 0.8);
  const [train, validation] = [lists.slice(0, cut), lists.slice(cut)];
  const frozen = new Map(
    Object.entries(HAND_SET).map(([name, value]) => [
      FEATURE_INDEX[name as keyof typeof FEATURE_INDEX],
      value as number,
    ]),
  );
  const result = fitListwise(train, validation, FEATURE_COUNT, { ...(kind === 'mlp' ? MLP : LOGISTIC), frozen });
  progress.done();
  const siteOrderMrr = validation.reduce((t, l) => t + 1 / (l.target + 1), 0) / validation.length;
  return {
    weights: checkWeights(toWeights(result.model, FEATURE_NAMES, frozen)),
    lists: lists.length,
    sessions: new Set(rows.map((r) => r.sessionId)).size,
    validationMrr: result.validationMrr,
    siteOrderMrr,
  };
}

/**
 * The rows the model is fitted on, from `events`: whole sessions, sampled by a hash of their id when the
 * log has more rows than `maxLists` needs, oldest row first. Read before the fit, so that DuckDB's
 * buffers can be given back before Node's heap grows with the lists.
 */
export async function sampleModelRows(db: Db, maxLists: number, progress: Progress): Promise<ModelRow[]> {
  const wanted = maxLists * ROWS_PER_LIST;
  progress.stage('sampling for the model');
  const total = Number((await db.run('SELECT count(*) AS n FROM events')).getRowObjects()[0]!['n']);
  const share = Math.min(1, wanted / Math.max(1, total));
  const where = share < 1 ? `WHERE hash(session_id) % 1000000 < ${Math.ceil(share * 1e6)}` : '';
  const result = await db.run(
    `SELECT session_id, visitor_id, item_id, event_type, ts, list_id, position, category FROM events ${where}
    ORDER BY ts, session_id, CASE event_type WHEN 'impression' THEN 0 ELSE 1 END, item_id`,
    progress,
  );
  progress.done();
  return result.getRows().map(([s, v, i, t, ts, l, p, c]) => ({
    sessionId: String(s),
    visitorId: String(v),
    itemId: String(i),
    type: String(t) as EventType,
    time: Number(ts),
    listId: l === null ? null : String(l),
    position: p === null ? null : Number(p),
    category: c === null ? null : String(c),
  }));
}

/** Keeps at most `max` lists, spread evenly over time; the visitors' events all stay. */
function spread(visitors: VisitorReplay[], max: number): VisitorReplay[] {
  const total = visitors.reduce((t, v) => t + v.steps.filter((s) => s.kind === 'rank').length, 0);
  if (total <= max) return visitors;
  let seen = 0;
  return visitors.map((v) => ({
    visitorId: v.visitorId,
    steps: v.steps.filter((s) => s.kind === 'event' || (seen++ * max) % total < max),
  }));
}
