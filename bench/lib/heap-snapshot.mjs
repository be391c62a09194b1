/**
 * Heap snapshots over CDP, for the memory figure (browser.mjs) and
 * bench/heap-diff.mjs: a snapshot counts only what is still reachable, V8 and
 * Blink objects alike.
 */
import { SnapshotParser } from './snapshot-parser.mjs';

/**
 * Takes a heap snapshot of the page behind `cdp` and returns it parsed.
 * @param {import('playwright-core').CDPSession} cdp
 * @returns {Promise<{ snapshot: { meta: { node_fields: string[], node_types: any[] } }, nodes: Uint32Array, edges: Uint32Array, strings: string[] }>}
 */
export async function takeHeapSnapshot(cdp) {
  const parser = new SnapshotParser();
  const onChunk = (event) => parser.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return parser.result();
}

/**
 * What a snapshot holds that only exists because the harness has DevTools
 * attached: the network agent's record of every request (Playwright enables
 * the protocol's Network domain on every page it opens, and Blink then keeps a
 * `NetworkResourcesData::ResourceData` of about 290 bytes for each request,
 * plus their tables). A user's page, with no DevTools, has none of it. Bytes.
 */
export function devtoolsBytes(snap) {
  const f = snap.snapshot.meta.node_fields;
  const ef = snap.snapshot.meta.edge_fields;
  const N = f.length;
  const E = ef.length;
  const [name, size, edges] = ['name', 'self_size', 'edge_count'].map((k) => f.indexOf(k));
  const to = ef.indexOf('to_node');
  let total = 0;
  const counted = new Set();
  for (let i = 0, e = 0; i < snap.nodes.length; i += N) {
    const count = snap.nodes[i + edges];
    if (snap.strings[snap.nodes[i + name]].startsWith('blink::NetworkResourcesData')) {
      total += snap.nodes[i + size];
      // The agent's own hash tables and vectors (Blink's backing stores), not what they point at.
      for (let j = e; j < e + count * E; j += E) {
        const child = snap.edges[j + to];
        if (!counted.has(child) && /^blink::Heap\w*Backing/.test(snap.strings[snap.nodes[child + name]])) {
          counted.add(child);
          total += snap.nodes[child + size];
        }
      }
    }
    e += count * E;
  }
  return total;
}

/** The sum of every node's self size in a parsed snapshot, in bytes. */
export function liveBytes(snap) {
  const fields = snap.snapshot.meta.node_fields;
  let total = 0;
  for (let i = fields.indexOf('self_size'); i < snap.nodes.length; i += fields.length) total += snap.nodes[i];
  return total;
}
