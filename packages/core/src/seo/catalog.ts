import { z } from "zod";
import { NinjaLeadError } from "../errors/index.js";
import { LANGUAGES } from "../i18n/index.js";
import { parseOrThrow } from "../internal/zod.js";
import type { Analysis } from "./analysis.js";
import { auditWithAnalysis, type SeoAuditResult } from "./audit.js";
import { effectiveSeoTitle } from "./checks/keyphrase.js";
import type { Rating } from "./checks/result.js";
import { LshIndex, fnv1a, signature } from "./minhash.js";
import { seoProductSchema, type SeoProductInput } from "./schema.js";
import { fold, latinWords } from "./text.js";

export const catalogOptionsSchema = z.object({
  /** Language for products that do not say (default: each product's own, else English). */
  language: z.enum(LANGUAGES).optional(),
  /** How many of the worst products to keep (bounded heap). */
  worstLimit: z.number().int().min(1).max(10_000).default(50),
  /** Estimated Jaccard similarity above which two descriptions are near-duplicates. */
  nearDuplicateThreshold: z.number().min(0.5).max(1).default(0.8),
  /** At most this many ids are kept per duplicate group (the count is always exact). */
  maxIdsPerGroup: z.number().int().min(2).max(1000).default(20),
  /** Products whose SEO score is below this are counted in `belowMinScore` (CI thresholds). */
  minScore: z.number().min(0).max(100).optional(),
  onProgress: z.custom<(audited: number) => void>((v) => typeof v === "function").optional(),
  signal: z
    .custom<AbortSignal>((v) => typeof AbortSignal !== "undefined" && v instanceof AbortSignal)
    .optional(),
});
export type CatalogAuditOptions = z.input<typeof catalogOptionsSchema>;

export interface DuplicateGroup {
  value: string;
  count: number;
  ids: string[];
}

export interface CatalogOffender {
  id: string;
  title: string;
  seoScore: number;
  readabilityScore: number;
  /** Ids of the checks rated bad. */
  failing: string[];
}

export interface CatalogReport {
  products: number;
  /** Items that were not valid products (wrong types): skipped, with the fields at fault. */
  invalid: { index: number; issues: string[] }[];
  averageSeoScore: number;
  averageReadabilityScore: number;
  /** Share of products per overall rating (Yoast's bands: > 70 good, > 40 ok). */
  ratingShares: { seo: Record<Rating, number>; readability: Record<Rating, number> };
  /** Per check: how many products got each rating. */
  checks: Record<string, Record<Rating, number>>;
  duplicateSeoTitles: DuplicateGroup[];
  duplicateMetaDescriptions: DuplicateGroup[];
  nearDuplicateDescriptions: { ids: string[]; count: number; similarity: number }[];
  /** One keyphrase targeted by several products: they compete for the same searches. */
  cannibalisation: DuplicateGroup[];
  missingAlt: { images: number; withoutAlt: number; products: number };
  /** Worst first. */
  worst: CatalogOffender[];
  /** Present when `minScore` was given. */
  belowMinScore?: { minScore: number; count: number; ids: string[] };
}

const overall = (score: number): Rating => (score > 70 ? "good" : score > 40 ? "ok" : "bad");

/** Groups equal keys by hash, keeping ids only where there is more than one. */
class DuplicateTracker {
  private readonly first = new Map<number, string>();
  private readonly groups = new Map<number, DuplicateGroup>();
  constructor(private readonly maxIds: number) {}

  add(key: string, display: string, id: string): void {
    if (key === "") return;
    const h = fnv1a(key) * 0x200000 + (key.length & 0x1fffff); // hash + length: collisions negligible
    const seen = this.first.get(h);
    if (seen === undefined) {
      this.first.set(h, id);
      return;
    }
    let g = this.groups.get(h);
    if (!g) {
      g = { value: display, count: 1, ids: [seen] };
      this.groups.set(h, g);
    }
    g.count++;
    if (g.ids.length < this.maxIds) g.ids.push(id);
  }

  result(): DuplicateGroup[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count);
  }
}

/** Keeps the N lowest-scoring products. */
class WorstHeap {
  private readonly items: (CatalogOffender & { key: number })[] = [];
  constructor(private readonly limit: number) {}

  add(o: CatalogOffender): void {
    const key = o.seoScore * 1000 + o.readabilityScore;
    if (this.items.length < this.limit) {
      this.items.push({ ...o, key });
      if (this.items.length === this.limit) this.items.sort((a, b) => b.key - a.key);
      return;
    }
    const best = this.items[0];
    if (!best || key >= best.key) return;
    this.items[0] = { ...o, key };
    this.items.sort((a, b) => b.key - a.key); // limit is small; a sort beats heap bookkeeping here
  }

