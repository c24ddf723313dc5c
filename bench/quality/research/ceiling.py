#!/usr/bin/python3
"""How far a much stronger learner gets on trivago's EARLY split, from the same rows the MLP sees.

Reads the CSV written by dump-features.ts (one row per listed item of trivago's early-split lists, cut
as every tuning script cuts them: the first 80 % of the lists train, the last 20 % validate; the late
split is never read) and fits gradient-boosted trees (XGBoost, Debian's python3-xgboost 1.7) with
groups = lists, early-stopped on the validation lists' MRR, for:
  (a) the engine's 37 features,
  (b) 37 + the try-features candidates the SDK could compute (events and item attributes only),
  (c) 37 + every candidate, including the list-order ones that read trivago's current_filters.
It prints the validation MRR of the site's order (a loader check), each configuration's best, the
spread, a check of the best configuration with its round count chosen on held-out *training* lists
instead of the validation lists, gain importances and the MRR lost by dropping feature groups.
Usage, from the repository root:
  npx rollup -c bench/quality/rollup.config.mjs
  node bench/dist/quality/dump-features.mjs /tmp/trivago-early.csv
  /usr/bin/python3 bench/quality/ceiling.py /tmp/trivago-early.csv
(/usr/bin/python3: Debian's, which has numpy and xgboost; nthread=1 throughout.)
"""
import json
import sys
import time

import numpy as np
import xgboost as xgb

MAX_ROUNDS = 1500
PATIENCE = 100
# (objective, max_depth, eta, min_child_weight); the same grid for every feature set.
GRID = [(objective, depth, eta, mcw)
        for objective in ('rank:pairwise', 'rank:ndcg', 'binary:logistic')
        for depth, eta, mcw in ((2, 0.1, 1), (4, 0.05, 1), (6, 0.05, 5), (8, 0.03, 10))]


def load(path):
    with open(path) as f:
        header = f.readline().rstrip('\n').split(',')
        split, values = [], []
        for line in f:
            cells = line.rstrip('\n').split(',', 1)
            split.append(cells[0] == 'train')
            values.append(cells[1])
    data = np.array([v.split(',') for v in values], dtype=np.float64)
    return header[1:], np.array(split), data


class Lists:
    """Rows of contiguous lists: features, labels, positions and per-list offsets."""

    def __init__(self, x, label, position, list_id):
        self.x, self.label, self.position = x, label, position
        starts = np.flatnonzero(np.r_[True, list_id[1:] != list_id[:-1]])
        self.starts = starts
        self.sizes = np.diff(np.r_[starts, len(list_id)])
        self.row_list = np.repeat(np.arange(len(starts)), self.sizes)
        targets = np.flatnonzero(label == 1)
        assert len(targets) == len(starts) and np.array_equal(self.row_list[targets], np.arange(len(starts))), 'one chosen item per list'
        self.target_row = targets

    def subset(self, lists, columns=None):
        rows = np.isin(self.row_list, lists)
        x = self.x[rows] if columns is None else self.x[rows][:, columns]
        return Lists(x, self.label[rows], self.position[rows], self.row_list[rows])

    def reciprocal_ranks(self, score):
        """Per list, 1 / rank of the chosen item, ties broken by the site's order (as fit.ts does)."""
        t = self.target_row[self.row_list]
        ahead = (score > score[t]) | ((score == score[t]) & (self.position < self.position[t]))
        return 1.0 / (1 + np.add.reduceat(ahead.astype(np.int64), self.starts))

    def mrr(self, score):
        return float(np.mean(self.reciprocal_ranks(score)))

    def by_history(self, score, recency_column):
        """MRR split by whether anything in the list had been engaged with (listRecencyRank > 0)."""
        history = np.add.reduceat((self.x[:, recency_column] > 0).astype(np.int64), self.starts) > 0
        rr = self.reciprocal_ranks(score)
        return {'history': (int(history.sum()), float(rr[history].mean())), 'no history': (int((~history).sum()), float(rr[~history].mean()))}

    def dmatrix(self):
        d = xgb.DMatrix(self.x, label=self.label, nthread=1)
        d.set_group(self.sizes)
        return d


