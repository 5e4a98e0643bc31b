/**
 * MinHash signatures with LSH banding for near-duplicate detection in one pass: each product is
 * compared only with the representative of the buckets its bands fall into, never with all others.
 */

/** FNV-1a, 32-bit: fast and good enough for bucketing shingles. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const SIGNATURE_SIZE = 32;
const BANDS = 4;
const ROWS = SIGNATURE_SIZE / BANDS; // 8 rows: pairs above ~0.84 Jaccard collide with high probability

// Fixed odd multipliers/offsets: deterministic signatures across runs and processes.
const A = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const B = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);

/** MinHash signature of a set of shingle hashes. */
export function signature(shingles: Iterable<number>): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = (Math.imul(s ^ (B[i] ?? 0), A[i] ?? 1) ^ (s >>> 15)) >>> 0;
      if (h < (sig[i] ?? 0)) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of equal signature slots. */
export function similarity(a: Uint32Array, b: Uint32Array, bOffset = 0): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[bOffset + i]) same++;
  return same / SIGNATURE_SIZE;
}

/**
 * Streaming LSH index: `add` returns the earlier items that share a band with the new one.
 * Memory: one signature (128 bytes) and one bucket entry per band per item.
 */
export class LshIndex {
  private readonly buckets: Map<number, number>[] = Array.from(
    { length: BANDS },
    () => new Map<number, number>(),
  );
  private chunks: Uint32Array[] = [];
  private static readonly CHUNK = 4096;
  private count = 0;

  add(sig: Uint32Array): { index: number; candidates: number[] } {
    const index = this.count++;
    const chunk = Math.floor(index / LshIndex.CHUNK);
    if (chunk >= this.chunks.length) this.chunks.push(new Uint32Array(LshIndex.CHUNK * SIGNATURE_SIZE));
    this.chunks[chunk]?.set(sig, (index % LshIndex.CHUNK) * SIGNATURE_SIZE);
    const candidates: number[] = [];
    for (let b = 0; b < BANDS; b++) {
      let h = 0x811c9dc5 ^ b;
      for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ (sig[b * ROWS + r] ?? 0), 0x01000193);
      const bucket = this.buckets[b];
      if (!bucket) continue;
      const first = bucket.get(h >>> 0);
      if (first === undefined) bucket.set(h >>> 0, index);
      else if (!candidates.includes(first)) candidates.push(first);
    }
    return { index, candidates };
  }

  similarityTo(sig: Uint32Array, other: number): number {
    const chunk = this.chunks[Math.floor(other / LshIndex.CHUNK)];
    return chunk ? similarity(sig, chunk, (other % LshIndex.CHUNK) * SIGNATURE_SIZE) : 0;
  }
}
