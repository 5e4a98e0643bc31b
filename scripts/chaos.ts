/**
 * `npm run test:chaos`: faults under load against the built app (run `npm run build` first).
 * Each scenario starts the app on its own PostgreSQL database (and Redis where it matters), drives
 * a bounded load of real API requests over loopback, injects the fault, and prints figures:
 * requests served, errors, and how long the app took to be ready again. Exits non-zero when the
 * app lost a request it should have served or did not recover.
 */
import { createHmac } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startOpenAIEmulator } from "@ninjalead/openai-emulator";
import { start as startStoreEmulator } from "@ninjalead/store-emulator";
import { signSessionToken } from "../apps/shopify/app/shopify/session-token.server.ts";
import { startApp, type RunningApp } from "../apps/shopify/test/support/app-server.ts";
import { openDatabase } from "../apps/shopify/app/db/client.server.ts";
import { applyMigrations, defaultPrismaPaths } from "../apps/shopify/app/db/migrations.server.ts";
import { API_SCOPES, createApiKey } from "../apps/shopify/app/trust/api-keys.server.ts";
import { startOwnRedis } from "./redis-server.ts";
import { createTestDatabase } from "./test-services.ts";

const ENCRYPTION_KEY = Buffer.alloc(32, 5).toString("base64");
// The load is ours, not an abuse: lift the public API's per-minute limits for these runs.
const LIMITS = { API_RATE_LIMIT_PER_KEY: "1000000", API_RATE_LIMIT_PER_SHOP: "1000000" };
const SHOP = "chaos.myshopify.com";
const root = fileURLToPath(new URL("..", import.meta.url));

interface Figures {
  scenario: string;
  requests: number;
  ok: number;
  errors: number;
  statuses: Record<string, number | Record<string, number>>;
  recovery_ms: number | null;
  passed: boolean;
}

async function prepareDatabase(url: string): Promise<string> {
  const db = openDatabase({ kind: "postgres", url });
  try {
    await applyMigrations(defaultPrismaPaths(root), db.adapterFactory);
    await db.prisma.shop.create({ data: { domain: SHOP } });
    for (let i = 1; i <= 20; i++) {
      await db.prisma.product.create({
        data: {
          shop: SHOP,
          id: BigInt(i),
          title: `Chaos product ${i}`,
          handle: `chaos-${i}`,
          status: "ACTIVE",
          shopifyCreatedAt: new Date(),
          shopifyUpdatedAt: new Date(),
        },
      });
    }
    const hashKey = createHmac("sha256", Buffer.from(ENCRYPTION_KEY, "base64"))
      .update("ninjalead/api-keys/v1")
      .digest();
    return (await createApiKey(db.prisma, hashKey, { shop: SHOP, name: "chaos", scopes: API_SCOPES })).key;
  } finally {
    await db.close();
  }
}

