/**
 * The production server: validates the environment, opens the database (applying pending
 * migrations in the demo and in development), connects the cache, then serves the Remix build.
 * Run with `npm run start` (tsx) after `npm run build`.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { ConfigError, config } from "./app/config.server.ts";
import { logger, services } from "./app/services.server.ts";

const here = fileURLToPath(new URL(".", import.meta.url));
const buildPath = `${here}build/server/index.js`;

async function main(): Promise<void> {
  const cfg = config();
  const log = logger();
  if (!existsSync(buildPath)) throw new Error(`No build at ${buildPath}: run \`npm run build\` first`);
  const svc = await services();
  const build = (await import(buildPath)) as ServerBuild;

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
  const handle = createRequestHandler({
    build,
    mode: cfg.env === "production" ? "production" : "development",
  });
  app.all("*", (req, res, next) => {
    handle(req, res, next).catch(next);
  });

  const server = app.listen(cfg.port, cfg.host, () => {
    log.info("NinjaLead is serving", {
      url: `http://${cfg.host === "0.0.0.0" ? "localhost" : cfg.host}:${cfg.port}`,
      database: svc.db.kind,
      cache: svc.cache.backend(),
      demo: cfg.demo,
    });
  });

  const shutdown = (signal: string) => {
    log.info("shutting down", { signal });
    server.close(() => {
      void svc.close().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `NinjaLead failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(1);
});
