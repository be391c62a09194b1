/** Initial stock; App.vue copies it into reactive state. */
export const ITEMS = [
  { name: 'Hex bolts', qty: 12 },
  { name: 'Wing nuts', qty: 5 },
  { name: 'Washers', qty: 30 },
];

/** Used by App.vue and Chart.vue, so the lazy Chart chunk imports it from the entry chunk. */
export function formatUnits(qty) {
  return `${qty} ${qty === 1 ? 'unit' : 'units'}`;
}
