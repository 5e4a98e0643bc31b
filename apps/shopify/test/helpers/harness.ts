// An app wired to a store emulator over real HTTP: the emulator's webhooks hit the app's webhook
// handler (HMAC-verified by shopify-app-remix), the app's Admin calls go to the emulator.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { start, type Emulator, type EmulatorOptionsInput } from "@ninjalead/store-emulator";
import { loadConfig } from "../../app/config.server.js";
import { createAppContext, createQueues, type AppContext, type Queues } from "../../app/context.server.js";
import { startWorkers } from "../../app/jobs/workers.server.js";
import { signSessionToken } from "../../app/shopify/session-token.server.js";
import { webhookListener } from "../../app/webhooks/receive.server.js";
import { openTestDatabase, type DatabaseKind, type TestDatabase } from "./database.js";
import { memoryLogger } from "./logger.js";

export const API_KEY = "test-api-key";
export const API_SECRET = "test-api-secret";

export interface Harness {
  emulator: Emulator;
  ctx: AppContext;
  t: TestDatabase;
  logger: ReturnType<typeof memoryLogger>;
  /** The app's webhook URL. */
  webhookUrl: string;
  /** Statuses the app's webhook endpoint answered, in order. */
  answers: number[];
  /**
   * Installs the app the way Shopify's admin does: a session token goes through
   * shopify-app-remix's authenticate.admin, which exchanges it at the emulator's token endpoint
   * for an offline token; afterAuth then stores the shop and queues the initial sync.
   */
  install(): Promise<void>;
  /** Waits until the emulator delivered everything and the app's queues are idle. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    db?: DatabaseKind;
    emulator?: EmulatorOptionsInput;
    queues?: (logger: ReturnType<typeof memoryLogger>) => Queues;
    workers?: boolean;
    fetch?: typeof fetch;
    enqueueTimeoutMs?: number;
  } = {},
): Promise<Harness> {
  const logger = memoryLogger();
  const t = await openTestDatabase(options.db ?? "postgres");
  const answers: number[] = [];
  const listener: { handle?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  // The production webhook handler on a real HTTP server; `answers` records each status sent.
  const server: Server = createServer((req, res) => {
    const writeHead = res.writeHead.bind(res) as (
      status: number,
      headers?: Record<string, string>,
    ) => ServerResponse;
    res.writeHead = ((status: number, headers?: Record<string, string>) => {
      answers.push(status);
      return writeHead(status, headers);
    }) as typeof res.writeHead;
    if (listener.handle) listener.handle(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;

  const emulator = await start({
    port: 0,
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    generate: { seed: 7, products: 40, customers: 30, orders: 60 },
    ...options.emulator,
    webhooks: {
      appUrl: webhookUrl,
      retry: { maxAttempts: 20, initialDelayMs: 50, maxDelayMs: 500 },
      ...options.emulator?.webhooks,
    },
  });
  const config = loadConfig({
    NODE_ENV: "test",
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: API_SECRET,
    SHOPIFY_APP_URL: "http://127.0.0.1:3999",
    SHOPIFY_ADMIN_API_ORIGIN: emulator.url,
    LOG_LEVEL: "error",
  });
  const queues = options.queues?.(logger) ?? createQueues(undefined, logger);
  const ctx = createAppContext({
    config,
    db: t.db,
    logger,
    queues,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  listener.handle = webhookListener({
    apiSecret: config.shopify.apiSecret,
    queue: ctx.queues.webhooks,
    logger,
    ...(options.enqueueTimeoutMs ? { enqueueTimeoutMs: options.enqueueTimeoutMs } : {}),
  });
  if (options.workers !== false) startWorkers(ctx);

  return {
    emulator,
    ctx,
    t,
    logger,
    webhookUrl,
    answers,
    install: async () => {
      const idToken = signSessionToken({ apiKey: API_KEY, apiSecret: API_SECRET, shop: emulator.shop });
      const url = new URL("/app", config.appUrl);
      url.search = new URLSearchParams({
        shop: emulator.shop,
        host: Buffer.from(`${emulator.shop}/admin`).toString("base64url"),
        embedded: "1",
        id_token: idToken,
      }).toString();
      await ctx.shopify.authenticate.admin(new Request(url));
    },
    settle: async () => {
      for (let round = 0; round < 5; round++) {
        await emulator.webhooks.idle();
        await ctx.queues.sync.idle(60_000);
        await ctx.queues.webhooks.idle(60_000);
        await emulator.webhooks.idle();
        const [w, s] = await Promise.all([ctx.queues.webhooks.stats(), ctx.queues.sync.stats()]);
        if (w.waiting + w.active + w.delayed + s.waiting + s.active + s.delayed === 0) return;
      }
    },
    close: async () => {
      await ctx.close();
      await emulator.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}
