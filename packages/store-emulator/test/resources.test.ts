import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type Emulator } from "../src/index.js";
import { RequestedTokenType } from "@shopify/shopify-api";
import { data, gql } from "./helpers.js";
import { shopifyClient } from "./shopify-client.js";

let emulator: Emulator;

beforeAll(async () => {
  // A generous bucket: these tests page a lot and throttling is tested elsewhere.
  emulator = await start({
    generate: { seed: 4, products: 20, customers: 30, orders: 200 },
    throttle: { maximumAvailable: 100_000, restoreRate: 10_000, maxQueryCost: 1_000 },
  });
});
afterAll(async () => {
  await emulator.close();
});

describe("customers and orders for segments", () => {
  it("exposes order history, spend and marketing consent per customer", async () => {
    const result = await data<{
      customers: {
        nodes: {
          id: string;
          email: string | null;
          numberOfOrders: string;
          amountSpent: { amount: string; currencyCode: string };
          lastOrder: { processedAt: string } | null;
          defaultAddress: { countryCodeV2: string } | null;
          emailMarketingConsent: { marketingState: string } | null;
          tags: string[];
        }[];
      };
    }>(
      emulator,
      `{ customers(first: 50, sortKey: CREATED_AT) { nodes { id email numberOfOrders amountSpent { amount currencyCode } lastOrder { processedAt } defaultAddress { countryCodeV2 } emailMarketingConsent { marketingState } tags } } }`,
    );
    expect(result.customers.nodes).toHaveLength(30);
    for (const node of result.customers.nodes) {
      const id = Number(node.id.split("/").pop());
      const stats = emulator.store.customerStats(id);
      expect(Number(node.numberOfOrders)).toBe(stats.count);
      expect(Number(node.amountSpent.amount)).toBeCloseTo(stats.spent, 2);
      expect(node.lastOrder?.processedAt ?? null).toBe(stats.lastOrder?.processedAt ?? null);
    }
  });

  it("filters and pages orders with line items, totals and the customer", async () => {
    const paid = [...emulator.store.orders.values()].filter((o) => o.financialStatus === "PAID").length;
    let count = 0;
    let after: string | null = null;
    for (;;) {
      const page: {
        orders: {
          nodes: {
            displayFinancialStatus: string;
            totalPriceSet: { shopMoney: { amount: string } };
            lineItems: { nodes: { quantity: number }[] };
          }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await data(
        emulator,
        `query($after: String) { orders(first: 20, after: $after, query: "financial_status:paid", sortKey: PROCESSED_AT) { nodes { displayFinancialStatus totalPriceSet { shopMoney { amount } } customer { id } lineItems(first: 5) { nodes { quantity variant { id } product { id } } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      count += page.orders.nodes.length;
      for (const order of page.orders.nodes) expect(order.displayFinancialStatus).toBe("PAID");
      if (!page.orders.pageInfo.hasNextPage) break;
      after = page.orders.pageInfo.endCursor;
    }
    expect(count).toBe(paid);
    const total = await data<{ ordersCount: { count: number; precision: string } }>(
      emulator,
      `{ ordersCount(query: "financial_status:paid") { count precision } }`,
    );
    expect(total.ordersCount).toEqual({ count: paid, precision: "EXACT" });
  });
});

describe("tags", () => {
  it("adds and removes customer tags (segments), announcing customers/update", async () => {
    const customer = [...emulator.store.customers.values()][0];
    if (!customer) throw new Error("no customer");
    const id = `gid://shopify/Customer/${customer.id}`;
    const TAGS = (verb: string) =>
      `mutation($id: ID!, $tags: [String!]!) { ${verb}(id: $id, tags: $tags) { node { ... on Customer { tags } } userErrors { field message } } }`;
    const added = await data<{ tagsAdd: { node: { tags: string[] }; userErrors: unknown[] } }>(
      emulator,
      TAGS("tagsAdd"),
      { id, tags: ["segment:champions", "vip"] },
    );
    expect(added.tagsAdd.node.tags).toEqual(expect.arrayContaining(["segment:champions", "vip"]));
    const removed = await data<{ tagsRemove: { node: { tags: string[] } } }>(emulator, TAGS("tagsRemove"), {
      id,
      tags: ["segment:champions"],
    });
    expect(removed.tagsRemove.node.tags).not.toContain("segment:champions");
    const missing = await data<{ tagsAdd: { node: null; userErrors: { field: string[] }[] } }>(
      emulator,
      TAGS("tagsAdd"),
      { id: "gid://shopify/Customer/1", tags: ["x"] },
    );
    expect(missing.tagsAdd.userErrors[0]?.field).toEqual(["id"]);
  });
});

describe("translations", () => {
  it("registers translations against the translatable content digests", async () => {
    const product = [...emulator.store.products.values()][0];
    if (!product) throw new Error("no product");
    const resourceId = `gid://shopify/Product/${product.id}`;
    const resource = await data<{
      translatableResource: { translatableContent: { key: string; digest: string; value: string }[] };
    }>(
      emulator,
      `query($id: ID!) { translatableResource(resourceId: $id) { translatableContent { key digest value } } }`,
      { id: resourceId },
    );
    const title = resource.translatableResource.translatableContent.find((c) => c.key === "title");
    expect(title?.value).toBe(product.title);
    const REGISTER = `mutation($id: ID!, $t: [TranslationInput!]!) { translationsRegister(resourceId: $id, translations: $t) { translations { key locale value outdated } userErrors { field message code } } }`;
    const ok = await data<{ translationsRegister: { translations: unknown[]; userErrors: unknown[] } }>(
      emulator,
      REGISTER,
      {
        id: resourceId,
        t: [{ locale: "fr", key: "title", value: "Titre traduit", translatableContentDigest: title?.digest }],
      },
    );
    expect(ok.translationsRegister).toEqual({
      translations: [{ key: "title", locale: "fr", value: "Titre traduit", outdated: false }],
      userErrors: [],
    });
    const stale = await data<{
      translationsRegister: { translations: null; userErrors: { field: string[]; code: string }[] };
    }>(emulator, REGISTER, {
      id: resourceId,
      t: [{ locale: "xx", key: "title", value: "x", translatableContentDigest: "nope" }],
    });
    expect(stale.translationsRegister.userErrors.map((e) => e.code).sort()).toEqual([
      "INVALID_LOCALE_FOR_SHOP",
      "INVALID_TRANSLATABLE_CONTENT",
    ]);
    // Changing the source makes the translation outdated.
    emulator.store.updateProduct(product.id, (p) => {
      p.title = "A new source title";
    });
    const read = await data<{ product: { translations: { value: string; outdated: boolean }[] } }>(
      emulator,
      `query($id: ID!) { product(id: $id) { translations(locale: "fr") { value outdated } } }`,
      { id: resourceId },
    );
    expect(read.product.translations).toContainEqual({ value: "Titre traduit", outdated: true });
  });
});

describe("files", () => {
  it("stages an upload, receives the bytes and creates the file from its resourceUrl", async () => {
    const staged = await data<{
      stagedUploadsCreate: {
        stagedTargets: { url: string; resourceUrl: string; parameters: { name: string; value: string }[] }[];
        userErrors: unknown[];
      };
    }>(
      emulator,
      `mutation($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) { stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } } }`,
      { input: [{ filename: "banner.png", mimeType: "image/png", resource: "IMAGE", httpMethod: "PUT" }] },
    );
    const [target] = staged.stagedUploadsCreate.stagedTargets;
    if (!target) throw new Error("no target");
    const upload = await fetch(target.url, {
      method: "PUT",
      headers: { "Content-Type": "image/png" },
      body: Buffer.from("png-bytes"),
    });
    expect(upload.status).toBe(200);
    const created = await data<{
      fileCreate: { files: { __typename: string; fileStatus: string; alt: string }[]; userErrors: unknown[] };
    }>(
      emulator,
      `mutation($files: [FileCreateInput!]!) { fileCreate(files: $files) { files { __typename fileStatus alt } userErrors { field message code } } }`,
      { files: [{ originalSource: target.resourceUrl, alt: "Banner", contentType: "IMAGE" }] },
    );
    expect(created.fileCreate).toEqual({
      files: [{ __typename: "MediaImage", fileStatus: "READY", alt: "Banner" }],
      userErrors: [],
    });
    expect(await (await fetch(target.resourceUrl)).text()).toBe("png-bytes");
  });
});

describe("staged uploads by POST", () => {
  it("keeps the file part of a multipart form, as the storage bucket would", async () => {
    const staged = await data<{
      stagedUploadsCreate: {
        stagedTargets: { url: string; resourceUrl: string; parameters: { name: string; value: string }[] }[];
      };
    }>(
      emulator,
      `mutation { stagedUploadsCreate(input: [{ filename: "guide.pdf", mimeType: "application/pdf", resource: FILE, httpMethod: POST }]) { stagedTargets { url resourceUrl parameters { name value } } } }`,
    );
    const [target] = staged.stagedUploadsCreate.stagedTargets;
    if (!target) throw new Error("no target");
    const form = new FormData();
    for (const parameter of target.parameters) form.append(parameter.name, parameter.value);
    form.append("file", new Blob([Buffer.from("%PDF-1.7 bytes")], { type: "application/pdf" }), "guide.pdf");
    const upload = await fetch(target.url, { method: "POST", body: form });
    expect(upload.status).toBe(201);
    expect(await (await fetch(target.resourceUrl)).text()).toBe("%PDF-1.7 bytes");
    const created = await data<{ fileCreate: { files: { __typename: string; mimeType: string }[] } }>(
      emulator,
      `mutation($src: String!) { fileCreate(files: [{ originalSource: $src, contentType: FILE }]) { files { __typename ... on GenericFile { mimeType } } } }`,
      { src: target.resourceUrl },
    );
    expect(created.fileCreate.files).toEqual([{ __typename: "GenericFile", mimeType: "application/pdf" }]);
  });
});

describe("billing", () => {
  it("creates a subscription, activates it on confirmation and records capped usage", async () => {
    const created = await data<{
      appSubscriptionCreate: {
        appSubscription: {
          id: string;
          status: string;
          lineItems: { id: string; plan: { pricingDetails: { __typename: string } } }[];
        };
        confirmationUrl: string;
        userErrors: unknown[];
      };
    }>(
      emulator,
      `mutation { appSubscriptionCreate(name: "Pro", returnUrl: "https://app.example.com/billing", test: true, lineItems: [
        { plan: { appRecurringPricingDetails: { price: { amount: 19, currencyCode: USD }, interval: EVERY_30_DAYS } } },
        { plan: { appUsagePricingDetails: { cappedAmount: { amount: 10, currencyCode: USD }, terms: "0.01 per AI call" } } }
      ]) { appSubscription { id status lineItems { id plan { pricingDetails { __typename } } } } confirmationUrl userErrors { field message } } }`,
    );
    const { appSubscription, confirmationUrl } = created.appSubscriptionCreate;
    expect(appSubscription.status).toBe("PENDING");
    const confirm = await fetch(confirmationUrl, { redirect: "manual" });
    expect(confirm.status).toBe(302);
    expect(confirm.headers.get("location")).toMatch(/^https:\/\/app\.example\.com\/billing\?charge_id=\d+$/);
    const installation = await data<{
      currentAppInstallation: { activeSubscriptions: { id: string; status: string }[] };
    }>(emulator, `{ currentAppInstallation { activeSubscriptions { id status } } }`);
    expect(installation.currentAppInstallation.activeSubscriptions).toEqual([
      { id: appSubscription.id, status: "ACTIVE" },
    ]);

    const usageLine = appSubscription.lineItems.find(
      (li) => li.plan.pricingDetails.__typename === "AppUsagePricing",
    );
    const USAGE = `mutation($line: ID!, $amount: Decimal!, $key: String) { appUsageRecordCreate(subscriptionLineItemId: $line, price: { amount: $amount, currencyCode: USD }, description: "AI calls", idempotencyKey: $key) { appUsageRecord { id price { amount } } userErrors { field message } } }`;
    const first = await data<{
      appUsageRecordCreate: {
        appUsageRecord: { id: string; price: { amount: string } };
        userErrors: unknown[];
      };
    }>(emulator, USAGE, { line: usageLine?.id, amount: "6.00", key: "batch-1" });
    expect(first.appUsageRecordCreate.userErrors).toEqual([]);
    const replay = await data<{ appUsageRecordCreate: { appUsageRecord: { id: string } } }>(emulator, USAGE, {
      line: usageLine?.id,
      amount: "6.00",
      key: "batch-1",
    });
    expect(replay.appUsageRecordCreate.appUsageRecord.id).toBe(first.appUsageRecordCreate.appUsageRecord.id);
    const over = await data<{
      appUsageRecordCreate: { appUsageRecord: null; userErrors: { message: string }[] };
    }>(emulator, USAGE, { line: usageLine?.id, amount: "5.00", key: "batch-2" });
    expect(over.appUsageRecordCreate.userErrors[0]?.message).toBe("Total price exceeds balance remaining");
  });
});

function sessionToken(payload: Record<string, unknown>, secret: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const body = `${encode({ alg: "HS256", typ: "JWT" })}.${encode(payload)}`;
  return `${body}.${createHmac("sha256", secret).update(body).digest("base64url")}`;
}

describe("token exchange", () => {
  const exchange = async (token: string, extra: Record<string, string> = {}) =>
    fetch(`${emulator.url}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        client_id: emulator.apiKey,
        client_secret: emulator.apiSecret,
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: token,
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
        ...extra,
      }),
    });
  const now = () => Math.floor(Date.now() / 1000);

  it("exchanges a valid session token for an expiring offline token, which works and then refreshes", async () => {
    const token = sessionToken(
      {
        iss: `https://${emulator.shop}/admin`,
        dest: `https://${emulator.shop}`,
        aud: emulator.apiKey,
        sub: "42",
        exp: now() + 60,
        nbf: now() - 5,
      },
      emulator.apiSecret,
    );
    const response = await exchange(token, { expiring: "1" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      access_token: string;
      expires_in: number;
      refresh_token: string;
    };
    expect(body.expires_in).toBe(3600);
    const call = (accessToken: string) =>
      fetch(emulator.graphqlUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": accessToken },
        body: JSON.stringify({ query: "{ shop { name } }" }),
      });
    expect((await call(body.access_token)).status).toBe(200);
    emulator.tokens.expire(body.access_token);
    expect((await call(body.access_token)).status).toBe(401);
    const refreshed = await fetch(`${emulator.url}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: emulator.apiKey,
        client_secret: emulator.apiSecret,
        grant_type: "refresh_token",
        refresh_token: body.refresh_token,
      }),
    });
    const next = (await refreshed.json()) as { access_token: string; refresh_token: string };
    expect((await call(next.access_token)).status).toBe(200);
    // A refresh token works once.
    const reused = await fetch(`${emulator.url}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: emulator.apiKey,
        client_secret: emulator.apiSecret,
        grant_type: "refresh_token",
        refresh_token: body.refresh_token,
      }),
    });
    expect(reused.status).toBe(400);
  });

  it("works with @shopify/shopify-api's token exchange, refresh and migration to expiring tokens", async () => {
    const { shopify } = shopifyClient(emulator);
    const sessionTokenValue = sessionToken(
      {
        iss: `https://${emulator.shop}/admin`,
        dest: `https://${emulator.shop}`,
        aud: emulator.apiKey,
        sub: "7",
        exp: now() + 60,
        nbf: now() - 5,
        iat: now() - 5,
        jti: "1",
        sid: "s",
      },
      emulator.apiSecret,
    );
    const { session } = await shopify.auth.tokenExchange({
      shop: emulator.shop,
      sessionToken: sessionTokenValue,
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
      expiring: true,
    });
    expect(session.accessToken).toMatch(/^shpat_/);
    expect(session.refreshToken).toMatch(/^shprt_/);
    expect(session.expires?.getTime()).toBeGreaterThan(Date.now());
    const client = new shopify.clients.Graphql({ session });
    const shop = (await client.request("{ shop { myshopifyDomain } }")) as {
      data?: { shop: { myshopifyDomain: string } };
    };
    expect(shop.data?.shop.myshopifyDomain).toBe(emulator.shop);

    const { session: refreshed } = await shopify.auth.refreshToken({
      shop: emulator.shop,
      refreshToken: session.refreshToken ?? "",
    });
    expect(refreshed.accessToken).not.toBe(session.accessToken);
    const { session: migrated } = await shopify.auth.migrateToExpiringToken({
      shop: emulator.shop,
      nonExpiringOfflineAccessToken: emulator.accessToken,
    });
    expect(migrated.refreshToken).toMatch(/^shprt_/);
  });

  it("refuses forged or expired session tokens", async () => {
    const forged = sessionToken(
      { dest: `https://${emulator.shop}`, aud: emulator.apiKey, exp: now() + 60 },
      "not-the-secret",
    );
    expect(await (await exchange(forged)).json()).toMatchObject({ error: "invalid_subject_token" });
    const expired = sessionToken(
      { dest: `https://${emulator.shop}`, aud: emulator.apiKey, exp: now() - 3600 },
      emulator.apiSecret,
    );
    expect((await exchange(expired)).status).toBe(400);
    const unsigned = await gql(emulator, "{ shop { name } }");
    expect(unsigned.status).toBe(200);
  });
});
