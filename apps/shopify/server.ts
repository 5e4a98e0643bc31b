/**
 * The production server: validates the environment, opens the database (applying pending
 * migrations in the demo and in development), connects the cache, starts the job workers, then
 * serves the Remix build. Run with `npm run start` (tsx) after `npm run build`.
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { ConfigError, config } from "./app/config.server.ts";
import { demoAuthEnabled } from "./app/demo/demo-auth.server.ts";
import { startWorkers } from "./app/jobs/workers.server.ts";
import { startTickers } from "./app/jobs/tickers.server.ts";
import { initSentry, Sentry } from "./app/observability/sentry.server.ts";
import { appContext, logger, services } from "./app/services.server.ts";
import { isWebhookRequest, webhookListener } from "./app/webhooks/receive.server.ts";

const here = fileURLToPath(new URL(".", import.meta.url));
const buildPath = `${here}build/server/index.js`;

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts everything and resolves once the HTTP server listens. */
export async function startServer(): Promise<RunningServer> {
  const cfg = config();
  const log = logger();
  if (!existsSync(buildPath)) throw new Error(`No build at ${buildPath}: run \`npm run build\` first`);
  const sentry = initSentry({ dsn: cfg.sentryDsn, environment: cfg.demo ? "demo" : cfg.env }, log);
  const svc = await services();
  const ctx = appContext();
  const imported = (await import(buildPath)) as ServerBuild;
  // With Sentry on, loader/action errors are reported (scrubbed) before Remix renders them.
  const build = sentry ? Sentry.instrumentBuild<ServerBuild>(imported) : imported;

  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  // Every response, JSON and assets included; documents get the full policy in entry.server.tsx.
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    next();
  });
  app.use("/assets", express.static(`${here}build/client/assets`, { immutable: true, maxAge: "1y" }));
  app.use(express.static(`${here}build/client`, { maxAge: "1h" }));
  const remix = createRequestHandler({
    build,
    mode: cfg.env === "production" ? "production" : "development",
  });
  app.all("*", (req, res, next) => {
    void remix(req, res, next);
  });

  startWorkers(ctx);
  const tickers = startTickers(ctx);
  if (cfg.demo && !demoAuthEnabled(cfg)) {
    log.warn("demo sign-in disabled: the server is not bound to loopback", { host: cfg.host });
  }

  // Webhooks bypass Express and Remix: Shopify's event stream is the hot path (verify, enqueue, 200).
  const onWebhook = webhookListener({
    apiSecret: cfg.shopify.apiSecret,
    queue: ctx.queues.webhooks,
    logger: log,
  });
  const server = createServer((req, res) => {
    if (isWebhookRequest(req)) onWebhook(req, res);
    else void app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(cfg.port, cfg.host, resolve));
  const url = `http://${cfg.host === "0.0.0.0" ? "localhost" : cfg.host}:${cfg.port}`;
  log.info("NinjaLead is serving", {
    url,
    database: svc.db.kind,
    cache: svc.cache.backend(),
    queue: ctx.queues.sync.backend,
    demo: cfg.demo,
  });
  return {
    url,
    server,
    close: async () => {
      tickers.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await svc.close();
    },
  };
}

/** Stops on SIGTERM/SIGINT: no new requests, running jobs finish, connections close. */
export function closeOnSignals(close: () => Promise<void>): void {
  const shutdown = (signal: string) => {
    logger().info("shutting down", { signal });
    setTimeout(() => process.exit(1), 10_000).unref();
    void close().then(() => process.exit(0));
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

function fail(error: unknown): never {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `NinjaLead failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startServer()
    .then((running) => closeOnSignals(() => running.close()))
    .catch(fail);
}