  result(): CatalogOffender[] {
    return [...this.items].sort((a, b) => a.key - b.key).map(({ key: _key, ...o }) => o);
  }
}

// The first 200 shingles (~200 words) identify a copied description; more only costs time.
const MAX_SHINGLES = 200;
function shingles(a: Analysis): number[] {
  const out: number[] = [];
  if (a.profile.cjk) {
    const text = a.blocks
      .map((b) => b.text)
      .join("")
      .replace(/\s+/g, "");
    for (let i = 0; i + 4 <= text.length && out.length < MAX_SHINGLES; i += 2)
      out.push(fnv1a(text.slice(i, i + 4)));
    return out;
  }
  const stems: string[] = [];
  for (const s of a.sentences) {
    for (const st of s.stems) stems.push(st);
    if (stems.length > MAX_SHINGLES + 2) break;
  }
  // A shingle is three consecutive stems, hashed from the stems' own hashes (no joined string).
  const hashes = stems.map(fnv1a);
  for (let i = 0; i + 3 <= hashes.length && out.length < MAX_SHINGLES; i++) {
    let h = Math.imul(0x811c9dc5 ^ (hashes[i] ?? 0), 0x01000193);
    h = Math.imul(h ^ (hashes[i + 1] ?? 0), 0x01000193);
    h = Math.imul(h ^ (hashes[i + 2] ?? 0), 0x01000193);
    out.push((h ^ (h >>> 15)) >>> 0);
  }
  return out;
}

