import type { Logger } from "@ninjalead/core";
import type { AppConfig } from "./config.server.js";
import type { Database } from "./db/client.server.js";
import { createBullmqQueue } from "./jobs/bullmq-queue.server.js";
import { createMemoryQueue } from "./jobs/memory-queue.server.js";
import type { AiJob } from "./jobs/ai-jobs.server.js";
import type { JobQueue } from "./jobs/queue.server.js";
import type { SyncJob } from "./jobs/sync-jobs.server.js";
import { EncryptedSessionStorage } from "./security/session-storage.server.js";
import { createTokenCipher } from "./security/token-cipher.server.js";
import type { AdminClient } from "./shopify/admin-client.server.js";
import { adminForShop } from "./shopify/admin-for-shop.server.js";
import { createShopifyApp, type ShopifyApp } from "./shopify/app-factory.server.js";
import { routeShopifyCallsTo } from "./shopify/local-origin.server.js";
import type { WebhookJob } from "./webhooks/topics.server.js";

export interface Queues {
  webhooks: JobQueue<WebhookJob>;
  sync: JobQueue<SyncJob>;
  ai: JobQueue<AiJob>;
}

/** Everything a route, a job or a test needs, built once from the config and the database. */
export interface AppContext {
  config: AppConfig;
  db: Database;
  logger: Logger;
  sessionStorage: EncryptedSessionStorage;
  shopify: ShopifyApp;
  queues: Queues;
  /** The Admin API client for a shop, on its offline session. */
  admin(shop: string): AdminClient;
  close(): Promise<void>;
}

/** BullMQ when REDIS_URL is set, the in-process queue otherwise (the demo). */
export function createQueues(redisUrl: string | undefined, logger: Logger, prefix?: string): Queues {
  if (redisUrl) {
    return {
      webhooks: createBullmqQueue<WebhookJob>("webhooks", {
        redisUrl,
        logger,
        ...(prefix ? { prefix } : {}),
      }),
      sync: createBullmqQueue<SyncJob>("sync", { redisUrl, logger, ...(prefix ? { prefix } : {}) }),
      ai: createBullmqQueue<AiJob>("ai", { redisUrl, logger, ...(prefix ? { prefix } : {}) }),
    };
  }
  return {
    webhooks: createMemoryQueue<WebhookJob>("webhooks", { logger }),
    sync: createMemoryQueue<SyncJob>("sync", { logger }),
    ai: createMemoryQueue<AiJob>("ai", { logger }),
  };
}

/**
 * Builds the app around a database: the encrypted session storage, the Shopify app, the queues.
 * Synchronous (queues connect lazily) so the Remix modules can hold it at load time.
 *
 * @example
 * const ctx = createAppContext({ config: loadConfig(env), db, logger });
 * startWorkers(ctx);
 */
export function createAppContext(options: {
  config: AppConfig;
  db: Database;
  logger: Logger;
  queues?: Queues;
  /** Transport for the Admin API (tests pass one that counts or fails requests). */
  fetch?: typeof fetch;
}): AppContext {
  const { config, db, logger } = options;
  const sessionStorage = new EncryptedSessionStorage(
    db.prisma,
    createTokenCipher(config.encryptionKey, config.encryptionPreviousKeys),
  );
  if (config.shopify.adminApiOrigin) routeShopifyCallsTo(config.shopify.adminApiOrigin);
  const queues = options.queues ?? createQueues(config.redisUrl, logger);
  const shopify = createShopifyApp(config, sessionStorage, {
    afterAuth: async (session) => {
      const { completeInstall } = await import("./install.server.js");
      await completeInstall(ctx, session);
    },
  });
  const ctx: AppContext = {
    config,
    db,
    logger,
    sessionStorage,
    shopify,
    queues,
    admin: (shop) =>
      adminForShop({
        shop,
        sessionStorage,
        logger,
        origin: config.shopify.adminApiOrigin,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        refresh: async (s) => {
          await shopify.unauthenticated.admin(s);
        },
      }),
    close: async () => {
      // In parallel: each close is bounded (5 s with Redis gone), and a webhook job that can no
      // longer queue its sync work fails and is retried from Redis on the next start.
      await Promise.all([queues.webhooks.close(), queues.sync.close(), queues.ai.close()]);
    },
  };
  return ctx;
}