def fit(train, stop, config, seed=7):
    objective, depth, eta, mcw = config
    params = {'objective': objective, 'max_depth': depth, 'eta': eta, 'min_child_weight': mcw, 'subsample': 0.8,
              'colsample_bytree': 0.8, 'tree_method': 'hist', 'nthread': 1, 'seed': seed, 'disable_default_eval_metric': 1}
    dstop = stop.dmatrix()
    booster = xgb.train(params, train.dmatrix(), MAX_ROUNDS, evals=[(dstop, 'stop')], early_stopping_rounds=PATIENCE,
                        custom_metric=lambda predt, _: ('mrr', stop.mrr(predt)), maximize=True, verbose_eval=False)
    return booster, booster.best_iteration + 1


def predict(booster, lists, rounds):
    return booster.predict(lists.dmatrix(), iteration_range=(0, rounds))


def main(path):
    started = time.time()
    # Written by dump-features.ts beside the CSV: the engine's column count and the candidates that read
    # trivago's current_filters (train/candidates.ts LIST_ORDER_CANDIDATES).
    with open(f'{path}.json') as f:
        meta = json.load(f)
    engine_count, list_order = meta['engineFeatures'], set(meta['listOrderCandidates'])
    names, is_train, data = load(path)
    list_id, position, label = data[:, 0], data[:, 1], data[:, 3]
    features = names[4:]
    x = data[:, 4:]
    everything = Lists(x, label, position, list_id)
    n_lists = len(everything.starts)
    train_ids = np.unique(everything.row_list[is_train])
    validation_ids = np.unique(everything.row_list[~is_train])
    assert train_ids.max() < validation_ids.min(), 'train lists come first'
    print(f'{path}: {len(x)} rows, {n_lists} lists ({len(train_ids)} train, {len(validation_ids)} validation), '
          f'{len(features)} features, loaded in {time.time() - started:.0f} s')

    validation_all = everything.subset(validation_ids)
    print(f'site order, validation MRR {validation_all.mrr(-validation_all.position):.4f} '
          f'(train {everything.subset(train_ids).mrr(-everything.subset(train_ids).position):.4f})')

    engine = list(range(engine_count))
    observable = engine + [k for k in range(engine_count, len(features)) if features[k] not in list_order]
    sets = {f'(a) engine {engine_count}': engine, f'(b) {engine_count} + SDK-observable candidates': observable,
            f'(c) {engine_count} + all candidates': list(range(len(features)))}
    best = {}
    print('\n| feature set | objective | depth | eta | min child weight | rounds | validation MRR | seconds |')
    print('| --- | --- | --- | --- | --- | --- | --- | --- |')
    for set_name, columns in sets.items():
        train, validation = everything.subset(train_ids, columns), everything.subset(validation_ids, columns)
        results = []
        for config in GRID:
            t0 = time.time()
            booster, rounds = fit(train, validation, config)
            mrr = validation.mrr(predict(booster, validation, rounds))
            results.append((mrr, config, rounds, booster))
            print(f'| {set_name} ({len(columns)}) | {config[0]} | {config[1]} | {config[2]} | {config[3]} | {rounds} | {mrr:.4f} | {time.time() - t0:.0f} |', flush=True)
        mrrs = [r[0] for r in results]
        best[set_name] = max(results, key=lambda r: r[0])
        per_objective = {o: max(r[0] for r in results if r[1][0] == o) for o in ('rank:pairwise', 'rank:ndcg', 'binary:logistic')}
        print(f'|   {set_name}: best {max(mrrs):.4f}, worst {min(mrrs):.4f}, median {np.median(mrrs):.4f}; best per objective '
              + ', '.join(f'{o} {m:.4f}' for o, m in per_objective.items()) + ' | | | | | | | |', flush=True)

    # The grid's best was chosen, and early-stopped, on the validation lists (as the MLP's epoch is): an
    # optimistic figure. Check: refit the best configuration on the first 80 % of the training lists,
    # stop on the last 20 % of them, and score the validation lists once.
    inner_cut = train_ids[int(len(train_ids) * 0.8)]
    print('\nbest configuration with its rounds chosen on held-out training lists (validation lists scored once):')
    for set_name, columns in sets.items():
        mrr, config, rounds, _ = best[set_name]
        fit_part = everything.subset(train_ids[train_ids < inner_cut], columns)
        stop_part = everything.subset(train_ids[train_ids >= inner_cut], columns)
        validation = everything.subset(validation_ids, columns)
        booster, inner_rounds = fit(fit_part, stop_part, config)
        honest = validation.mrr(predict(booster, validation, inner_rounds))
        print(f'  {set_name}: {config}, {inner_rounds} rounds: validation MRR {honest:.4f} (against {mrr:.4f} stopped on validation, {rounds} rounds)')

    # Seeds (row and column subsampling) and the sampling error of 1,360 lists.
    print('\nbest configuration per set, seeds 7 / 8 / 9 (stopped on validation), and the standard error of the MRR over lists:')
    for set_name, columns in sets.items():
        mrr, config, rounds, booster = best[set_name]
        train, validation = everything.subset(train_ids, columns), everything.subset(validation_ids, columns)
        seeds = [mrr] + [validation.mrr(predict(b, validation, r)) for b, r in (fit(train, validation, config, seed) for seed in (8, 9))]
        rr = validation.reciprocal_ranks(predict(booster, validation, rounds))
        se = rr.std(ddof=1) / np.sqrt(len(rr))
        print(f'  {set_name}: {" / ".join(f"{m:.4f}" for m in seeds)} (mean {np.mean(seeds):.4f}); standard error {se:.4f}, '
              f'so 0.64 is {(0.64 - mrr) / se:.1f} standard errors above the best', flush=True)

    recency = features.index('listRecencyRank')
    print('\nvalidation MRR by whether the list holds an engaged item (best configuration per set):')
    print(f'  site order: {validation_all.by_history(-validation_all.position, recency)}')
    for set_name, columns in sets.items():
        mrr, config, rounds, booster = best[set_name]
        validation = everything.subset(validation_ids, columns)
        split = validation.by_history(predict(booster, validation, rounds), columns.index(recency))
        print(f'  {set_name}: ' + ', '.join(f'{k} {n} lists {m:.4f}' for k, (n, m) in split.items()))

    set_name = f'(c) {engine_count} + all candidates'
    columns = sets[set_name]
    mrr, config, rounds, booster = best[set_name]
    gain = booster.get_score(importance_type='total_gain')
    total = sum(gain.values())
    print(f'\n{set_name}, best configuration {config}: total gain share, top 20 (of {len(gain)} features used)')
    for key, value in sorted(gain.items(), key=lambda kv: -kv[1])[:20]:
        print(f'  {features[columns[int(key[1:])]]:24s} {value / total:.3f}')

    # Feature groups dropped from the all-candidates set (same configuration, refitted, stopped on validation).
    groups = {
        'position (positionPrior, firstPosition, positionLinear, positionNoHistory)': ['positionPrior', 'firstPosition', 'positionLinear', 'positionNoHistory'],
        'item history (itemViews, itemClicks, ignoredImpressions, engagement recency x4)': ['itemViews', 'itemClicks', 'ignoredImpressions', 'engagementRecency', 'engagedThisHour', 'engagedMinutesAgo', 'engagedLastMinute'],
        'recency ranks (lastEngaged, recencyRank, listRecencyRank, listLastFresh, listLastClicked)': ['lastEngaged', 'recencyRank', 'listRecencyRank', 'listLastFresh', 'listLastClicked'],
        'neighbours (nearLastEngaged, afterLastEngaged, nearClick, afterClick)': ['nearLastEngaged', 'afterLastEngaged', 'nearClick', 'afterClick'],
        'price (priceFit, relativePrice, priceRank, price candidates)': ['priceFit', 'relativePrice', 'priceRank', 'cheapestSoFar', 'priceVsCheapestAbove', 'priceVsAbove', 'priceTau', 'positionPriceSorted', 'priceZ'],
        'popularity (popularity, popularityLog)': ['popularity', 'popularityLog'],
        'context (time, device, page)': ['hourSin', 'hourCos', 'weekdaySin', 'weekdayCos', 'deviceMobile', 'deviceTablet', 'pageProduct'],
        'list order (current_filters candidates)': sorted(list_order),
        'earlier lists and depth (skipped, listsShown, newToVisitor, firstList, clickDepth, depthFit, impressedRecently, indexMoved)': ['skipped', 'listsShown', 'newToVisitor', 'firstList', 'clickDepth', 'depthFit', 'impressedRecently', 'indexMoved'],
        'seconds (secondsAgo, clickAge)': ['secondsAgo', 'clickAge'],
    }
    print(f'\n{set_name} minus one group ({config}, refitted, stopped on validation; full set {mrr:.4f}):')
    for group, members in groups.items():
        kept = [k for k in columns if features[k] not in members]
        train, validation = everything.subset(train_ids, kept), everything.subset(validation_ids, kept)
        booster, r = fit(train, validation, config)
        print(f'  without {group}: {validation.mrr(predict(booster, validation, r)):.4f} ({r} rounds)', flush=True)

    print(f'\ntotal {time.time() - started:.0f} s')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '/tmp/trivago-early-features.csv')
