/**
 * Storefront performance budget of the theme app extension (issue 9).
 *
 * Renders a product page of a plain theme skeleton twice — without, and with the extension's SEO
 * embed (head) plus the campaign banner, persona message and FAQ blocks rendered by the real
 * Liquid files through the test engine — serves both from a local node:http server (gzip, like a
 * CDN), and loads each several times in Chromium with Lighthouse's mobile conditions (4x CPU
 * slowdown, 150 ms RTT, 1.6 Mbps), alternating A/B so drift hits both alike. Each load uses a
 * fresh browser context (cold cache).
 *
 * Last stdout line: {added_js_gzip_bytes, added_css_gzip_bytes, render_blocking_added,
 * lcp_delta_ms, tbt_delta_ms, noise_ms, third_party_requests, runs, …}. Goals: JS ≤ 10240 bytes
 * gzip, no render-blocking resource added, LCP and TBT deltas within the run-to-run noise
 * (noise = the larger interquartile range of the two variants' runs), no third-party request.
 *
 * Options: --runs N (default 7 per variant). Product text from ../shared/corpus when present,
 * generated otherwise.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { deflateSync, gzipSync } from "node:zlib";
import { chromium, type Browser } from "playwright-core";
import {
  APP_ID,
  ORIGIN,
  campaign,
  faq,
  jsonLd,
  personas,
  sweater,
} from "../extensions/ninjalead-theme/test/support/fixtures.js";
import {
  EXTENSION_DIR,
  appMetafields,
  createShopifyLiquid,
  renderBlock,
  type StorefrontState,
} from "../extensions/ninjalead-theme/test/support/shopify-liquid.js";

const CHROMIUM = "/usr/bin/chromium";
const CORPUS = new URL("../../shared/corpus/products.en.jsonl", import.meta.url);

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

// ---------------------------------------------------------------------------------------------
// The theme skeleton: what a minimal Online Store 2.0 product page ships without any app.

function productCopy(): { title: string; descriptionHtml: string; source: string } {
  if (existsSync(CORPUS)) {
    const first = readFileSync(CORPUS, "utf8").split("\n", 1)[0] ?? "";
    const row = JSON.parse(first) as { title?: string; description_html?: string };
    if (row.title && row.description_html) {
      return { title: row.title, descriptionHtml: row.description_html, source: "corpus" };
    }
  }
  const sentence = "A light crew-neck sweater knitted from extra-fine merino wool, warm without bulk.";
  return {
    title: "Merino Crew Sweater",
    descriptionHtml: `<p>${Array.from({ length: 6 }, () => sentence).join(" ")}</p>`,
    source: "generated",
  };
}

const THEME_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}
.header{display:flex;justify-content:space-between;align-items:center;padding:1rem 2rem;border-bottom:1px solid #eee}
.header nav a{margin-left:1rem;color:inherit}
.product{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:2rem;max-width:1100px;margin:2rem auto;padding:0 1rem}
.product__media{width:100%;height:auto;display:block;background:#f3f3f3}
.product__title{font-size:2rem;margin:0 0 .5rem}
.price{font-size:1.25rem;margin:0 0 1rem}
.variant-picker{display:flex;gap:.5rem;margin:0 0 1rem}
.variant-picker button{padding:.5rem 1rem;border:1px solid #1a1a1a;background:#fff}
.variant-picker button[aria-pressed=true]{background:#1a1a1a;color:#fff}
.add-to-cart{width:100%;padding:1rem;background:#1a1a1a;color:#fff;border:0;font-size:1rem}
.footer{padding:2rem;border-top:1px solid #eee;text-align:center;color:#666}
@media (max-width:750px){.product{grid-template-columns:1fr}}
`.repeat(3);

// A theme's deferred script: a variant picker and a little work at startup, as themes do.
const THEME_JS = `
document.addEventListener("DOMContentLoaded", function () {
  var buttons = document.querySelectorAll(".variant-picker button");
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
      document.querySelector(".price").textContent = button.dataset.price;
    });
  });
  var t = performance.now(), x = 0;
  while (performance.now() - t < 30) x += Math.sqrt(x + 1);
  document.documentElement.dataset.ready = String(x > 0);
});
`;

/** A 600×600 PNG with a gradient and some texture, so it weighs like a product photo. */
function productPng(size = 600): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const raw = Buffer.alloc(size * (size * 3 + 1));
  let seed = 42;
  for (let y = 0; y < size; y++) {
    const row = y * (size * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < size; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = seed % 24;
      raw[row + 1 + x * 3] = (40 + (x * 80) / size + noise) & 0xff;
      raw[row + 2 + x * 3] = (60 + (y * 60) / size + noise) & 0xff;
      raw[row + 3 + x * 3] = (110 + noise) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

interface Slots {
  head: string;
  banner: string;
  productBlocks: string;
}

function productPage(copy: { title: string; descriptionHtml: string }, slots: Slots): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${copy.title} – Alpine Knits</title>
<meta name="description" content="A light crew-neck sweater knitted from merino wool.">
<link rel="stylesheet" href="/theme/base.css">
<script src="/theme/theme.js" defer></script>
${slots.head}
</head>
<body>
<header class="header"><a href="/">Alpine Knits</a><nav><a href="/collections/all">Shop</a><a href="/pages/about">About</a><a href="/cart">Cart</a></nav></header>
${slots.banner}
<main>
<div class="product">
<img class="product__media" src="/theme/product.png" width="600" height="600" alt="${copy.title}" fetchpriority="high">
<div class="product__info">
<h1 class="product__title">${copy.title}</h1>
<p class="price">€89,00</p>
<div class="variant-picker"><button type="button" aria-pressed="true" data-price="€89,00">S</button><button type="button" aria-pressed="false" data-price="€89,00">M</button><button type="button" aria-pressed="false" data-price="€95,00">L</button></div>
<form action="/cart/add" method="post"><button class="add-to-cart" type="submit">Add to cart</button></form>
<div class="product__description">${copy.descriptionHtml}</div>
${slots.productBlocks}
</div>
</div>
</main>
<footer class="footer">© Alpine Knits</footer>
</body>
</html>`;
}

async function extensionSlots(): Promise<Slots> {
  const liquid = createShopifyLiquid({ appId: APP_ID, assetBaseUrl: "/cdn/ninjalead/assets" });
  const day = 24 * 3600 * 1000;
  const live = {
    ...campaign,
    startsAt: new Date(Date.now() - day).toISOString(),
    endsAt: new Date(Date.now() + day).toISOString(),
  };
  const state: StorefrontState = {
    locale: "en",
    currency: "EUR",
    origin: ORIGIN,
    shopMetafields: appMetafields(APP_ID, { campaign: live, personas }),
    product: sweater({ jsonld: jsonLd, faq }),
    customer: { first_name: "Léa", tags: ["VIP"] },
  };
  const render = (block: "seo-embed" | "product-faq" | "campaign-banner" | "persona-message") =>
    renderBlock(liquid, { block, state });
  const slots = {
    head: await render("seo-embed"),
    banner: await render("campaign-banner"),
    productBlocks: (await render("persona-message")) + (await render("product-faq")),
  };
  // A benchmark that measures nothing would pass every goal: make sure every piece rendered.
  for (const [what, needle] of [
    ["SEO embed", '"@type":"Product"'],
    ["campaign banner", "nl-campaign__message"],
    ["persona message", "nl-persona__message"],
    ["FAQ", "nl-faq__question"],
  ] as const) {
    if (!Object.values(slots).some((html) => html.includes(needle)))
      throw new Error(`${what} did not render`);
  }
  return slots;
}

// ---------------------------------------------------------------------------------------------
// The server: gzip for text, no caching, every request logged by path.

interface Asset {
  type: string;
  body: Buffer;
  gzip: boolean;
}

function startServer(assets: Map<string, Asset>): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const asset = assets.get(path);
    if (!asset) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { "content-type": asset.type, "cache-control": "no-store" };
    const body = asset.gzip ? gzipSync(asset.body) : asset.body;
    if (asset.gzip) headers["content-encoding"] = "gzip";
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// One page load in Chromium.

const OBSERVERS = `
window.__perf = { lcp: 0, longTasks: [] };
new PerformanceObserver(function (list) {
  for (const e of list.getEntries()) window.__perf.lcp = e.renderTime || e.loadTime || e.startTime;
}).observe({ type: "largest-contentful-paint", buffered: true });
new PerformanceObserver(function (list) {
  for (const e of list.getEntries()) window.__perf.longTasks.push([e.startTime, e.duration]);
}).observe({ type: "longtask", buffered: true });
`;

// Evaluated in the page once it is loaded and quiet: paint metrics, resources, inline code.
const COLLECT = `(async () => {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const fcp = (performance.getEntriesByName("first-contentful-paint")[0] || { startTime: 0 }).startTime;
  const tbt = window.__perf.longTasks
    .filter(([start]) => start >= fcp)
    .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
  const resources = performance.getEntriesByType("resource").map((e) => ({
    url: e.name,
    blocking: e.renderBlockingStatus === "blocking",
  }));
  const inlineJs = [...document.scripts]
    .filter((s) => !s.src && (!s.type || /javascript|module/i.test(s.type)))
    .map((s) => s.textContent || "");
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) if (a.name.startsWith("on")) inlineJs.push(a.value);
  }
  const inlineCss = [...document.querySelectorAll("style")].map((s) => s.textContent || "");
  return { fcp, lcp: window.__perf.lcp, tbt, resources, inlineJs: inlineJs.join("\\n"), inlineCss: inlineCss.join("\\n") };
})()`;

interface Load {
  fcp: number;
  lcp: number;
  tbt: number;
  resources: { url: string; blocking: boolean }[];
  inlineJs: string;
  inlineCss: string;
  thirdParty: string[];
}

async function loadOnce(browser: Browser, origin: string, path: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const thirdParty: string[] = [];
    page.on("request", (req) => {
      const url = req.url();
      if (!url.startsWith(origin) && !url.startsWith("data:")) thirdParty.push(url);
    });
    await page.addInitScript({ content: OBSERVERS });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await page.goto(`${origin}${path}`, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    const data = await page.evaluate<Omit<Load, "thirdParty">>(COLLECT);
    return { ...data, thirdParty };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------

const median = (xs: number[]): number => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] ?? 0) + ((s[hi] ?? 0) - (s[lo] ?? 0)) * (pos - lo);
}
const iqr = (xs: number[]): number => quantile(xs, 0.75) - quantile(xs, 0.25);
const round = (x: number): number => Math.round(x * 10) / 10;
const gz = (text: string): number => (text ? gzipSync(Buffer.from(text)).length : 0);

async function main(): Promise<void> {
  const runs = option("runs", 7);
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (see /work/shared/ENVIRONMENT.md)`);
  }
  const copy = productCopy();
  const slots = await extensionSlots();
  const empty: Slots = { head: "", banner: "", productBlocks: "" };
  const text = (type: string, body: string): Asset => ({ type, body: Buffer.from(body), gzip: true });
  const assets = new Map<string, Asset>([
    ["/baseline", text("text/html; charset=utf-8", productPage(copy, empty))],
    ["/with-extension", text("text/html; charset=utf-8", productPage(copy, slots))],
    ["/theme/base.css", text("text/css", THEME_CSS)],
    ["/theme/theme.js", text("text/javascript", THEME_JS)],
    ["/theme/product.png", { type: "image/png", body: productPng(), gzip: false }],
    [
      "/cdn/ninjalead/assets/ninjalead.css",
      text("text/css", readFileSync(join(EXTENSION_DIR, "assets", "ninjalead.css"), "utf8")),
    ],
  ]);
  const server = await startServer(assets);
  // Playwright gives every launch a fresh temporary profile (a user-data-dir flag is refused).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    log(`storefront bench: ${runs} runs per variant, product copy from ${copy.source}`);
    // Warm-up (discarded): first loads pay for browser start-up and JIT.
    await loadOnce(browser, server.origin, "/baseline");
    await loadOnce(browser, server.origin, "/with-extension");
    const base: Load[] = [];
    const withExt: Load[] = [];
    for (let i = 0; i < runs; i++) {
      base.push(await loadOnce(browser, server.origin, "/baseline"));
      withExt.push(await loadOnce(browser, server.origin, "/with-extension"));
      const b = base.at(-1);
      const w = withExt.at(-1);
      log(
        `run ${i + 1}/${runs}: LCP ${round(b?.lcp ?? 0)} → ${round(w?.lcp ?? 0)} ms, TBT ${round(b?.tbt ?? 0)} → ${round(w?.tbt ?? 0)} ms`,
      );
    }

    // Sizes: external files the extension adds (served gzip, as the Shopify CDN does) + inline code.
    const urlsOf = (loads: Load[]) =>
      new Set(loads.flatMap((l) => l.resources.map((r) => new URL(r.url).pathname)));
    const baseUrls = urlsOf(base);
    const addedUrls = [...urlsOf(withExt)].filter((u) => !baseUrls.has(u));
    const gzipOf = (pred: (type: string) => boolean) =>
      addedUrls.reduce((sum, u) => {
        const asset = assets.get(u);
        return asset && pred(asset.type) ? sum + gzipSync(asset.body).length : sum;
      }, 0);
    const first = (loads: Load[]): Load => {
      const l = loads[0];
      if (!l) throw new Error("no runs");
      return l;
    };
    const addedJs =
      gzipOf((t) => t.includes("javascript")) + gz(first(withExt).inlineJs) - gz(first(base).inlineJs);
    const addedCss =
      gzipOf((t) => t === "text/css") + gz(first(withExt).inlineCss) - gz(first(base).inlineCss);
    const blocking = (loads: Load[]) =>
      new Set(
        loads.flatMap((l) => l.resources.filter((r) => r.blocking).map((r) => new URL(r.url).pathname)),
      );
    const baseBlocking = blocking(base);
    // The theme's own stylesheet blocks rendering: if Chromium did not say so, the count is void.
    if (!baseBlocking.has("/theme/base.css"))
      throw new Error("renderBlockingStatus not reported by Chromium");
    const renderBlockingAdded = [...blocking(withExt)].filter((u) => !baseBlocking.has(u)).length;
    const addedHtml =
      gzipSync(assets.get("/with-extension")?.body ?? Buffer.alloc(0)).length -
      gzipSync(assets.get("/baseline")?.body ?? Buffer.alloc(0)).length;

    const lcpBase = base.map((l) => l.lcp);
    const lcpWith = withExt.map((l) => l.lcp);
    const tbtBase = base.map((l) => l.tbt);
    const tbtWith = withExt.map((l) => l.tbt);
    const lcpDelta = median(lcpWith) - median(lcpBase);
    const tbtDelta = median(tbtWith) - median(tbtBase);
    const lcpNoise = Math.max(iqr(lcpBase), iqr(lcpWith));
    const tbtNoise = Math.max(iqr(tbtBase), iqr(tbtWith));
    const noise = Math.max(lcpNoise, tbtNoise);
    const thirdParty = [...base, ...withExt].flatMap((l) => l.thirdParty).length;
    const goals = {
      js: addedJs <= 10240,
      render_blocking: renderBlockingAdded === 0,
      lcp_within_noise: Math.abs(lcpDelta) <= lcpNoise,
      tbt_within_noise: Math.abs(tbtDelta) <= tbtNoise,
      no_third_party: thirdParty === 0,
    };
    log(`added files: ${addedUrls.join(", ") || "none"}; goals: ${JSON.stringify(goals)}`);
    process.stdout.write(
      `${JSON.stringify({
        added_js_gzip_bytes: addedJs,
        added_css_gzip_bytes: addedCss,
        render_blocking_added: renderBlockingAdded,
        lcp_delta_ms: round(lcpDelta),
        tbt_delta_ms: round(tbtDelta),
        noise_ms: round(noise),
        third_party_requests: thirdParty,
        runs,
        lcp_noise_ms: round(lcpNoise),
        tbt_noise_ms: round(tbtNoise),
        lcp_median_ms: { baseline: round(median(lcpBase)), with_extension: round(median(lcpWith)) },
        tbt_median_ms: { baseline: round(median(tbtBase)), with_extension: round(median(tbtWith)) },
        added_html_gzip_bytes: addedHtml,
        conditions: "4x CPU, 150 ms RTT, 1.6 Mbps, cold cache",
        goals_met: Object.values(goals).every(Boolean),
      })}\n`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
