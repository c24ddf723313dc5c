// The table `inkling train` writes is the one the engine reads: one type and one checker for both. The
// CLI's build bundles this source file, never the browser bundle.
export { checkNeighbourTable, type NeighbourTable } from '../../../worker/site/neighbour-table.js';
