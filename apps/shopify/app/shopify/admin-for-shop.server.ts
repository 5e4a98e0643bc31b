import type { Logger } from "@ninjalead/core";
import type { AppSessionStorage } from "../security/session-storage.server.js";
import { createAdminClient, type AdminClient } from "./admin-client.server.js";
import { AdminApiError } from "./admin-errors.server.js";

export interface AdminForShopOptions {
  shop: string;
  sessionStorage: AppSessionStorage;
  logger: Logger;
  origin?: string | undefined;
  /** Refreshes an expiring offline token (shopify-app-remix's `unauthenticated.admin` does it). */
  refresh?: (shop: string) => Promise<void>;
  fetch?: typeof fetch;
}

const REFRESH_MARGIN_MS = 60_000;

/**
 * The Admin client for background work (sync, webhooks, jobs): authenticated with the shop's
 * offline session, read per request so a refreshed token is picked up.
 *
 * @example
 * const admin = adminForShop({ shop, sessionStorage, logger });
 * await admin.request(SHOP_INFO);
 */
export function adminForShop(options: AdminForShopOptions): AdminClient {
  const { shop, sessionStorage } = options;
  const sessionId = `offline_${shop}`;
  return createAdminClient({
    shop,
    logger: options.logger,
    origin: options.origin,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    accessToken: async () => {
      let session = await sessionStorage.loadSession(sessionId);
      if (session?.expires && session.expires.getTime() - Date.now() < REFRESH_MARGIN_MS && options.refresh) {
        await options.refresh(shop);
        session = await sessionStorage.loadSession(sessionId);
      }
      if (!session?.accessToken) {
        throw new AdminApiError(
          "auth_failed",
          `No offline session for ${shop}: the app must be (re)installed`,
          401,
          [],
          {
            retryable: false,
          },
        );
      }
      return session.accessToken;
    },
  });
}
