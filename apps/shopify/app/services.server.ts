import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createCache, type Cache, type Logger } from "@ninjalead/core";
import { config, type AppConfig } from "./config.server.js";
import { createAppContext, type AppContext } from "./context.server.js";
import { databaseTarget, openDatabase, type Database } from "./db/client.server.js";
import { applyMigrations, defaultPrismaPaths } from "./db/migrations.server.js";
import { createLogger } from "./logger.server.js";

/** The process-wide services every route and job uses. */
export interface Services {
  config: AppConfig;
  db: Database;
  cache: Cache;
  logger: Logger;
  close(): Promise<void>;
}

// Held on globalThis: the custom server (run by tsx) and the Remix build each load their own copy
// of this module, and embedded PGlite may be opened only once per process.
interface Registry {
  db?: Database;
  app?: AppContext;
  services?: Promise<Services>;
  logger?: Logger;
}
const registry = ((globalThis as { __ninjalead?: Registry }).__ninjalead ??= {});

/** The repository root (where prisma/ lives), found by walking up from this file (source or build). */
export function repoRoot(): string {
  if (process.env.NINJALEAD_ROOT) return process.env.NINJALEAD_ROOT;
  let dir = fileURLToPath(new URL(".", import.meta.url));
  while (!existsSync(join(dir, "prisma", "schema.prisma"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("Cannot find the repository root (prisma/schema.prisma)");
    dir = parent;
  }
  return dir;
}

export function logger(): Logger {
  registry.logger ??= createLogger(config().logLevel);
  return registry.logger;
}

/** The database, opened synchronously on first use (the Shopify session storage needs it at load). */
export function database(): Database {
  if (!registry.db) {
    const cfg = config();
    const dataDir = resolve(repoRoot(), cfg.dataDir);
    registry.db = openDatabase(
      databaseTarget(cfg.databaseUrl, cfg.dataDir === "memory" ? "memory" : dataDir),
    );
  }
  return registry.db;
}

/** The app context (session storage, Shopify app, queues) around the process-wide database. */
export function appContext(): AppContext {
  registry.app ??= createAppContext({ config: config(), db: database(), logger: logger() });
  return registry.app;
}

/** Opens everything once: database (with pending migrations in demo/dev), cache. */
export function services(): Promise<Services> {
  registry.services ??= (async () => {
    const cfg = config();
    const log = logger();
    const db = database();
    if (cfg.autoMigrate) {
      const applied = await applyMigrations(defaultPrismaPaths(repoRoot()), db.adapterFactory);
      if (applied.length > 0) log.info("database migrated", { applied });
    }
    const cache = await createCache({ redisUrl: cfg.redisUrl, logger: log });
    const app = appContext();
    return {
      config: cfg,
      db,
      cache,
      logger: log,
      close: async () => {
        await app.close();
        delete registry.app;
        await cache.close();
        await db.close();
        delete registry.services;
        delete registry.db;
      },
    };
  })();
  return registry.services;
}
