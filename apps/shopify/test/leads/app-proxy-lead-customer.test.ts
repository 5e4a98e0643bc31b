// End to end through the built app and the store emulator over HTTP: the app is installed the way
// Shopify's admin does it, a storefront form posts through the app proxy (signed), and the consented
// lead shows up as a subscribed customer in the store; without consent, or with a forged or
// expired signature, the store is not touched.
import { createHmac } from "node:crypto";
import { start, type Emulator } from "@ninjalead/store-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../scripts/test-services.js";
import { signSessionToken } from "../../app/shopify/session-token.server.js";
import { startApp, type RunningApp } from "../support/app-server.js";

const KEY = "proxy-customer-key";
const SECRET = "proxy-customer-secret";

let emulator: Emulator;
let app: RunningApp;
let db: Awaited<ReturnType<typeof createTestDatabase>>;

function signedQuery(params: Record<string, string>, secret = SECRET): string {
  const message = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("");
  return new URLSearchParams({
    ...params,
    signature: createHmac("sha256", secret).update(message).digest("hex"),
  }).toString();
}

const proxyQuery = (overrides: Record<string, string> = {}, secret = SECRET) =>
  signedQuery(
    {
      shop: emulator.shop,
      path_prefix: "/apps/ninjalead",
      timestamp: String(Math.floor(Date.now() / 1000)),
      logged_in_customer_id: "",
      ...overrides,
    },
    secret,
  );

const post = (query: string, form: Record<string, string>, ip: string) =>
  fetch(`${app.url}/proxy/lead?${query}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
      "x-forwarded-for": ip,
    },
    body: new URLSearchParams(form).toString(),
  });

const customersWith = (email: string) =>
  [...emulator.store.customers.values()].filter((c) => c.email === email);

beforeAll(async () => {
  db = await createTestDatabase();
  emulator = await start({
    port: 0,
    apiKey: KEY,
    apiSecret: SECRET,
    generate: { seed: 3, products: 3, customers: 3, orders: 0 },
  });
  app = await startApp({
    DATABASE_URL: db.url,
    SHOPIFY_API_KEY: KEY,
    SHOPIFY_API_SECRET: SECRET,
    SHOPIFY_ADMIN_API_ORIGIN: emulator.url,
  });
  // Installed as Shopify's admin does it: a session token, exchanged for an offline token.
  const install = new URL("/app", app.url);
  install.search = new URLSearchParams({
    shop: emulator.shop,
    host: Buffer.from(`${emulator.shop}/admin`).toString("base64url"),
    embedded: "1",
    id_token: signSessionToken({ apiKey: KEY, apiSecret: SECRET, shop: emulator.shop }),
  }).toString();
  // shopify-app-remix answers bots (Node's own user agent among them) 410: come as a browser.
  const answer = await fetch(install, {
    redirect: "manual",
    headers: {
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36",
    },
  });
  expect(answer.status, app.output().slice(-2000)).toBeLessThan(400);
  await answer.body?.cancel();
});
afterAll(async () => {
  await app.stop();
  await emulator.close();
  await db.drop();
});

describe("storefront lead → Shopify customer, through the app proxy", () => {
  it("creates the store's metafield definitions on install", () => {
    expect(emulator.store.metafieldDefinitions.size).toBe(4);
  });

  it("a consented sign-up becomes a subscribed customer with the consent time", async () => {
    const response = await post(
      proxyQuery(),
      { email: "Proxy.Lead@Example.com", consent: "on", locale: "fr" },
      "203.0.113.10",
    );
    expect(response.status).toBe(201);
    const [customer] = customersWith("proxy.lead@example.com");
    expect(customer).toMatchObject({
      emailMarketingState: "SUBSCRIBED",
      emailMarketingOptInLevel: "SINGLE_OPT_IN",
      locale: "fr",
    });
    expect(Date.parse(customer?.emailMarketingConsentUpdatedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
  });

  it("a sign-up without consent is stored as a lead only", async () => {
    const before = emulator.store.customers.size;
    const response = await post(proxyQuery(), { email: "quiet@example.com" }, "203.0.113.11");
    expect(response.status).toBe(201);
    expect(emulator.store.customers.size).toBe(before);
  });

  it("forged and expired signatures are 401 and reach neither the database nor the store", async () => {
    const before = emulator.store.customers.size;
    const forged = await post(
      proxyQuery({}, "not-the-secret"),
      { email: "forged@example.com", consent: "on" },
      "203.0.113.12",
    );
    expect(forged.status).toBe(401);
    const expired = await post(
      proxyQuery({ timestamp: String(Math.floor(Date.now() / 1000) - 3600) }),
      { email: "expired@example.com", consent: "on" },
      "203.0.113.13",
    );
    expect(expired.status).toBe(401);
    expect(emulator.store.customers.size).toBe(before);
    expect(customersWith("forged@example.com")).toEqual([]);
  });
});
