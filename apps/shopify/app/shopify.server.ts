import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { config } from "./config.server.js";
import { database } from "./services.server.js";

export const API_VERSION = ApiVersion.October26;

const cfg = config();

/** The Shopify app: embedded, token exchange auth, expiring offline tokens, sessions in Prisma. */
const shopify = shopifyApp({
  apiKey: cfg.shopify.apiKey,
  apiSecretKey: cfg.shopify.apiSecret,
  apiVersion: API_VERSION,
  scopes: cfg.shopify.scopes,
  appUrl: cfg.appUrl,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(database().prisma),
  distribution: AppDistribution.AppStore,
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  ...(cfg.shopify.customDomain ? { customShopDomains: [cfg.shopify.customDomain] } : {}),
});

export default shopify;
export const apiVersion = API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;
