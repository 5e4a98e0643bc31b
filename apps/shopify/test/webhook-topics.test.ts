// The subscriptions in shopify.app.toml are exactly the topics the app handles, and the webhook
// check refuses what Shopify did not sign.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  APP_TOPICS,
  COMPLIANCE_TOPICS,
  MIRROR_TOPICS,
  normalizeTopic,
} from "../app/webhooks/topics.server.js";
import { verifyWebhook } from "../app/webhooks/verify.server.js";

const toml = readFileSync(fileURLToPath(new URL("../../../shopify.app.toml", import.meta.url)), "utf8");
const listed = (key: string) =>
  [...toml.matchAll(new RegExp(`^\\s*${key}\\s*=\\s*\\[([^\\]]*)\\]`, "gm"))].flatMap((m) =>
    [...(m[1] ?? "").matchAll(/"([^"]+)"/g)].map((q) => q[1]),
  );

describe("webhook topics", () => {
  it("shopify.app.toml subscribes to exactly the topics the worker handles", () => {
    expect(listed("topics").sort()).toEqual([...MIRROR_TOPICS, ...APP_TOPICS].sort());
    expect(listed("compliance_topics").sort()).toEqual([...COMPLIANCE_TOPICS].sort());
    expect(toml).toMatch(/api_version = "2026-10"/);
  });

  it("normalises header and enum forms", () => {
    expect(normalizeTopic("products/update")).toBe("products/update");
    expect(normalizeTopic("PRODUCTS_UPDATE")).toBe("products/update");
    expect(normalizeTopic("BULK_OPERATIONS_FINISH")).toBe("bulk_operations/finish");
    expect(normalizeTopic("CUSTOMERS_DATA_REQUEST")).toBe("customers/data_request");
    expect(normalizeTopic("themes/publish")).toBeNull();
  });
});

describe("verifyWebhook", () => {
  const secret = "shh";
  const body = Buffer.from(JSON.stringify({ id: 1 }));
  const sign = (b: Buffer, s = secret) => createHmac("sha256", s).update(b).digest("base64");
  const headers = (hmac: string | undefined, extra: Record<string, string> = {}) => {
    const all: Record<string, string | undefined> = {
      "x-shopify-hmac-sha256": hmac,
      "x-shopify-topic": "products/update",
      "x-shopify-shop-domain": "a-shop.myshopify.com",
      "x-shopify-webhook-id": "w1",
      "x-shopify-event-id": "e1",
      ...extra,
    };
    return (name: string) => all[name];
  };

  it("accepts Shopify's signature and reads the headers", () => {
    const result = verifyWebhook(body, headers(sign(body)), secret);
    expect(result).toMatchObject({
      ok: true,
      webhook: {
        shop: "a-shop.myshopify.com",
        topic: "products/update",
        eventId: "e1",
        body: body.toString(),
      },
    });
  });

  it.each([
    ["no signature", undefined],
    ["another secret", sign(body, "other")],
    ["a truncated signature", sign(body).slice(0, 10)],
  ])("refuses %s with 401", (_label, hmac) => {
    expect(verifyWebhook(body, headers(hmac), secret)).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses a tampered body with 401 and a signed request without shop headers with 400", () => {
    const tampered = Buffer.from(JSON.stringify({ id: 2 }));
    expect(verifyWebhook(tampered, headers(sign(body)), secret)).toMatchObject({ ok: false, status: 401 });
    expect(
      verifyWebhook(body, headers(sign(body), { "x-shopify-shop-domain": "evil.example.com" }), secret),
    ).toMatchObject({ ok: false, status: 400 });
  });
});
