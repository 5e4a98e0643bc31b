import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp, type Session } from "@shopify/shopify-app-remix/server";
import type { AppConfig } from "../config.server.js";
import type { AppSessionStorage } from "../security/session-storage.server.js";

export const API_VERSION = ApiVersion.October26;

/**
 * The Shopify app: embedded, token exchange auth, expiring offline tokens, sessions in Prisma with
 * the tokens encrypted at rest. A factory so tests can build one on their own database.
 */
export function createShopifyApp(
  cfg: AppConfig,
  sessionStorage: AppSessionStorage,
  hooks: { afterAuth?: (session: Session) => Promise<void> } = {},
) {
  return shopifyApp({
    apiKey: cfg.shopify.apiKey,
    apiSecretKey: cfg.shopify.apiSecret,
    apiVersion: API_VERSION,
    scopes: cfg.shopify.scopes,
    appUrl: cfg.appUrl,
    authPathPrefix: "/auth",
    sessionStorage,
    hooks: {
      // After a token exchange: the shop is recorded and its initial sync queued.
      ...(hooks.afterAuth
        ? { afterAuth: ({ session }: { session: Session }) => hooks.afterAuth?.(session) }
        : {}),
    },
    distribution: AppDistribution.AppStore,
    future: {
      unstable_newEmbeddedAuthStrategy: true,
      expiringOfflineAccessTokens: true,
    },
    ...(cfg.shopify.customDomain ? { customShopDomains: [cfg.shopify.customDomain] } : {}),
  });
}

export type ShopifyApp = ReturnType<typeof createShopifyApp>;