class UnionFind {
  private parent = new Int32Array(1024);
  private best = new Float32Array(1024);
  ensure(n: number): void {
    if (n < this.parent.length) return;
    let size = this.parent.length;
    while (size <= n) size *= 2;
    const p = new Int32Array(size);
    p.set(this.parent);
    const b = new Float32Array(size);
    b.set(this.best);
    for (let i = this.parent.length; i < size; i++) p[i] = i;
    this.parent = p;
    this.best = b;
  }
  init(i: number): void {
    this.ensure(i);
    this.parent[i] = i;
  }
  find(i: number): number {
    let r = i;
    while ((this.parent[r] ?? r) !== r) r = this.parent[r] ?? r;
    while ((this.parent[i] ?? i) !== r) {
      const next = this.parent[i] ?? i;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number, sim: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    const root = Math.min(ra, rb);
    const s = Math.max(sim, this.best[ra] ?? 0, this.best[rb] ?? 0);
    this.parent[Math.max(ra, rb)] = root;
    this.best[root] = s;
  }
  similarity(root: number): number {
    return this.best[root] ?? 0;
  }
}

/**
 * Audits a whole catalog, streamed: products are read one at a time and only small fixed-size
 * facts are kept per product (hashes, a 128-byte MinHash signature, the id), so 100,000 products
 * fit in a few tens of MB. Finds duplicate titles and meta descriptions, near-duplicate
 * descriptions (MinHash + LSH, never all pairs), keyword cannibalisation, missing alt texts, the
 * rating distribution and the worst offenders.
 *
 * @example
 * const report = await auditCatalog(readProducts("export.csv"), { worstLimit: 20 });
 * report.worst[0]; // { id, title, seoScore, readabilityScore, failing: [...] }
 */
export async function auditCatalog(
  products: AsyncIterable<SeoProductInput> | Iterable<SeoProductInput>,
  options: CatalogAuditOptions = {},
): Promise<CatalogReport> {
  const opts = parseOrThrow(catalogOptionsSchema, options, "catalog audit options");
  const titles = new DuplicateTracker(opts.maxIdsPerGroup);
  const metas = new DuplicateTracker(opts.maxIdsPerGroup);
  const keyphrases = new DuplicateTracker(opts.maxIdsPerGroup);
  const worst = new WorstHeap(opts.worstLimit);
  const lsh = new LshIndex();
  const uf = new UnionFind();
  const lshIds: string[] = [];
  const checks: Record<string, Record<Rating, number>> = {};
  const shares = { seo: { good: 0, ok: 0, bad: 0 }, readability: { good: 0, ok: 0, bad: 0 } };
  const invalid: CatalogReport["invalid"] = [];
  const alt = { images: 0, withoutAlt: 0, products: 0 };
  let count = 0;
  let index = -1;
  const below = { count: 0, ids: [] as string[] };
  let seoSum = 0;
  let readabilitySum = 0;

  for await (const input of products) {
    index++;
    if (opts.signal?.aborted)
      throw new NinjaLeadError("aborted", "Catalog audit aborted", { cause: opts.signal.reason });
    const parsed = seoProductSchema.safeParse(input);
    if (!parsed.success) {
      if (invalid.length < 100)
        invalid.push({ index, issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
      continue;
    }
    const product = parsed.data;
    if (opts.language && !(input as { language?: unknown }).language) product.language = opts.language;
    const id = product.id ?? (product.handle || String(index));
    const { result, analysis } = auditWithAnalysis(product);
    count++;
    seoSum += result.seoScore;
    readabilitySum += result.readabilityScore;
    shares.seo[overall(result.seoScore)]++;
    shares.readability[overall(result.readabilityScore)]++;
    tally(checks, result);
    if (opts.minScore !== undefined && result.seoScore < opts.minScore) {
      below.count++;
      if (below.ids.length < 100) below.ids.push(id);
    }

    const seoTitle = effectiveSeoTitle(analysis);
    titles.add(normalise(seoTitle), seoTitle, id);
    metas.add(normalise(product.metaDescription), product.metaDescription.trim(), id);
    if (analysis.keyphrase)
      keyphrases.add(`${product.language}:${analysis.keyphrase.stems.join(" ")}`, analysis.keyphrase.raw, id);

    alt.images += analysis.images.length;
    const missing = analysis.images.filter((i) => !i.hasAlt).length;
    alt.withoutAlt += missing;
    if (missing > 0) alt.products++;

    const sh = shingles(analysis);
    if (sh.length >= 8) {
      const sig = signature(sh);
      const { index: i, candidates } = lsh.add(sig);
      uf.init(i);
      lshIds.push(id);
      for (const c of candidates) {
        const sim = lsh.similarityTo(sig, c);
        if (sim >= opts.nearDuplicateThreshold) uf.union(c, i, sim);
      }
    }

    worst.add({
      id,
      title: product.title,
      seoScore: result.seoScore,
      readabilityScore: result.readabilityScore,
      failing: result.checks.filter((c) => c.rating === "bad").map((c) => c.id),
    });
    opts.onProgress?.(count);
    // Yield to the event loop now and then so progress bars and abort signals stay responsive.
    if (count % 500 === 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }

  const clusters = new Map<number, { ids: string[]; count: number }>();
  for (let i = 0; i < lshIds.length; i++) {
    const root = uf.find(i);
    if (root === i && !clusters.has(i)) continue;
    let c = clusters.get(root);
    if (!c) {
      c = { ids: [lshIds[root] ?? ""], count: 1 };
      clusters.set(root, c);
    }
    if (root !== i) {
      c.count++;
      if (c.ids.length < opts.maxIdsPerGroup) c.ids.push(lshIds[i] ?? "");
    }
  }
  const share = (r: Record<Rating, number>): Record<Rating, number> => ({
    good: ratio(r.good, count),
    ok: ratio(r.ok, count),
    bad: ratio(r.bad, count),
  });
  const report: CatalogReport = {
    products: count,
    invalid,
    averageSeoScore: count === 0 ? 0 : Math.round(seoSum / count),
    averageReadabilityScore: count === 0 ? 0 : Math.round(readabilitySum / count),
    ratingShares: { seo: share(shares.seo), readability: share(shares.readability) },
    checks,
    duplicateSeoTitles: titles.result(),
    duplicateMetaDescriptions: metas.result(),
    nearDuplicateDescriptions: [...clusters.entries()]
      .map(([root, c]) => ({
        ids: c.ids,
        count: c.count,
        similarity: Math.round(uf.similarity(root) * 100) / 100,
      }))
      .sort((a, b) => b.count - a.count),
    cannibalisation: keyphrases.result(),
    missingAlt: alt,
    worst: worst.result(),
  };
  if (opts.minScore !== undefined) report.belowMinScore = { minScore: opts.minScore, ...below };
  return report;
}

const ratio = (n: number, total: number): number => (total === 0 ? 0 : Math.round((n / total) * 1000) / 1000);

function normalise(text: string): string {
  return latinWords(text).map(fold).join(" ");
}

function tally(checks: Record<string, Record<Rating, number>>, r: SeoAuditResult): void {
  for (const c of r.checks) {
    const t = (checks[c.id] ??= { good: 0, ok: 0, bad: 0 });
    t[c.rating]++;
  }
}
