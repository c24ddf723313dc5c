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
 * listwise loss, hyper-parameters and hand-set weights as the shipped prior. Reads a sample of whole
 * sessions (all of them when the log is small) from `events`. Returns undefined when the log yields
 * fewer than `MIN_LISTS` lists.
 */
export async function fitModel(
  db: Db,
  kind: 'mlp' | 'logistic',
  maxLists: number,
  progress: Progress,
): Promise<ModelFit | undefined> {
  progress.stage('fitting the model');
  const rows = await sampleRows(db, maxLists * ROWS_PER_LIST);
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

/** Whole sessions, sampled by a hash of their id when the log has more rows than `wanted`, oldest row first. */
async function sampleRows(db: Db, wanted: number): Promise<ModelRow[]> {
  const total = Number((await db.run('SELECT count(*) AS n FROM events')).getRowObjects()[0]!['n']);
  const share = Math.min(1, wanted / Math.max(1, total));
  const where = share < 1 ? `WHERE hash(session_id) % 1000000 < ${Math.ceil(share * 1e6)}` : '';
  const result =
    await db.run(`SELECT session_id, visitor_id, item_id, event_type, ts, list_id, position, category FROM events ${where}
    ORDER BY ts, session_id, CASE event_type WHEN 'impression' THEN 0 ELSE 1 END, item_id`);
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
