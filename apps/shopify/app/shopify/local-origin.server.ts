import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

let routedTo: string | undefined;

/**
 * Sends the Shopify library's own HTTP calls (token exchange, token refresh) for `*.myshopify.com`
 * to a local Admin API origin: the store emulator in the demo and in tests. Never called in
 * production (the config refuses SHOPIFY_ADMIN_API_ORIGIN there).
 */
export function routeShopifyCallsTo(origin: string): void {
  if (routedTo === origin) return;
  const original = routedTo === undefined ? abstractFetch : fetch;
  routedTo = origin;
  const target = new URL(origin);
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname.endsWith(".myshopify.com")) {
      url.protocol = target.protocol;
      url.host = target.host;
      return original(url.toString(), init);
    }
    return original(input, init);
  });
}
