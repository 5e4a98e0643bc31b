import { createHmac, randomUUID } from "node:crypto";

/**
 * An App Bridge session token (HS256 JWT signed with the app's secret), as Shopify's admin hands
 * the embedded app. Only the demo (installing itself on the local store emulator) and tests make
 * one: in production Shopify does.
 *
 * @example
 * const idToken = signSessionToken({ apiKey, apiSecret, shop: "demo.myshopify.com" });
 */
export function signSessionToken(options: {
  apiKey: string;
  apiSecret: string;
  shop: string;
  userId?: string;
  nowMs?: number;
}): string {
  const now = Math.floor((options.nowMs ?? Date.now()) / 1_000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = encode({ alg: "HS256", typ: "JWT" });
  const payload = encode({
    iss: `https://${options.shop}/admin`,
    dest: `https://${options.shop}`,
    aud: options.apiKey,
    sub: options.userId ?? "1",
    exp: now + 60,
    nbf: now - 5,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID(),
  });
  const signature = createHmac("sha256", options.apiSecret)
    .update(`${header}.${payload}`)
    .digest("base64url");
  return `${header}.${payload}.${signature}`;
}
