/**
 * Parses a V8 heap snapshot as its chunks arrive over CDP, without ever
 * holding the whole JSON text: a snapshot of a large heap (wujie's after a
 * few hundred cycles) is longer than the longest string V8 can make, where
 * `JSON.parse(chunks.join(''))` throws "Invalid string length".
 *
 * The format (https://v8docs.nodesource.com/ and Chromium's
 * `HeapSnapshotJSONSerializer`): one object whose `snapshot` (meta, counts)
 * comes first, then `nodes` and `edges` (flat arrays of integers), a few
 * small arrays, and `strings` last. The integer arrays become `Uint32Array`s
 * (ids, sizes and indexes all fit), `strings` an array of strings, and every
 * other part is kept as text and parsed with `JSON.parse` at the end.
 */
export class SnapshotParser {
  /** Text of the parts parsed with JSON.parse: everything but the big arrays. */
  #text = '';
  /** The array being read: its key, and where its values go. */
  #array = null;
  /** A string token cut by a chunk boundary. */
  #token = '';
  #inString = false;
  #escaped = false;
  #arrays = {};
  /** The `snapshot` part (meta and counts), parsed when the first big array opens. */
  #header = null;

  /** Feeds the next chunk of the snapshot's JSON text. */
  push(chunk) {
    let i = 0;
    while (i < chunk.length) {
      if (!this.#array) {
        i = this.#readText(chunk, i);
        continue;
      }
      i = this.#array.key === 'strings' ? this.#readStrings(chunk, i) : this.#readInts(chunk, i);
    }
  }

  /** The parsed snapshot: `{ snapshot, nodes, edges, strings, ... }`. */
  result() {
    const rest = JSON.parse(this.#text);
    return { ...rest, ...this.#arrays };
  }

  /** Outside the big arrays: copies text until one of them opens. */
  #readText(chunk, i) {
    const start = i;
    for (; i < chunk.length; i++) {
      if (chunk[i] !== '[') continue;
      this.#text += chunk.slice(start, i + 1);
      const key = /"(nodes|edges|strings)"\s*:\s*\[$/.exec(this.#text.slice(-24))?.[1];
      if (!key) return i + 1;
      // The array's values are not kept in the text: it reads `"nodes":[]`.
      this.#text += ']';
      this.#array = { key, values: key === 'strings' ? [] : this.#intArray(key), length: 0 };
      return i + 1;
    }
    this.#text += chunk.slice(start);
    return i;
  }

  /** A typed array sized from the counts in the `snapshot` header (which comes first). */
  #intArray(key) {
    this.#header ??= JSON.parse(`${this.#text.slice(0, this.#text.lastIndexOf('"nodes"')).replace(/,\s*$/, '')}}`).snapshot;
    const header = this.#header;
    const fields = key === 'nodes' ? header.meta.node_fields : header.meta.edge_fields;
    return new Uint32Array((key === 'nodes' ? header.node_count : header.edge_count) * fields.length);
  }

  /** The integer being read, -1 between integers (it may continue in the next chunk). */
  #int = -1;

  #readInts(chunk, i) {
    const array = this.#array;
    for (; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        this.#int = (this.#int < 0 ? 0 : this.#int * 10) + c - 48;
        continue;
      }
      if (this.#int >= 0) {
        array.values[array.length++] = this.#int;
        this.#int = -1;
      }
      if (c === 93 /* ] */) return this.#close(i);
    }
    return i;
  }

  #readStrings(chunk, i) {
    const array = this.#array;
    for (; i < chunk.length; i++) {
      const ch = chunk[i];
      if (!this.#inString) {
        if (ch === '"') {
          this.#inString = true;
          this.#token = '"';
        } else if (ch === ']') return this.#close(i);
        continue;
      }
      // Inside a string token: find its closing quote, copying in slices rather than by character.
      let j = i;
      for (; j < chunk.length; j++) {
        if (this.#escaped) this.#escaped = false;
        else if (chunk[j] === '\\') this.#escaped = true;
        else if (chunk[j] === '"') break;
      }
      this.#token += chunk.slice(i, j + 1);
      if (j === chunk.length) return j;
      array.values[array.length++] = JSON.parse(this.#token);
      this.#token = '';
      this.#inString = false;
      i = j;
    }
    return i;
  }

  #close(i) {
    const { key, values, length } = this.#array;
    if (key !== 'strings' && length !== values.length) throw new Error(`heap snapshot: ${key} has ${length} values, the header says ${values.length}`);
    this.#arrays[key] = values;
    this.#array = null;
    return i + 1;
  }
}
