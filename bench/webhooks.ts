/**
 * `npm run bench -- webhooks`: signed products/update webhooks fired (autocannon, loopback) at the
 * running app — apps/shopify/server.ts started as its own process on a fresh PostgreSQL database,
 * in-process queue — and, in the same run, at a bare Node `http` server answering 200.
 *
 * Every request carries its own X-Shopify-Event-Id, except one in 20 which repeats the previous
 * one (Shopify's at-least-once redelivery). After the load, the app's queue drains and the
 * database is checked: `processed_exactly_once` is true only if every accepted event is recorded
 * once and every product holds the title of the newest accepted update for it.
 *
 * Last stdout line: { app_rps, bare_rps, ratio = app/bare (goal ≥ 0.5), p99_ms (goal < 25),
 * processed_exactly_once, … }. Needs PostgreSQL and the app's build (built if missing).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { createTestDatabase } from "../scripts/test-services.ts";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PRODUCTS = 500;
const SHOP = "bench-webhooks.myshopify.com";
const SECRET = randomBytes(16).toString("hex");
const root = fileURLToPath(new URL("..", import.meta.url));
const log = (message: string) => process.stderr.write(`[webhooks] ${message}\n`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before answering ${url}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise<void>((resolve) => setTimeout(resolve, 100));
  }
}

/** The bare baseline, in its own process like the app: reads the body, answers 200. */
const BARE = `require("node:http").createServer((req, res) => { req.resume(); req.on("end", () => res.writeHead(200).end()); }).listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready\\n"));`;

interface Sent {
  eventId: string;
  productId: number;
  title: string;
  updatedAt: number;
}

function body(sent: Sent): string {
  const at = new Date(sent.updatedAt).toISOString();
  return JSON.stringify({
    id: sent.productId,
    title: sent.title,
    handle: `product-${sent.productId}`,
    body_html: "<p>Bench product</p>",
    vendor: "Bench",
    product_type: "Bench",
    status: "active",
    tags: "bench, webhook",
    created_at: "2026-01-01T00:00:00+00:00",
    updated_at: at,
    variants: [
      {
        id: sent.productId * 10 + 1,
        title: "S",
        sku: `B-${sent.productId}-S`,
        price: "19.00",
        position: 1,
        option1: "S",
        updated_at: at,
      },
      {
        id: sent.productId * 10 + 2,
        title: "M",
        sku: `B-${sent.productId}-M`,
        price: "19.00",
        position: 2,
        option1: "M",
        updated_at: at,
      },
      {
        id: sent.productId * 10 + 3,
        title: "L",
        sku: `B-${sent.productId}-L`,
        price: "21.00",
        position: 3,
        option1: "L",
        updated_at: at,
      },
    ],
    options: [{ name: "Size", position: 1 }],
    images: [],
  });
}

async function fire(
  url: string,
  signed: boolean,
): Promise<{ result: autocannon.Result; accepted: Map<string, Sent> }> {
  const base = Date.UTC(2026, 0, 1);
  let i = 0;
  let previous: Sent | undefined;
  const accepted = new Map<string, Sent>();
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: REQUESTS,
    method: "POST",
    requests: [
      {
        setupRequest: (request, context) => {
          // One in 20 is a redelivery of the previous event (same id, same body).
          const sent: Sent =
            previous && i % 20 === 19
              ? previous
              : {
                  eventId: `ev-${i}`,
                  productId: 1 + (i % PRODUCTS),
                  title: `Title ${i}`,
                  updatedAt: base + i * 1_000,
                };
          i++;
          previous = sent;
          const raw = body(sent);
          (context as { sent?: Sent }).sent = sent;
          return {
            ...request,
            method: "POST",
            path: "/webhooks",
            body: raw,
            headers: {
              "content-type": "application/json",
              "x-shopify-topic": "products/update",
              "x-shopify-shop-domain": SHOP,
              "x-shopify-api-version": "2026-10",
              "x-shopify-webhook-id": `wh-${sent.eventId}`,
              "x-shopify-event-id": sent.eventId,
              "x-shopify-triggered-at": new Date().toISOString(),
              "x-shopify-hmac-sha256": signed
                ? createHmac("sha256", SECRET).update(raw).digest("base64")
                : "x",
            },
          };
        },
        onResponse: (status, _body, context) => {
          const sent = (context as { sent?: Sent }).sent;
          if (sent && status >= 200 && status < 300) accepted.set(sent.eventId, sent);
        },
      },
    ],
  });
  return { result, accepted };
}

