import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAliExpressClient, type AliExpressClientConfig } from "../../src/catalog/aliexpress/client.js";
import { signAliExpressRequest, stringToSign } from "../../src/catalog/aliexpress/sign.js";
import { AliExpressApiError, ImportError } from "../../src/catalog/errors.js";
import { ValidationError } from "../../src/errors/index.js";
import type { Logger } from "../../src/logger.js";
import { startAliExpressServer, type AliExpressServer } from "./aliexpress-server.js";
import { fixtureText } from "./load-fixture.js";

const APP = { appKey: "503912", appSecret: "k9Hq2sX7vLw0PzR4", accessToken: "50000600d12bQmFq7sYxZ" };
let server: AliExpressServer;

beforeAll(async () => {
  server = await startAliExpressServer({
    ...APP,
    products: new Map([
      ["1005006123456789", fixtureText("ds-product-full.json")],
      // The bare-result fixture inside the full wrapper, spliced as text so its big SKU ids stay exact.
      [
        "1005005987654321",
        `{"aliexpress_ds_product_get_response":{"result":${fixtureText("ds-product-result-fr-eur.json")},"rsp_code":200}}`,
      ],
    ]),
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function client(overrides: Partial<AliExpressClientConfig> = {}) {
  return createAliExpressClient({ ...APP, endpoint: server.url, retryBaseDelayMs: 1, ...overrides });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("signAliExpressRequest", () => {
  it("signs the sorted name+value string, method included, as uppercase HMAC-SHA256 hex", async () => {
    const params = {
      v: "2.0",
      method: "aliexpress.ds.product.get",
      app_key: "503912",
      product_id: "1",
      sign: "ignored",
      timestamp: "1700000000000",
      sign_method: "sha256",
    };
    expect(stringToSign(params)).toBe(
      "app_key503912methodaliexpress.ds.product.getproduct_id1sign_methodsha256timestamp1700000000000v2.0",
    );
    const expected = createHmac("sha256", "secret").update(stringToSign(params)).digest("hex").toUpperCase();
    await expect(signAliExpressRequest(params, "secret")).resolves.toBe(expected);
    expect(expected).toMatch(/^[0-9A-F]{64}$/);
  });

  it("prefixes the API path for /rest APIs and encodes UTF-8", async () => {
    const params = { app_key: "1", code: "é中" };
    expect(stringToSign(params, "/auth/token/create")).toBe("/auth/token/createapp_key1codeé中");
    const expected = createHmac("sha256", "s")
      .update("/auth/token/createapp_key1codeé中", "utf8")
      .digest("hex")
      .toUpperCase();
    await expect(signAliExpressRequest(params, "s", "/auth/token/create")).resolves.toBe(expected);
  });
});

describe("createAliExpressClient", () => {
  it("fetches and parses a product, with system parameters in the query and signed", async () => {
    const product = await client().getProduct(
      "https://fr.aliexpress.com/item/1005006123456789.html?spm=a2g0o.home",
      {
        shipToCountry: "fr",
        targetCurrency: "USD",
        targetLanguage: "en",
      },
    );
    expect(product.id).toBe("1005006123456789");
    expect(product.skus).toHaveLength(12);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.query).toMatchObject({
      app_key: APP.appKey,
      method: "aliexpress.ds.product.get",
      sign_method: "sha256",
      v: "2.0",
      format: "json",
      session: APP.accessToken,
    });
    expect(request?.query.product_id).toBeUndefined();
    expect(request?.params).toMatchObject({
      product_id: "1005006123456789",
      ship_to_country: "FR",
      target_currency: "USD",
      target_language: "EN",
    });
  });

  it("keeps SKU ids beyond 2^53 exact from the wire", async () => {
    const product = await client().getProduct("1005005987654321");
    expect(product.skus.map((s) => s.id)).toContain("12000035916497236");
  });

  it("rejects a wrong secret with the platform's signature error, without retrying", async () => {
    const error = await rejection(client({ appSecret: "wrong" }).getProduct("1005006123456789"));
    expect(error).toBeInstanceOf(AliExpressApiError);
    expect(error).toMatchObject({
      code: "auth_failed",
      platformCode: "IncompleteSignature",
      retryable: false,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("rejects an unknown access token as auth_failed", async () => {
    const error = await rejection(
      client({ accessToken: "expired" }).call("aliexpress.ds.product.get", { product_id: "1" }),
    );
    expect(error).toMatchObject({ code: "auth_failed", platformCode: "IllegalAccessToken" });
  });

  it("retries 5xx, HTML gateway pages, 429, rate limits and ISP errors, then succeeds", async () => {
    const warnings: string[] = [];
    const logger: Logger = {
      debug() {},
      info() {},
      error() {},
      warn: (m, f) => warnings.push(`${m}:${String(f?.code)}`),
    };
    server.failNext("http500");
    server.failNext("html502");
    server.failNext("http429");
    server.failNext("rateLimit");
    server.failNext("ispError");
    server.failNext("rspError");
    const product = await client({ maxRetries: 6, logger }).getProduct("1005006123456789");
    expect(product.id).toBe("1005006123456789");
    expect(server.requests).toHaveLength(7);
    expect(warnings).toEqual([
      "aliexpress.retry:isp.internal-error",
      "aliexpress.retry:HTTP_502",
      "aliexpress.retry:HTTP_429",
      "aliexpress.retry:ApiCallLimit",
      "aliexpress.retry:ServiceUnavailable",
      "aliexpress.retry:rsp_500",
    ]);
  });

  it("gives up after maxRetries with a retryable typed error", async () => {
    server.failNext("http500", 3);
    const error = await rejection(client({ maxRetries: 2 }).getProduct("1005006123456789"));
    expect(error).toMatchObject({ code: "provider_unavailable", retryable: true, status: 500 });
    expect(server.requests).toHaveLength(3);
  });

  it("times out a gateway that never answers", async () => {
    server.failNext("hang");
    const error = await rejection(client({ timeoutMs: 150, maxRetries: 0 }).getProduct("1005006123456789"));
    expect(error).toMatchObject({ code: "timeout", retryable: true, platformCode: "Timeout" });
  });

  it("stops when the caller aborts, without retrying", async () => {
    server.failNext("hang");
    const controller = new AbortController();
    const pending = client({ timeoutMs: 10_000, maxRetries: 3 }).getProduct("1005006123456789", {
      signal: controller.signal,
    });
    await expect.poll(() => server.requests.length).toBe(1);
    controller.abort();
    const error = await rejection(pending);
    expect(error).toMatchObject({ code: "aborted", retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it("reports a network failure as retryable provider_unavailable", async () => {
    const error = await rejection(
      client({ endpoint: "http://127.0.0.1:1/sync", maxRetries: 1 }).call("aliexpress.ds.product.get"),
    );
    expect(error).toMatchObject({
      code: "provider_unavailable",
      platformCode: "NetworkError",
      retryable: true,
    });
  });

  it("turns a removed product into an ImportError", async () => {
    const error = await rejection(client().getProduct("1005000000000001"));
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toContain("does not exist");
  });

  it("refuses short links before any request", async () => {
    const error = await rejection(client().getProduct("https://s.click.aliexpress.com/e/_DkXyZ12"));
    expect(error).toMatchObject({ code: "import_failed", reason: "short_link" });
    expect(server.requests).toHaveLength(0);
  });

  it("validates request options before any request", async () => {
    const error = await rejection(
      client().getProduct("1005006123456789", { shipToCountry: "France", targetCurrency: "€" }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(["shipToCountry", "targetCurrency"]);
    expect(server.requests).toHaveLength(0);
  });

  it("validates its configuration once, listing every problem", () => {
    let error: unknown;
    try {
      createAliExpressClient({ appKey: "", appSecret: "", timeoutMs: -1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      "appKey",
      "appSecret",
      "timeoutMs",
    ]);
    expect((error as ValidationError).code).toBe("invalid_config");
  });
});
