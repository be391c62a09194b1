/**
 * Heap snapshots over CDP, for the memory figure (browser.mjs) and
 * bench/heap-diff.mjs: a snapshot counts only what is still reachable, V8 and
 * Blink objects alike.
 */

/**
 * Takes a heap snapshot of the page behind `cdp` and returns it parsed.
 * @param {import('playwright-core').CDPSession} cdp
 * @returns {Promise<{ snapshot: { meta: { node_fields: string[], node_types: any[] } }, nodes: number[], strings: string[] }>}
 */
export async function takeHeapSnapshot(cdp) {
  const chunks = [];
  const onChunk = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return JSON.parse(chunks.join(''));
}

/** The sum of every node's self size in a parsed snapshot, in bytes. */
export function liveBytes(snap) {
  const fields = snap.snapshot.meta.node_fields;
  let total = 0;
  for (let i = fields.indexOf('self_size'); i < snap.nodes.length; i += fields.length) total += snap.nodes[i];
  return total;
}