async function main(): Promise<void> {
  if (!existsSync(`${root}apps/shopify/build/server/index.js`)) {
    log("building the app…");
    const built = spawnSync("npm", ["run", "build", "-w", "@ninjalead/shopify-app"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (built.status !== 0) throw new Error("app build failed");
  }
  const database = await createTestDatabase("nl_bench_webhooks");
  const children: ChildProcess[] = [];
  try {
    // --- bare ------------------------------------------------------------------------------------
    const barePort = await freePort();
    const bare = spawn(process.execPath, ["-e", BARE], {
      env: { ...process.env, PORT: String(barePort) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(bare);
    await new Promise<void>((resolve) => bare.stdout?.once("data", () => resolve()));
    log(`bare: ${REQUESTS} requests, ${CONNECTIONS} connections…`);
    const bareRun = await fire(`http://127.0.0.1:${barePort}`, true);
    bare.kill("SIGTERM");

    // --- the app ---------------------------------------------------------------------------------
    const appPort = await freePort();
    const app = spawn(process.execPath, ["--import", "tsx", `${root}apps/shopify/server.ts`], {
      cwd: `${root}apps/shopify`,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NINJALEAD_DEMO: "0",
        HOST: "127.0.0.1",
        PORT: String(appPort),
        DATABASE_URL: database.url,
        AUTO_MIGRATE: "1",
        REDIS_URL: "",
        SHOPIFY_API_KEY: "bench-api-key",
        SHOPIFY_API_SECRET: SECRET,
        SHOPIFY_APP_URL: `http://127.0.0.1:${appPort}`,
        ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        LOG_LEVEL: "error",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(app);
    await waitForHttp(`http://127.0.0.1:${appPort}/health/live`, app);
    log("app: warm-up…");
    await fetch(`http://127.0.0.1:${appPort}/webhooks`, { method: "POST", body: "{}" });
    log(`app: ${REQUESTS} signed products/update webhooks, ${CONNECTIONS} connections…`);
    const appRun = await fire(`http://127.0.0.1:${appPort}`, true);

    // Forged ones are refused.
    const forged = await fetch(`http://127.0.0.1:${appPort}/webhooks`, {
      method: "POST",
      headers: {
        "x-shopify-hmac-sha256": "Zm9yZ2Vk",
        "x-shopify-topic": "products/update",
        "x-shopify-shop-domain": SHOP,
        "x-shopify-webhook-id": "forged",
      },
      body: "{}",
    });

    log("draining the app's queue…");
    const started = Date.now();
    for (;;) {
      const ready = (await (await fetch(`http://127.0.0.1:${appPort}/health/ready`)).json()) as {
        queues: { byName: Record<string, { waiting: number; active: number; delayed: number }> };
      };
      const q = ready.queues.byName.webhooks;
      if (q && q.waiting + q.active + q.delayed === 0) break;
      if (Date.now() - started > 600_000) throw new Error("queue did not drain in 10 minutes");
      await new Promise<void>((resolve) => setTimeout(resolve, 250));
    }
    const drainSeconds = (Date.now() - started) / 1_000;

    // --- exactly once, checked in the database ------------------------------------------------
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const events = (
      await client.query<{ eventId: string }>(`SELECT "eventId" FROM "WebhookEvent" WHERE shop = $1`, [SHOP])
    ).rows;
    const products = (
      await client.query<{ id: string; title: string }>(
        `SELECT id::text, title FROM "Product" WHERE shop = $1`,
        [SHOP],
      )
    ).rows;
    const variants = Number(
      (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Variant" WHERE shop = $1`, [SHOP]))
        .rows[0]?.n,
    );
    await client.end();
    const newest = new Map<number, Sent>();
    for (const sent of appRun.accepted.values()) {
      const current = newest.get(sent.productId);
      if (!current || sent.updatedAt > current.updatedAt) newest.set(sent.productId, sent);
    }
    const eventIds = new Set(events.map((e) => e.eventId));
    const titles = new Map(products.map((p) => [Number(p.id), p.title]));
    const exactlyOnce =
      events.length === appRun.accepted.size &&
      eventIds.size === events.length &&
      [...appRun.accepted.keys()].every((id) => eventIds.has(id)) &&
      products.length === newest.size &&
      [...newest.values()].every((s) => titles.get(s.productId) === s.title) &&
      variants === newest.size * 3;

    app.kill("SIGTERM");
    await new Promise<void>((resolve) =>
      app.exitCode !== null ? resolve() : app.once("exit", () => resolve()),
    );
    // Total over the measured duration (autocannon's per-second average rounds whole seconds).
    const rps = (r: autocannon.Result) => r.requests.total / r.duration;
    const appRps = rps(appRun.result);
    const bareRps = rps(bareRun.result);
    const result = {
      requests: REQUESTS,
      connections: CONNECTIONS,
      app_rps: Math.round(appRps),
      bare_rps: Math.round(bareRps),
      ratio: Math.round((appRps / bareRps) * 100) / 100,
      goal_ratio_min: 0.5,
      p99_ms: appRun.result.latency.p99,
      p50_ms: appRun.result.latency.p50,
      bare_p99_ms: bareRun.result.latency.p99,
      goal_p99_ms_max: 25,
      accepted: appRun.result["2xx"],
      non_2xx: appRun.result.non2xx,
      errors: appRun.result.errors,
      redeliveries_sent: Math.floor(REQUESTS / 20),
      unique_events_accepted: appRun.accepted.size,
      events_recorded: events.length,
      drain_seconds: Math.round(drainSeconds * 10) / 10,
      forged_status: forged.status,
      processed_exactly_once: exactlyOnce,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
