import type { VisitorExport } from '../../common/protocol.js';
import type { ModelWeights } from '../model/weights.js';
import { exportedRecord } from '../state/item-record.js';
import type { Opened } from './lifecycle.js';
import type { EngineRun } from './run.js';

/** Everything held about the visitor, as JSON-safe data: stored events, the profile and the model's weights. */
export async function exportVisitor(run: EngineRun, { store, model }: Opened): Promise<VisitorExport> {
  const { profile } = run.state;
  return {
    exportedAt: run.now(),
    mode: run.mode,
    events: await store.everything(),
    profile: {
      categories: Object.fromEntries(profile.categories),
      tags: Object.fromEntries(profile.tags),
      brands: Object.fromEntries(profile.brands),
      items: Object.fromEntries([...profile.items].map(([id, record]) => [id, exportedRecord(record)])),
      // Per slot, the evidence of which order serves the visitor (docs/model.md, "The visitor's own check").
      choices: Object.fromEntries(run.state.choices),
    },
    model: { kind: model.weights().kind, weights: flatten(model.weights()) },
  };
}

function flatten(weights: ModelWeights): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  weights.layers.forEach((layer, i) => {
    out[`layer${i}.kernel`] = [...layer.weights];
    out[`layer${i}.bias`] = [...layer.bias];
  });
  return out;
}
