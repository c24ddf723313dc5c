// Vocabulary for the fictional "Trailhead Outfitters" shop that make-catalog.mjs draws from.
// Brands, models and articles are invented; any resemblance to real products is accidental.

/** Named colourways; every product gets one, and it tints the product's drawn image. */
export const COLOURWAYS = [
  { name: 'Ocean', hex: '#1f6feb' },
  { name: 'Ember', hex: '#e4572e' },
  { name: 'Moss', hex: '#5b8c5a' },
  { name: 'Slate', hex: '#4a5568' },
  { name: 'Sunset', hex: '#f59e0b' },
  { name: 'Berry', hex: '#b83280' },
  { name: 'Glacier', hex: '#3aa6c2' },
  { name: 'Sand', hex: '#c08a4f' },
  { name: 'Charcoal', hex: '#2d3748' },
  { name: 'Coral', hex: '#f25f5c' },
  { name: 'Forest', hex: '#2f6b3b' },
  { name: 'Lilac', hex: '#8b5cf6' },
  { name: 'Saffron', hex: '#e0a106' },
  { name: 'Teal', hex: '#0f8b8d' },
];

/**
 * Product categories. `lines` are the kinds of product sold: a price range in dollars, fixed `tags`
 * plus a `pool` of optional ones, whether the colourway is part of the title (`colour`), whether the
 * title carries a model name (`model`, default true) and number (`numbered`); `repurchase` marks
 * consumables that a visitor buys again after a while.
 */
