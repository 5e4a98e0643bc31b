import "@shopify/shopify-app-remix/adapters/node";
import { appContext } from "./services.server.js";
import { API_VERSION } from "./shopify/app-factory.server.js";

export { API_VERSION };

/** The process-wide Shopify app (built by the app context, on the encrypted session storage). */
const shopify = appContext().shopify;

export default shopify;
export const sessionStorage = appContext().sessionStorage;
export const apiVersion = API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
