export type * from './types/item.js';
export type * from './types/event.js';
export type * from './types/context.js';
export type * from './types/recipe.js';
export type * from './types/ranking.js';
export type * from './types/privacy.js';
