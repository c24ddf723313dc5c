/**
 * Where the logistic prior (bench/quality/priors/logistic.json) wins and loses on trivago's late split,
 * by what the visitor had engaged with in the list (no profile update or on-device tuning: the prior alone, as after a cold start
 * on every list). Usage: see bench/quality/README.md.
 */
import { FEATURE_COUNT } from '../../../worker/features.js';
import { FEATURE_INDEX } from '../feature-index.js';
import { requireDatasetsDir } from '../../datasets-dir.mjs';
import { loadTrivago } from '../datasets/trivago.js';
import { collectLists } from '../train/collect.js';
import { forward, type TrainableModel } from '../train/model.js';
import prior from '../../../worker/model/prior.json';

const lists = collectLists(loadTrivago(requireDatasetsDir()), 'late');
const w = prior.layers[0]!;
const model: TrainableModel = {
  kind: 'logistic',
  inputs: FEATURE_COUNT,
  hidden: 0,
  params: [Float64Array.from(w.weights), Float64Array.from(w.bias)],
};
const groups = new Map<string, { n: number; pos: number; rec: number; model: number; ranks: number[] }>();
for (const l of lists) {
  const f = (i: number, name: keyof typeof FEATURE_INDEX) => l.rows[i * FEATURE_COUNT + FEATURE_INDEX[name]]!;
  let lastIdx = -1;
  for (let i = 0; i < l.count; i++) if (f(i, 'listRecencyRank') === 1) lastIdx = i;
  const key =
    lastIdx < 0
      ? 'no history'
      : lastIdx === l.target
        ? 'target = last engaged'
        : f(l.target, 'listRecencyRank') > 0
          ? 'target = earlier engaged'
          : 'target not engaged';
  const rr = (score: (i: number) => number) => {
    const t = score(l.target);
    let r = 1;
    for (let i = 0; i < l.count; i++) if (score(i) > t || (score(i) === t && i < l.target)) r++;
    return r;
  };
  const z = forward(model, l.rows, l.count);
  const g = groups.get(key) ?? { n: 0, pos: 0, rec: 0, model: 0, ranks: [] };
  g.n++;
  g.pos += 1 / rr((i) => -i);
  g.rec += 1 / rr((i) => 100 * f(i, 'listRecencyRank') - i / 100);
  const mr = rr((i) => z[i]!);
  g.model += 1 / mr;
  g.ranks.push(mr);
  groups.set(key, g);
}
for (const [k, g] of groups) {
  const hist = [1, 2, 3, 5, 10, 100].map((c) => g.ranks.filter((r) => r <= c).length / g.n);
  console.log(
    k.padEnd(26),
    String(g.n).padStart(5),
    'display',
    (g.pos / g.n).toFixed(3),
    'recency',
    (g.rec / g.n).toFixed(3),
    'model',
    (g.model / g.n).toFixed(3),
    'cum@1,2,3,5,10',
    hist.map((h) => h.toFixed(2)).join(' '),
  );
}