/** Sends requests back to back for `durationMs`, calling `fault` once at `faultAtMs`. */
async function load(
  app: RunningApp,
  key: string,
  durationMs: number,
  faultAtMs: number,
  fault: () => Promise<void>,
) {
  const statuses: Record<string, number> = {};
  let requests = 0;
  const started = Date.now();
  let faulted = false;
  const worker = async () => {
    while (Date.now() - started < durationMs) {
      if (!faulted && Date.now() - started >= faultAtMs) {
        faulted = true;
        await fault();
      }
      requests += 1;
      try {
        const res = await fetch(`${app.url}/api/v1/products?limit=5`, {
          headers: { authorization: `Bearer ${key}` },
          signal: AbortSignal.timeout(5_000),
        });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      } catch {
        statuses.network = (statuses.network ?? 0) + 1;
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return { requests, statuses };
}

async function readyAfter(app: RunningApp, since: number, timeoutMs = 30_000): Promise<number | null> {
  while (Date.now() - since < timeoutMs) {
    const res = await fetch(`${app.url}/health/ready`).catch(() => null);
    if (res?.status === 200) return Date.now() - since;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

async function redisKilledUnderLoad(): Promise<Figures> {
  const db = await createTestDatabase("nl_chaos");
  const redis = await startOwnRedis();
  const key = await prepareDatabase(db.url);
  const app = await startApp({ DATABASE_URL: db.url, REDIS_URL: redis.url, ENCRYPTION_KEY, ...LIMITS });
  let restartedAt = 0;
  try {
    const { requests, statuses } = await load(app, key, 6_000, 1_500, async () => {
      await redis.stop();
      setTimeout(() => {
        void redis.start().then(() => (restartedAt = Date.now()));
      }, 1_500);
    });
    const recovery = await readyAfter(app, restartedAt || Date.now());
    const ok = statuses["200"] ?? 0;
    // Rate limits and caches fall back to memory: every request must still be served.
    return {
      scenario: "redis killed and restarted under load",
      requests,
      ok,
      errors: requests - ok,
      statuses,
      recovery_ms: recovery,
      passed: ok === requests && recovery !== null,
    };
  } finally {
    await app.stop();
    await redis.stop();
    await db.drop();
  }
}

async function postgresConnectionsDropped(): Promise<Figures> {
  const db = await createTestDatabase("nl_chaos");
  const key = await prepareDatabase(db.url);
  const app = await startApp({ DATABASE_URL: db.url, ENCRYPTION_KEY, ...LIMITS });
  const admin = new pg.Client({ connectionString: db.url.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  let droppedAt = 0;
  try {
    const { requests, statuses } = await load(app, key, 6_000, 1_500, async () => {
      droppedAt = Date.now();
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [db.name],
      );
    });
    const recovery = await readyAfter(app, droppedAt);
    const ok = statuses["200"] ?? 0;
    const unexpected = Object.entries(statuses)
      .filter(([s]) => s !== "200" && s !== "503")
      .reduce((n, [, c]) => n + c, 0);
    // Requests on a killed connection may fail once (503 is acceptable, a crash is not); the pool must heal.
    const after = await fetch(`${app.url}/api/v1/products?limit=1`, {
      headers: { authorization: `Bearer ${key}` },
    });
    return {
      scenario: "PostgreSQL connections terminated under load",
      requests,
      ok,
      errors: requests - ok,
      statuses,
      recovery_ms: recovery,
      passed: recovery !== null && after.status === 200 && unexpected <= Math.ceil(requests * 0.05),
    };
  } finally {
    await admin.end();
    await app.stop();
    await db.drop();
  }
}

/** Customers with orders for the chaos shop: what personas and campaigns are grounded in. */
async function seedBuyers(url: string): Promise<void> {
  const db = openDatabase({ kind: "postgres", url });
  try {
    await db.prisma.shop.update({ where: { domain: SHOP }, data: { plan: "pro" } });
    for (let i = 0; i < 30; i++) {
      await db.prisma.customer.create({
        data: { shop: SHOP, id: BigInt(100 + i), shopifyCreatedAt: new Date(), shopifyUpdatedAt: new Date() },
      });
      for (let o = 0; o <= i % 4; o++) {
        const at = new Date(Date.UTC(2026, 0, 1 + i + o * 25));
        await db.prisma.order.create({
          data: {
            shop: SHOP,
            id: BigInt(10_000 + i * 10 + o),
            customerId: BigInt(100 + i),
            currencyCode: "EUR",
            totalPrice: String(25 + i * 3),
            processedAt: at,
            shopifyCreatedAt: at,
            shopifyUpdatedAt: at,
          },
        });
      }
    }
  } finally {
    await db.close();
  }
}

/**
 * The OpenAI emulator is the app's provider; it is stopped mid-run. Campaign generation over the
 * API must keep answering 201 (the engine fails over to its offline writer), and recover quickly:
 * recovery = from the stop to the first generation served after it.
 */
async function aiProviderDown(): Promise<Figures> {
  const db = await createTestDatabase("nl_chaos");
  const key = await prepareDatabase(db.url);
  await seedBuyers(db.url);
  const openai = await startOpenAIEmulator({ port: 0, apiKey: "sk-chaos", latencyMs: 20 });
  const app = await startApp({
    DATABASE_URL: db.url,
    ENCRYPTION_KEY,
    ...LIMITS,
    OPENAI_API_KEY: "sk-chaos",
    OPENAI_BASE_URL: openai.baseURL,
  });
  const statuses: Record<string, number> = {};
  let requests = 0;
  let stoppedAt = 0;
  let recoveredAt = 0;
  let servedBeforeStop = 0;
  let providerCalls = 0;
  // Who wrote each campaign served (the emulator's generic answers often miss a channel limit,
  // and the engine then serves the template library's copy: "template").
  const writers: Record<string, number> = {};
  const startupCalls = openai.stats().requests;
  const started = Date.now();
  try {
    const worker = async () => {
      while (Date.now() - started < 8_000) {
        if (!stoppedAt && Date.now() - started >= 2_500) {
          stoppedAt = Date.now();
          providerCalls = openai.stats().requests - startupCalls;
          await openai.close();
        }
        requests += 1;
        const sentAt = Date.now();
        try {
          const res = await fetch(`${app.url}/api/v1/campaigns/generate`, {
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            // A different offer each time: the engine's cache cannot answer, the provider must.
            body: JSON.stringify({
              name: "Chaos",
              productIds: ["1", "2"],
              channels: ["sms"],
              languages: ["en"],
              offer: { code: `CHAOS${requests}`, discountPercent: 10 },
            }),
            signal: AbortSignal.timeout(20_000),
          });
          const body = (await res.json().catch(() => null)) as { data?: { generatedBy?: string }[] } | null;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          const by = body?.data?.[0]?.generatedBy;
          if (by) writers[by] = (writers[by] ?? 0) + 1;
          if (res.status === 201 && !stoppedAt) servedBeforeStop += 1;
          if (res.status === 201 && stoppedAt && sentAt >= stoppedAt && !recoveredAt)
            recoveredAt = Date.now();
        } catch {
          statuses.network = (statuses.network ?? 0) + 1;
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const ok = statuses["201"] ?? 0;
    return {
      scenario: "AI provider (OpenAI emulator) stopped under load",
      requests,
      ok,
      errors: requests - ok,
      // Generation calls the provider answered before it went down: the app was really using it.
      statuses: { ...statuses, provider_calls_before_stop: providerCalls, written_by: writers },
      recovery_ms: recoveredAt ? recoveredAt - stoppedAt : null,
      passed: ok === requests && servedBeforeStop > 0 && providerCalls > 0 && recoveredAt > 0,
    };
  } finally {
    await app.stop();
    await openai.close().catch(() => undefined);
    await db.drop();
  }
}

/**
 * A throttling storm: the store emulator's cost bucket (200 points, 10/s) is drained every 200 ms
 * for 8 s while the app is installed and runs its initial sync, with the API under load. The API
 * must keep serving and the sync must complete with every product after the storm (the Admin
 * client waits on THROTTLED, the sync jobs retry); recovery = storm end → sync completed.
 */
async function shopifyThrottlingStorm(): Promise<Figures> {
  const db = await createTestDatabase("nl_chaos");
  const apiKey = "chaos-api-key";
  const apiSecret = "chaos-api-secret";
  const store = await startStoreEmulator({
    port: 0,
    apiKey,
    apiSecret,
    generate: { seed: 3, products: 60, customers: 80, orders: 200 },
    throttle: { maximumAvailable: 200, restoreRate: 10, maxQueryCost: 1_000 },
    webhooks: { appUrl: "http://127.0.0.1:9/webhooks" },
  });
  const migrate = openDatabase({ kind: "postgres", url: db.url });
  await applyMigrations(defaultPrismaPaths(root), migrate.adapterFactory);
  const hashKey = createHmac("sha256", Buffer.from(ENCRYPTION_KEY, "base64"))
    .update("ninjalead/api-keys/v1")
    .digest();
  const key = (
    await createApiKey(migrate.prisma, hashKey, { shop: store.shop, name: "chaos", scopes: API_SCOPES })
  ).key;
  const app = await startApp({
    DATABASE_URL: db.url,
    ENCRYPTION_KEY,
    ...LIMITS,
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: apiSecret,
    SHOPIFY_ADMIN_API_ORIGIN: store.url,
  });
  const statuses: Record<string, number> = {};
  let requests = 0;
  let syncedAt = 0;
  // Count the THROTTLED answers the app received, and drain the bucket every 250 ms: a storm.
  let throttled = 0;
  let slowest = 0;
  const take = store.bucket.tryTake.bind(store.bucket);
  store.bucket.tryTake = (cost: number) => {
    const ok = take(cost);
    if (!ok) throttled += 1;
    return ok;
  };
  const STORM_MS = 8_000;
  const storm = setInterval(() => store.bucket.drain(), 200);
  const installedAt = Date.now();
  setTimeout(() => clearInterval(storm), STORM_MS);
  try {
    const url = new URL("/app", app.url);
    url.search = new URLSearchParams({
      shop: store.shop,
      host: Buffer.from(`${store.shop}/admin`).toString("base64url"),
      embedded: "1",
      id_token: signSessionToken({ apiKey, apiSecret, shop: store.shop }),
    }).toString();
    // A browser's user agent: shopify-app-remix answers bots (node's fetch included) with 410.
    // The install runs alongside the load (its afterAuth calls are throttled too).
    let installAnswer = "pending";
    const install = (async () => {
      const installed = await fetch(url, {
        redirect: "manual",
        headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36" },
      });
      installAnswer = `${installed.status} ${(await installed.text()).slice(0, 300)}`;
    })();
    const syncDone = async () => {
      const runs = await migrate.prisma.syncRun.findMany({ where: { shop: store.shop, kind: "bulk" } });
      const done = new Set(runs.filter((r) => r.status === "completed").map((r) => r.resource));
      return ["products", "customers", "orders"].every((r) => done.has(r));
    };
    const worker = async () => {
      while (Date.now() - installedAt < 60_000 && !syncedAt) {
        requests += 1;
        const sentAt = Date.now();
        try {
          const res = await fetch(`${app.url}/api/v1/products?limit=10`, {
            headers: { authorization: `Bearer ${key}` },
            signal: AbortSignal.timeout(5_000),
          });
          await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        } catch {
          statuses.network = (statuses.network ?? 0) + 1;
        }
        slowest = Math.max(slowest, Date.now() - sentAt);
      }
    };
    const watcher = async () => {
      while (Date.now() - installedAt < 60_000 && !syncedAt) {
        if (await syncDone()) syncedAt = Date.now();
        else await new Promise((r) => setTimeout(r, 200));
      }
    };
    await Promise.all([install, worker(), worker(), watcher()]);
    clearInterval(storm);
    const products = await migrate.prisma.product.count({ where: { shop: store.shop } });
    if (!syncedAt) {
      const runs = await migrate.prisma.syncRun.findMany({ where: { shop: store.shop } });
      process.stderr.write(
        `install: ${installAnswer}\nsync runs: ${JSON.stringify(runs)}\napp output:\n${app.output().slice(-3_000)}\n`,
      );
    }
    const ok = statuses["200"] ?? 0;
    return {
      scenario: "Shopify throttling storm (bucket drained every 200 ms for 8 s) during the initial sync",
      requests,
      ok,
      errors: requests - ok,
      statuses: {
        ...statuses,
        products_synced: products,
        throttled_admin_answers: throttled,
        slowest_ms: slowest,
      },
      // From the end of the storm to the completed sync (0 when it completed during the storm).
      recovery_ms: syncedAt ? Math.max(0, syncedAt - installedAt - STORM_MS) : null,
      passed: ok === requests && syncedAt > 0 && products === 60 && throttled > 0,
    };
  } finally {
    clearInterval(storm);
    await app.stop();
    await migrate.close();
    await store.close();
    await db.drop();
  }
}

const results: Figures[] = [];
const only = process.argv.slice(2);
const scenarios = [
  redisKilledUnderLoad,
  postgresConnectionsDropped,
  aiProviderDown,
  shopifyThrottlingStorm,
].filter((s) => only.length === 0 || only.includes(s.name));
for (const scenario of scenarios) {
  const figures = await scenario();
  results.push(figures);
  process.stderr.write(`${figures.passed ? "✔" : "✖"} ${figures.scenario}: ${JSON.stringify(figures)}\n`);
}
console.log(JSON.stringify({ scenarios: results, passed: results.every((r) => r.passed) }));
process.exit(results.every((r) => r.passed) ? 0 : 1);
