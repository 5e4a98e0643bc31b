/**
 * The 100,000-product catalog audit of the SEO benchmark, run alone in its own process (bench/seo.ts
 * spawns it) so its memory figures are the audit's, not yoastseo's or the corpus's. Products are
 * generated and streamed one at a time. Prints one JSON line: wall-clock seconds, CPU seconds, the
 * process's peak RSS (from the OS) and its RSS before the audit (Node + modules), and the peak
 * V8 heap in use (sampled every 1,000 products).
 */
import { auditCatalog } from "../packages/core/src/seo/catalog.ts";
import { generateCatalog } from "./_seo-data.ts";

const COUNT = Number(process.env.SEO_BENCH_CATALOG_SIZE ?? 100_000);
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;

const baselineRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const cpu = process.cpuUsage();
const start = performance.now();
const report = await auditCatalog(generateCatalog(COUNT), {
  onProgress: (n) => {
    if (n % 1000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    if (n % 20_000 === 0) process.stderr.write(`  catalog ${n}\n`);
  },
});
const seconds = (performance.now() - start) / 1000;
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    products: report.products,
    seconds: Math.round(seconds * 10) / 10,
    cpuSeconds: Math.round(((used.user + used.system) / 1e6) * 10) / 10,
    // maxRSS is in kilobytes: the most memory the process ever had resident.
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    baselineRssMb: mb(baselineRss),
    peakHeapMb: mb(peakHeap),
    nearDuplicateGroups: report.nearDuplicateDescriptions.length,
    duplicateTitleGroups: report.duplicateSeoTitles.length,
  }),
);
