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
  statuses: Record<string, number>;
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

const results: Figures[] = [];
for (const scenario of [redisKilledUnderLoad, postgresConnectionsDropped]) {
  const figures = await scenario();
  results.push(figures);
  process.stderr.write(`${figures.passed ? "✔" : "✖"} ${figures.scenario}: ${JSON.stringify(figures)}\n`);
}
console.log(JSON.stringify({ scenarios: results, passed: results.every((r) => r.passed) }));
process.exit(results.every((r) => r.passed) ? 0 : 1);