export const CATEGORIES = [
  {
    slug: 'running', name: 'Running shoes', count: 28,
    blurb: 'Road, trail and race-day shoes, fitted for every stride.',
    brands: ['Kestrel', 'Swiftline', 'Trailhound', 'Pacefield'],
    models: ['Glide', 'Tempo', 'Strider', 'Apex', 'Cloudline', 'Racer', 'Ridgeback'],
    lines: [
      { kind: 'Road Running Shoe', price: [89, 179], numbered: true, colour: true, tags: ['road'], pool: ['cushioned', 'lightweight', 'stability', 'neutral', 'wide-fit'] },
      { kind: 'Trail Running Shoe', price: [99, 189], numbered: true, colour: true, tags: ['trail'], pool: ['waterproof', 'cushioned', 'grippy', 'lightweight', 'wide-fit'] },
      { kind: 'Racing Flat', price: [129, 249], numbered: true, colour: true, tags: ['road', 'racing'], pool: ['carbon-plate', 'lightweight', 'neutral'] },
    ],
  },
  {
    slug: 'hiking', name: 'Hiking', count: 24,
    blurb: 'Boots, poles and trail essentials for long days on foot.',
    brands: ['Northpeak', 'Alpenglow', 'Trailhound', 'Ember & Oak'],
    models: ['Summit', 'Ridge', 'Cairn', 'Talus', 'Switchback', 'Traverse'],
    lines: [
      { kind: 'Mid Hiking Boot', price: [129, 249], numbered: true, tags: ['boots'], pool: ['waterproof', 'leather', 'gore-tex', 'wide-fit', 'vegan'] },
      { kind: 'Hiking Shoe', price: [99, 169], numbered: true, tags: ['shoes'], pool: ['waterproof', 'lightweight', 'gore-tex', 'vegan'] },
      { kind: 'Trekking Poles (pair)', price: [59, 149], tags: ['poles'], pool: ['carbon', 'lightweight', 'foldable'] },
      { kind: 'Merino Hiking Socks', price: [18, 29], model: false, tags: ['socks', 'merino'], pool: ['cushioned', 'lightweight'] },
    ],
  },
  {
    slug: 'tents', name: 'Tents & camping', count: 20,
    blurb: 'Shelters, sleeping bags and pads for nights outside.',
    brands: ['Northpeak', 'Driftwood', 'Halcyon', 'Alpenglow'],
    models: ['Basecamp', 'Nomad', 'Starfield', 'Bivy', 'Hollow', 'Meadow'],
    lines: [
      { kind: '2-Person Backpacking Tent', price: [199, 449], tags: ['2-person', 'backpacking'], pool: ['ultralight', '3-season', 'freestanding', 'recycled'] },
      { kind: '4-Person Family Tent', price: [249, 599], tags: ['family'], pool: ['3-season', 'freestanding', 'recycled', 'blackout'] },
      { kind: 'Down Sleeping Bag', price: [149, 389], tags: ['sleeping-bag', 'down'], pool: ['ultralight', '3-season', '4-season', 'compact'] },
      { kind: 'Insulated Sleeping Pad', price: [69, 179], tags: ['sleeping-pad'], pool: ['ultralight', '4-season', 'compact'] },
    ],
  },
  {
    slug: 'jackets', name: 'Jackets', count: 26,
    blurb: 'Rain shells, down and fleece that pack small and keep you going.',
    brands: ['Northpeak', 'Alpenglow', 'Halcyon', 'Lumen'],
    models: ['Storm', 'Aurora', 'Vantage', 'Cirrus', 'Fjord', 'Nimbus'],
    lines: [
      { kind: 'Rain Shell', price: [119, 329], colour: true, tags: ['rain', 'shell', 'waterproof'], pool: ['packable', 'recycled', 'hooded', 'breathable', 'women'] },
      { kind: 'Down Jacket', price: [179, 399], colour: true, tags: ['down', 'insulated'], pool: ['packable', 'hooded', 'recycled', 'women'] },
      { kind: 'Fleece Jacket', price: [69, 139], colour: true, tags: ['fleece'], pool: ['recycled', 'breathable', 'women'] },
      { kind: 'Softshell Jacket', price: [109, 219], colour: true, tags: ['softshell'], pool: ['windproof', 'hooded', 'breathable', 'women'] },
    ],
  },
  {
    slug: 'backpacks', name: 'Backpacks', count: 22,
    blurb: 'Daypacks to expedition haulers, with fits for every back.',
    brands: ['Trailhound', 'Driftwood', 'Northpeak', 'Pacefield'],
    models: ['Voyager', 'Canyon', 'Ascent', 'Ranger', 'Scout'],
    lines: [
      { kind: '22L Daypack', price: [59, 129], colour: true, tags: ['daypack'], pool: ['hydration', 'lightweight', 'rain-cover', 'recycled'] },
      { kind: '45L Trekking Pack', price: [149, 269], colour: true, tags: ['trekking'], pool: ['ventilated', 'rain-cover', 'women', 'hydration'] },
      { kind: '65L Expedition Pack', price: [229, 379], colour: true, tags: ['expedition'], pool: ['ventilated', 'rain-cover', 'women'] },
      { kind: 'Running Vest 8L', price: [89, 159], colour: true, tags: ['running', 'hydration'], pool: ['lightweight', 'women'] },
    ],
  },
  {
    slug: 'cycling', name: 'Cycling', count: 26,
    blurb: 'Helmets, lights, apparel and care for road and gravel riders.',
    brands: ['Velocita', 'Swiftline', 'Kestrel', 'Gearhaus'],
    models: ['Aero', 'Gravel', 'Sprint', 'Climb', 'Commute'],
    lines: [
      { kind: 'Road Helmet', price: [79, 249], numbered: true, tags: ['helmet'], pool: ['mips', 'aero', 'ventilated', 'road', 'gravel'] },
      { kind: 'Bib Shorts', price: [89, 189], tags: ['apparel'], pool: ['road', 'gravel', 'women'] },
      { kind: 'USB Bike Light Set', price: [39, 99], tags: ['lights'], pool: ['commute', 'reflective', 'rechargeable'] },
      { kind: 'Chain Lube 120ml', price: [9, 16], model: false, tags: ['maintenance'], pool: ['wet', 'dry', 'biodegradable'], repurchase: '90d' },
      { kind: 'Chamois Cream 150ml', price: [14, 22], model: false, tags: ['care'], pool: ['vegan', 'road'], repurchase: '60d' },
    ],
  },
  {
    slug: 'swimwear', name: 'Swimwear', count: 20,
    blurb: 'Pool, open-water and triathlon kit.',
    brands: ['Halcyon', 'Coastline', 'Swiftline'],
    models: ['Wave', 'Current', 'Tide', 'Lagoon', 'Reef'],
    lines: [
      { kind: 'Training Swimsuit', price: [39, 89], colour: true, tags: ['pool'], pool: ['chlorine-resistant', 'recycled', 'women'] },
      { kind: 'Open-Water Wetsuit', price: [219, 499], tags: ['open-water', 'wetsuit'], pool: ['women', 'triathlon'] },
      { kind: 'Anti-Fog Goggles', price: [19, 49], colour: true, tags: ['goggles'], pool: ['uv-protection', 'open-water', 'pool'] },
      { kind: 'Tri Suit', price: [129, 249], colour: true, tags: ['triathlon'], pool: ['quick-dry', 'women'] },
    ],
  },
  {
    slug: 'yoga', name: 'Yoga', count: 20,
    blurb: 'Mats, blocks and soft layers for the studio and home.',
    brands: ['Lumen', 'Lotusfield', 'Halcyon'],
    models: ['Balance', 'Flow', 'Still', 'Sun', 'Breath'],
    lines: [
      { kind: 'Yoga Mat 5mm', price: [39, 119], colour: true, tags: ['mat'], pool: ['non-slip', 'eco', 'travel', 'cork'] },
      { kind: 'Cork Yoga Block', price: [15, 29], tags: ['block', 'cork'], pool: ['eco'] },
      { kind: 'High-Rise Leggings', price: [49, 99], colour: true, tags: ['apparel'], pool: ['organic-cotton', 'women', 'quick-dry'] },
      { kind: 'Mat Cleaner Spray', price: [9, 15], model: false, tags: ['care', 'mat'], pool: ['eco'], repurchase: '45d' },
    ],
  },
  {
    slug: 'nutrition', name: 'Nutrition', count: 18,
    blurb: 'Gels, bars and electrolytes: fuel you will want again.',
    brands: ['Fuelwell', 'Peakfuel', 'Trailmix Co.'],
    models: [],
    lines: [
      { kind: 'Energy Gel 12-pack', model: false, price: [18, 28], tags: ['gel'], pool: ['vegan', 'caffeine', 'endurance'], repurchase: '30d',
        flavours: ['Citrus', 'Salted Caramel', 'Berry', 'Espresso', 'Apple'] },
      { kind: 'Energy Bar 12-pack', model: false, price: [22, 34], tags: ['bar'], pool: ['vegan', 'gluten-free'], repurchase: '30d',
        flavours: ['Peanut', 'Cocoa Oat', 'Date & Almond', 'Lemon'] },
      { kind: 'Electrolyte Tabs (4 tubes)', model: false, price: [19, 29], tags: ['electrolytes'], pool: ['vegan', 'hydration'], repurchase: '30d',
        flavours: ['Lemon Lime', 'Watermelon', 'Neutral'] },
      { kind: 'Recovery Drink 1kg', model: false, price: [29, 44], tags: ['recovery'], pool: ['gluten-free'], repurchase: '30d',
        flavours: ['Chocolate', 'Vanilla'] },
    ],
  },
  {
    slug: 'outlet', name: 'Outlet', count: 24,
    blurb: 'Last season\u2019s favourites at up to half price, while they last.',
    // Outlet items borrow the brands, models and lines of another category (see make-catalog.mjs).
    brands: [], models: [], lines: [],
  },
];

