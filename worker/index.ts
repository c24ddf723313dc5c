export { createEngine, type EngineOptions } from './engine.js';
export type {
  Engine,
  EngineConfig,
  LocalEngine,
  RankRequest,
  RankRequestOptions,
  VisitorExport,
} from '../common/protocol.js';
export type { EventStore } from './store/event-store.js';
export { createMemoryStore } from './store/memory-store.js';
export type { ModelWeights, DenseLayer } from './model/weights.js';
export { FEATURE_NAMES } from './features.js';
export { DEFAULT_RECIPE, MODEL_ONLY_RECIPE } from './recipe/defaults.js';
export { checkNeighbourTable, type NeighbourTable } from './site/neighbour-table.js';
