/**
 * Word vectors in a compact binary file, read without parsing: a hash table finds a word's row, each row is 100
 * int8 numbers and one float scale. 341,479 words take about 45 MB, against 294 MB of JSON in the package (which
 * JSON.parse turns into more than 1 GB of heap). See docs/decisions/0007-word-vectors.md.
 *
 * Layout (little-endian), each section aligned to 8 bytes:
 *   header   magic "TWV1", u32 version, u32 words, u32 dimensions, u32 table size (a power of two), u32 bytes of text,
 *            u32 reserved × 2
 *   scales   f32 × words           a row's numbers times its scale give the vector
 *   offsets  u32 × (words + 1)     where each word's UTF-8 bytes start in the text section
 *   table    i32 × table size      open addressing (linear probing) on an FNV-1a hash; -1 is empty
 *   text     u8 × bytes of text    the words, UTF-8, one after another
 *   rows     i8 × words × dims     in the package's order: most frequent words first
 */

export const MAGIC = 0x31565754; // "TWV1"
export const FORMAT_VERSION = 1;
const HEADER_BYTES = 32;

const align8 = (n: number) => (n + 7) & ~7;

export function fnv1a(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Layout {
  words: number;
  dims: number;
  tableSize: number;
  textBytes: number;
  scales: number;
  offsets: number;
  table: number;
  text: number;
  rows: number;
  total: number;
}

function layout(words: number, dims: number, tableSize: number, textBytes: number): Layout {
  const scales = HEADER_BYTES;
  const offsets = align8(scales + 4 * words);
  const table = align8(offsets + 4 * (words + 1));
  const text = align8(table + 4 * tableSize);
  const rows = align8(text + textBytes);
  const total = align8(rows + words * dims);
  return { words, dims, tableSize, textBytes, scales, offsets, table, text, rows, total };
}

/** Writes the binary form of `words` (in frequency order) and their float vectors into one buffer. */
export function encodeWordVectors(words: readonly string[], dims: number, vectorOf: (i: number) => ArrayLike<number>): Uint8Array {
  const enc = new TextEncoder();
  const encoded = words.map((w) => enc.encode(w));
  const textBytes = encoded.reduce((s, b) => s + b.length, 0);
  let tableSize = 1;
  while (tableSize < words.length * 2) tableSize <<= 1;
  const l = layout(words.length, dims, tableSize, textBytes);
  const buf = new ArrayBuffer(l.total);
  const bytes = new Uint8Array(buf);
  const head = new Uint32Array(buf, 0, HEADER_BYTES / 4);
  head.set([MAGIC, FORMAT_VERSION, words.length, dims, tableSize, textBytes, 0, 0]);
  const scales = new Float32Array(buf, l.scales, words.length);
  const offsets = new Uint32Array(buf, l.offsets, words.length + 1);
  const table = new Int32Array(buf, l.table, tableSize).fill(-1);
  const text = new Uint8Array(buf, l.text, textBytes);
  const rows = new Int8Array(buf, l.rows, words.length * dims);
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    offsets[i] = at;
    text.set(encoded[i]!, at);
    at += encoded[i]!.length;
  }
  offsets[words.length] = at;
  const view = new WordVectors(bytes);
  for (let i = 0; i < words.length; i++) {
    // The first of two equal words (the package has none) keeps the slot.
    if (view.indexOf(words[i]!) >= 0) continue;
    let slot = fnv1a(text, offsets[i]!, offsets[i + 1]!) & (tableSize - 1);
    while (table[slot] !== -1) slot = (slot + 1) & (tableSize - 1);
    table[slot] = i;
    const v = vectorOf(i);
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(v[d]!));
    const scale = max > 0 ? max / 127 : 1;
    scales[i] = scale;
    for (let d = 0; d < dims; d++) rows[i * dims + d] = Math.round(v[d]! / scale);
  }
  return bytes;
}

/** A read-only view of the binary form: look a word up, add its vector into a sum. */
export class WordVectors {
  readonly size: number;
  readonly dimensions: number;
  private readonly tableSize: number;
  private readonly scales: Float32Array;
  private readonly offsets: Uint32Array;
  private readonly table: Int32Array;
  private readonly text: Uint8Array;
  private readonly rows: Int8Array;
  private readonly scratch = new Uint8Array(256);
  private readonly encoder = new TextEncoder();

  /** `bytes` may live in a SharedArrayBuffer, so a worker thread reads the same memory. */
  constructor(readonly bytes: Uint8Array) {
    if (bytes.byteOffset % 8 !== 0) throw new Error('word vectors: the buffer must start on an 8-byte boundary');
    if (bytes.byteLength < HEADER_BYTES) throw new Error('word vectors: the file is too short to hold a header');
    const head = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_BYTES / 4);
    if (head[0] !== MAGIC) throw new Error('word vectors: not a Tandem word-vector file (bad magic number)');
    if (head[1] !== FORMAT_VERSION) throw new Error(`word vectors: format version ${head[1]}, expected ${FORMAT_VERSION}`);
    const l = layout(head[2]!, head[3]!, head[4]!, head[5]!);
    if (bytes.byteLength < l.total) throw new Error(`word vectors: the file is cut short (${bytes.byteLength} of ${l.total} bytes)`);
    const b = bytes.buffer;
    const o = bytes.byteOffset;
    this.size = l.words;
    this.dimensions = l.dims;
    this.tableSize = l.tableSize;
    this.scales = new Float32Array(b, o + l.scales, l.words);
    this.offsets = new Uint32Array(b, o + l.offsets, l.words + 1);
    this.table = new Int32Array(b, o + l.table, l.tableSize);
    this.text = new Uint8Array(b, o + l.text, l.textBytes);
    this.rows = new Int8Array(b, o + l.rows, l.words * l.dims);
  }

  /** The word's row (its frequency rank, 0 for the most frequent word), or -1 when it has no vector. */
  indexOf(word: string): number {
    let len: number;
    let src: Uint8Array;
    if (word.length * 3 <= this.scratch.length) {
      len = this.encoder.encodeInto(word, this.scratch).written;
      src = this.scratch;
    } else {
      src = this.encoder.encode(word);
      len = src.length;
    }
    const mask = this.tableSize - 1;
    for (let slot = fnv1a(src, 0, len) & mask; ; slot = (slot + 1) & mask) {
      const i = this.table[slot]!;
      if (i === -1) return -1;
      const s = this.offsets[i]!;
      if (this.offsets[i + 1]! - s !== len) continue;
      let same = true;
      for (let k = 0; k < len; k++) {
        if (this.text[s + k] !== src[k]) {
          same = false;
          break;
        }
      }
      if (same) return i;
    }
  }

  word(i: number): string {
    return new TextDecoder().decode(this.text.subarray(this.offsets[i]!, this.offsets[i + 1]!));
  }

  /** out[offset + d] += weight × vector(i)[d]. */
  addTo(i: number, weight: number, out: Float32Array | Float64Array, offset = 0) {
    const w = weight * this.scales[i]!;
    const base = i * this.dimensions;
    for (let d = 0; d < this.dimensions; d++) out[offset + d]! += w * this.rows[base + d]!;
  }
}
