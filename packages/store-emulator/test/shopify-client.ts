// The real @shopify/shopify-api GraphQL client, pointed at the emulator: it insists on
// https://<shop>/…, so its fetch is the emulator's, which routes the shop's host to localhost.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, LogSeverity, Session, shopifyApi } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import type { Emulator } from "../src/index.js";

export function shopifyClient(emulator: Emulator) {
  setAbstractFetchFunc(emulator.fetch);
  const shopify = shopifyApi({
    apiKey: emulator.apiKey,
    apiSecretKey: emulator.apiSecret,
    apiVersion: ApiVersion.October26,
    isEmbeddedApp: true,
    hostName: "localhost:3000",
    logger: { level: LogSeverity.Error, log: () => Promise.resolve() },
  });
  const session = new Session({
    id: `offline_${emulator.shop}`,
    shop: emulator.shop,
    state: "emulator",
    isOnline: false,
    accessToken: emulator.accessToken,
  });
  return { shopify, client: new shopify.clients.Graphql({ session }) };
}