/** Article topics (an article's `category`), each drawn with one of the product glyphs. */
export const ARTICLE_TOPICS = {
  guides: { name: 'Guides', glyph: 'hiking' },
  'trail-running': { name: 'Trail running', glyph: 'running' },
  camping: { name: 'Camping', glyph: 'tents' },
  cycling: { name: 'Cycling', glyph: 'cycling' },
  'gear-care': { name: 'Gear care', glyph: 'jackets' },
  nutrition: { name: 'Nutrition', glyph: 'nutrition' },
  news: { name: 'Shop news', glyph: 'outlet' },
};

/** [topic, title, tags] for each article, in id order. */
export const ARTICLE_TITLES = [
  ['guides', 'How to choose your first pair of hiking boots', ['boots', 'beginner', 'fit']],
  ['trail-running', 'Ten trail-running mistakes we all make once', ['trail', 'beginner']],
  ['camping', 'A beginner\u2019s guide to wild camping, responsibly', ['wild-camping', 'beginner', 'leave-no-trace']],
  ['gear-care', 'Re-proofing a rain shell in four steps', ['waterproof', 'shell', 'care']],
  ['nutrition', 'Gels, bars or real food? Fuelling a marathon', ['gel', 'marathon', 'endurance']],
  ['cycling', 'Gravel bikes explained in five minutes', ['gravel', 'beginner']],
  ['guides', 'Layering 101: base, mid and shell', ['layering', 'jackets', 'beginner']],
  ['trail-running', 'Uphill technique: power hiking vs running', ['trail', 'technique']],
  ['camping', 'Sleeping warm: pads, bags and R-values', ['sleeping-bag', 'sleeping-pad', 'cold']],
  ['news', 'Our autumn outlet is open: last season\u2019s best', ['sale', 'outlet']],
  ['gear-care', 'Washing down without ruining it', ['down', 'care']],
  ['nutrition', 'Electrolytes: how much salt do you sweat?', ['electrolytes', 'hydration']],
  ['cycling', 'Night riding: a field test of 8 light sets', ['lights', 'commute', 'review']],
  ['guides', 'Packing a 45-litre bag for a week on the trail', ['trekking', 'backpacks', 'packing']],
  ['trail-running', 'Choosing a running vest that does not bounce', ['running', 'hydration', 'fit']],
  ['news', 'Repair, resell, recycle: our take-back scheme', ['recycled', 'sustainability']],
  ['camping', 'Freestanding or not? Tent designs compared', ['tents', 'freestanding', 'review']],
  ['gear-care', 'Making a yoga mat last: cleaning and storage', ['yoga', 'mat', 'care']],
  ['nutrition', 'Caffeine on the trail: timing and dose', ['caffeine', 'gel', 'endurance']],
  ['cycling', 'MIPS and helmet fit, explained', ['helmet', 'mips', 'safety']],
  ['guides', 'Open-water swimming: your first season', ['open-water', 'wetsuit', 'beginner']],
  ['news', 'New in: the winter jacket collection', ['jackets', 'new', 'down']],
  ['trail-running', 'Carbon plates on trails: worth it?', ['carbon-plate', 'trail', 'review']],
  ['guides', 'Yoga for hikers: six poses for tight hips', ['yoga', 'mobility', 'hiking']],
];
