// The demo's only "images": one SVG symbol per category, drawn in the item's colour.
// Every page inlines the sprite once and tiles reference it with <use>, so nothing is fetched
// and a tile's image is ready the moment its markup is parsed (no layout shift from loading).
// Bodies use `currentColor` (the tile sets `color` to the item's colour); details are white or
// a translucent dark so that they read on any colourway.

const DARK = 'fill="#0b1320" fill-opacity=".28"';
// Details are white, unless styles.css recolours the `gd-s` (stroke) and `gd-f` (fill) classes via
// `--glyph-detail`, so that a light glyph on a dark panel keeps its details. Classes rather than
// style="" attributes, so that the pages work under a strict CSP (style-src 'self').
const LINE = 'class="gd-s" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"';
const DETAIL_FILL = 'class="gd-f" fill="#fff"';

/** SVG markup (inside a 64x64 viewBox) for each glyph name. */
export const GLYPHS = {
  running: `
    <path fill="currentColor" d="M6 44V37c0-5 3-8 7-9l9-2c3-1 5-4 6-8l2-4c3 1 6 3 8 7 3 6 9 9 16 11 4 1 6 4 6 8v4z"/>
    <rect x="4" y="44" width="58" height="7" rx="3.5" ${DARK}/>
    <path ${LINE} d="M31 21l5-3M33 25.5l5-3M36 29.5l5-3"/>
    <path class="gd-s" fill="none" stroke="#fff" stroke-opacity=".55" stroke-width="2.5" stroke-linecap="round" d="M13 38c10-3 24-3 37 0"/>`,
  hiking: `
    <path fill="currentColor" d="M13 50V14c0-3 2-4 4-4h13c2 0 3 2 3 4v14c5 2 13 4 19 6 5 1 7 4 7 8v8z"/>
    <path d="M11 50h50v5a2 2 0 0 1-2 2H13a2 2 0 0 1-2-2z" ${DARK}/>
    <path ${LINE} d="M18 16l10 4M18 22l10 4M18 28l10 4"/>
    <path class="gd-s" fill="none" stroke="#fff" stroke-opacity=".5" stroke-width="2" d="M14 42h45"/>`,
  tents: `
    <path fill="currentColor" d="M5 53L32 11l27 42z"/>
    <path d="M32 24l-8 29h16z" ${DARK}/>
    <path ${LINE} d="M32 11V6M32 11l-4 7M32 11l4 7"/>
    <path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" d="M2 56h60"/>`,
  jackets: `
    <path fill="currentColor" d="M24 9l8 4 8-4 10 4c3 1 5 4 5 7l2 30h-8l-2-22-1 28H18l-1-28-2 22H7l2-30c0-3 2-6 5-7z"/>
    <path fill="none" stroke="currentColor" stroke-width="3" d="M24 9c2-5 14-5 16 0"/>
    <path ${LINE} d="M32 13v43"/>
    <path d="M21 38h7v5h-7zM36 38h7v5h-7z" ${DARK}/>`,
  backpacks: `
    <path fill="none" stroke="currentColor" stroke-width="3.5" stroke-linecap="round" d="M26 13c0-6 12-6 12 0"/>
    <rect x="13" y="12" width="38" height="45" rx="11" fill="currentColor"/>
    <rect x="19" y="34" width="26" height="17" rx="5" ${DARK}/>
    <path ${LINE} d="M20 25h24M25 34v-3M39 34v-3"/>`,
  cycling: `
    <g fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">
      <circle cx="15" cy="42" r="10"/><circle cx="49" cy="42" r="10"/>
      <path d="M15 42l11-18h17l6 18M26 24l8 18 9-18M34 42H15M22 18h9M43 24l-2-7h6"/>
    </g>
    <circle cx="34" cy="42" r="3" fill="currentColor"/>`,
  swimwear: `
    <rect x="8" y="18" width="20" height="15" rx="7.5" fill="currentColor"/>
    <rect x="36" y="18" width="20" height="15" rx="7.5" fill="currentColor"/>
    <path fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" d="M28 25h8M8 25H3M56 25h5"/>
    <path ${LINE} stroke-opacity=".8" d="M13 22l4-1M41 22l4-1"/>
    <path fill="none" stroke="currentColor" stroke-opacity=".7" stroke-width="3" stroke-linecap="round" d="M4 46c5-5 9-5 14 0s9 5 14 0 9-5 14 0 9 5 14 0M10 55c5-4 9-4 14 0s9 4 14 0 9-4 14 0"/>`,
  yoga: `
    <path fill="currentColor" d="M32 12c7 8 7 21 0 32-7-11-7-24 0-32z"/>
    <path fill="currentColor" fill-opacity=".8" d="M32 44c-11-1-19-9-21-20 11 1 19 9 21 20zM32 44c11-1 19-9 21-20-11 1-19 9-21 20z"/>
    <path fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" d="M12 50c12 5 28 5 40 0"/>
    <path ${LINE} stroke-opacity=".7" d="M32 20v16"/>`,
  nutrition: `
    <path fill="currentColor" d="M19 9h26l-3 7 4 39H18l4-39z"/>
    <path d="M19 9h26l-1.5 3.5h-23z" ${DARK}/>
    <path ${DETAIL_FILL} d="M35 21l-10 15h7l-3 12 11-17h-7z"/>`,
  outlet: `
    <path fill="currentColor" d="M9 30L29 10h23c1 0 2 1 2 2v23L34 55c-2 2-4 2-6 0L9 36c-2-2-2-4 0-6z"/>
    <circle cx="44" cy="20" r="4" ${DETAIL_FILL}/>
    <g ${LINE} stroke-width="2.6"><path d="M25 42l12-12"/><circle cx="25.5" cy="31.5" r="2.5"/><circle cx="36.5" cy="41.5" r="2.5"/></g>`,
};

/** The hidden sprite that every page inlines once, right after `<body>`. */
export function spriteSvg() {
  const symbols = Object.entries(GLYPHS)
    .map(([name, body]) => `<symbol id="g-${name}" viewBox="0 0 64 64">${body.replace(/\n\s*/g, '')}</symbol>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="sprite" aria-hidden="true" focusable="false">${symbols}</svg>`;
}

/** An `<svg>` that draws one glyph; decorative, since the tile's title says what it is. */
export function glyphSvg(name, className = 'glyph') {
  if (!(name in GLYPHS)) throw new Error(`demo: unknown glyph "${name}"`);
  return `<svg class="${className}" viewBox="0 0 64 64" aria-hidden="true" focusable="false"><use href="#g-${name}"/></svg>`;
}
