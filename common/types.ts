export type * from './item.js';
export type * from './event.js';
export type * from './context.js';
export type * from './recipe.js';
export type * from './ranking.js';
export type * from './privacy.js';
