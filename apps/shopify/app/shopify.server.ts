import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { config, type AppConfig } from "./config.server.js";
import { EncryptedSessionStorage } from "./security/session-storage.server.js";
import { createTokenCipher } from "./security/token-cipher.server.js";
import { database } from "./services.server.js";

export const API_VERSION = ApiVersion.October26;

/**
 * The Shopify app: embedded, token exchange auth, expiring offline tokens, sessions in Prisma with
 * the tokens encrypted at rest. A factory so tests can build one on their own database.
 */
export function createShopifyApp(cfg: AppConfig, sessionStorage: EncryptedSessionStorage) {
  return shopifyApp({
    apiKey: cfg.shopify.apiKey,
    apiSecretKey: cfg.shopify.apiSecret,
    apiVersion: API_VERSION,
    scopes: cfg.shopify.scopes,
    appUrl: cfg.appUrl,
    authPathPrefix: "/auth",
    sessionStorage,
    distribution: AppDistribution.AppStore,
    future: {
      unstable_newEmbeddedAuthStrategy: true,
      expiringOfflineAccessTokens: true,
    },
    ...(cfg.shopify.customDomain ? { customShopDomains: [cfg.shopify.customDomain] } : {}),
  });
}

const cfg = config();
export const sessionStorage = new EncryptedSessionStorage(
  database().prisma,
  createTokenCipher(cfg.encryptionKey, cfg.encryptionPreviousKeys),
);
const shopify = createShopifyApp(cfg, sessionStorage);

export default shopify;
export const apiVersion = API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
