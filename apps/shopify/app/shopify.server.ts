import "@shopify/shopify-app-remix/adapters/node";
import { config } from "./config.server.js";
import { EncryptedSessionStorage } from "./security/session-storage.server.js";
import { createTokenCipher } from "./security/token-cipher.server.js";
import { database } from "./services.server.js";
import { API_VERSION, createShopifyApp } from "./shopify/app-factory.server.js";

export { API_VERSION };

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
