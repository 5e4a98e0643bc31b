import { createHmac, timingSafeEqual } from "node:crypto";

/** A webhook whose signature checked out, with what the worker needs. */
export interface VerifiedWebhook {
  shop: string;
  topic: string;
  webhookId: string;
  eventId: string | undefined;
  triggeredAt: string | undefined;
  apiVersion: string | undefined;
  /** The raw JSON body: parsed (and validated) by the worker, not on the hot path. */
  body: string;
}

export type VerifyResult =
  { ok: true; webhook: VerifiedWebhook } | { ok: false; status: 400 | 401; reason: string };

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * Shopify's webhook check: base64 HMAC-SHA256 of the raw body with the app's API secret, compared
 * in constant time with X-Shopify-Hmac-Sha256 (401 when it does not match), then the headers the
 * app relies on (400 when missing). `header` reads a request header, case-insensitively.
 *
 * @example
 * const result = verifyWebhook(rawBody, (n) => req.headers[n.toLowerCase()], secret);
 * if (!result.ok) return respond(result.status);
 */
export function verifyWebhook(
  rawBody: Buffer,
  header: (name: string) => string | undefined,
  secret: string,
): VerifyResult {
  const given = header("x-shopify-hmac-sha256");
  if (!given) return { ok: false, status: 401, reason: "missing signature" };
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const received = Buffer.from(given, "base64");
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return { ok: false, status: 401, reason: "signature does not match" };
  }
  const topic = header("x-shopify-topic");
  const shop = header("x-shopify-shop-domain");
  const webhookId = header("x-shopify-webhook-id");
  if (!topic || !shop || !webhookId || !SHOP_DOMAIN.test(shop)) {
    return { ok: false, status: 400, reason: "missing or invalid X-Shopify headers" };
  }
  const body = rawBody.toString("utf8");
  if (!body.startsWith("{")) return { ok: false, status: 400, reason: "body is not a JSON object" };
  return {
    ok: true,
    webhook: {
      shop,
      topic,
      webhookId,
      eventId: header("x-shopify-event-id"),
      triggeredAt: header("x-shopify-triggered-at"),
      apiVersion: header("x-shopify-api-version"),
      body,
    },
  };
}
