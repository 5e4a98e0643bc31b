/**
 * `npm run demo`: a store to play with, offline. Starts the store emulator (a seeded store of 500
 * products, 5,000 customers, 50,000 orders), the app on embedded PGlite with the in-process queue
 * and memory cache, installs the app on the emulator's shop (token exchange, offline session
 * stored encrypted), runs the initial sync, and serves http://localhost:3000 — no Shopify login
 * (the demo sign-in exists only in this mode, on loopback).
 */
import { start } from "@ninjalead/store-emulator";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const apiKey = "ninjalead-demo-api-key";
const apiSecret = "ninjalead-demo-api-secret";

async function main(): Promise<void> {
  const emulator = await start({
    port: Number(process.env.EMULATOR_PORT ?? 0),
    apiKey,
    apiSecret,
    generate: {
      seed: Number(process.env.DEMO_SEED ?? 1),
      products: Number(process.env.DEMO_PRODUCTS ?? 500),
      customers: Number(process.env.DEMO_CUSTOMERS ?? 5_000),
      orders: Number(process.env.DEMO_ORDERS ?? 50_000),
    },
    webhooks: { appUrl: `http://127.0.0.1:${port}/webhooks` },
  });
  Object.assign(process.env, {
    NINJALEAD_DEMO: "1",
    HOST: host,
    PORT: String(port),
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: apiSecret,
    SHOPIFY_APP_URL: process.env.SHOPIFY_APP_URL ?? `http://localhost:${port}`,
    SHOPIFY_ADMIN_API_ORIGIN: emulator.url,
    // A fresh store each run: the emulator is re-seeded, so the mirror starts empty too.
    DATA_DIR: process.env.DATA_DIR ?? "memory",
    REDIS_URL: "",
  });

  const { startServer, closeOnSignals } = await import("./server.ts");
  const { appContext, logger } = await import("./app/services.server.ts");
  const { signSessionToken } = await import("./app/shopify/session-token.server.ts");
  const running = await startServer();
  closeOnSignals(async () => {
    await running.close();
    await emulator.close();
  });

  // Install the way Shopify's admin does it: a session token, exchanged for an offline token.
  const ctx = appContext();
  const log = logger();
  const started = Date.now();
  const url = new URL("/app", ctx.config.appUrl);
  url.search = new URLSearchParams({
    shop: emulator.shop,
    host: Buffer.from(`${emulator.shop}/admin`).toString("base64url"),
    embedded: "1",
    id_token: signSessionToken({ apiKey, apiSecret, shop: emulator.shop }),
  }).toString();
  await ctx.shopify.authenticate.admin(new Request(url));
  await ctx.queues.sync.idle(30 * 60_000);
  const runs = await ctx.db.prisma.syncRun.findMany({ where: { shop: emulator.shop } });
  log.info("demo store synced", {
    shop: emulator.shop,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    runs: runs.map((r) => ({ resource: r.resource, status: r.status, objects: r.objectCount })),
  });
  process.stdout.write(
    `\n  NinjaLead demo: open ${running.url.replace("127.0.0.1", "localhost")}\n  Store emulator: ${emulator.graphqlUrl}\n\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
