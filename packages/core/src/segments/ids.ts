/**
 * Id bookkeeping for a million orders: numeric ids (almost all Shopify ids) are kept as numbers,
 * never as strings, and bulk order ids are checked for duplicates by sorting rather than hashing.
 */
import { normalizeId } from "./schemas.js";

/** Canonical key of an id: a number when it is a safe integer, else the normalised string. */
export function idKey(id: string | number): string | number {
  if (typeof id === "number") return Number.isSafeInteger(id) ? id : String(id);
  const normal = normalizeId(id);
  const asNumber = Number(normal);
  return Number.isSafeInteger(asNumber) && String(asNumber) === normal ? asNumber : normal;
}

/** Dense index of ids: position 0, 1, 2… in first-seen order. */
export class IdIndex {
  readonly ids: string[] = [];
  private readonly byNumber = new Map<number, number>();
  private readonly byString = new Map<string, number>();

  get(id: string | number): number | undefined {
    const key = idKey(id);
    return typeof key === "number" ? this.byNumber.get(key) : this.byString.get(key);
  }

  /** True when the last `add` call added a new id (no object per call on the hot path). */
  lastAdded = false;

  /** The index of `id`, adding it when new. */
  add(id: string | number): number {
    const key = typeof id === "number" && Number.isSafeInteger(id) ? id : idKey(id);
    const existing = typeof key === "number" ? this.byNumber.get(key) : this.byString.get(key);
    this.lastAdded = existing === undefined;
    if (existing !== undefined) return existing;
    const index = this.ids.length;
    if (typeof key === "number") this.byNumber.set(key, index);
    else this.byString.set(key, index);
    this.ids.push(String(key));
    return index;
  }
}

/** Order ids seen so far: a hash set for single orders, a sorted array for bulk batches. */
export class SeenOrderIds {
  private readonly single = new Set<string | number>();
  private sorted = new Float64Array(0);

  private inSorted(id: number): boolean {
    let lo = 0;
    let hi = this.sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.sorted[mid] ?? 0;
      if (v === id) return true;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** True (and remembers it) the first time an id is seen; false for a duplicate. */
  first(id: string | number): boolean {
    const key = idKey(id);
    if (this.single.has(key) || (typeof key === "number" && this.inSorted(key))) return false;
    this.single.add(key);
    return true;
  }

  /**
   * Marks duplicates in a batch of numeric ids: `duplicate[i]` is 1 when ids[i] was seen before
   * (earlier in the batch or in an earlier call). Costs one sort of the batch.
   */
  firstInBatch(ids: Float64Array): Uint8Array {
    const duplicate = new Uint8Array(ids.length);
    const batchSorted = ids.slice().sort();
    const repeated = new Set<number>();
    for (let k = 1; k < batchSorted.length; k++)
      if (batchSorted[k] === batchSorted[k - 1]) repeated.add(batchSorted[k] ?? 0);
    const seenRepeated = new Set<number>();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? 0;
      if (this.single.has(id) || this.inSorted(id)) duplicate[i] = 1;
      else if (repeated.has(id)) {
        if (seenRepeated.has(id)) duplicate[i] = 1;
        else seenRepeated.add(id);
      }
    }
    // Merge the batch into the sorted array for later batches and single orders.
    const merged = new Float64Array(this.sorted.length + batchSorted.length);
    let a = 0;
    let b = 0;
    let o = 0;
    while (a < this.sorted.length || b < batchSorted.length) {
      const takeOld =
        a < this.sorted.length && (b >= batchSorted.length || (this.sorted[a] ?? 0) <= (batchSorted[b] ?? 0));
      merged[o++] = takeOld ? (this.sorted[a++] ?? 0) : (batchSorted[b++] ?? 0);
    }
    this.sorted = merged;
    return duplicate;
  }
}
