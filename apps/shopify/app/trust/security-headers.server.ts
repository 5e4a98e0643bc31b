import { randomBytes } from "node:crypto";

/** A fresh CSP nonce for one document response. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * Headers for every document we serve. Shopify's `addDocumentResponseHeaders` has already set a
 * CSP with `frame-ancestors` for the shop (who may embed us); we keep that directive and add a
 * strict policy for everything else: scripts only from us (with the per-response nonce for
 * Remix's inline scripts) and Shopify's CDN (App Bridge), no plugins, no foreign form targets.
 */
export function applySecurityHeaders(headers: Headers, options: { nonce: string; https: boolean }): void {
  const shopifyPolicy = headers.get("Content-Security-Policy") ?? "";
  const frameAncestors =
    shopifyPolicy
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("frame-ancestors")) ?? "frame-ancestors 'none'";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' https://cdn.shopify.com`,
    "style-src 'self' 'unsafe-inline' https://cdn.shopify.com",
    "img-src 'self' data: blob: https://cdn.shopify.com",
    "font-src 'self' https://cdn.shopify.com",
    "connect-src 'self' https://*.shopify.com https://*.myshopify.com",
    "frame-src 'self' https://*.shopify.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https://*.myshopify.com https://admin.shopify.com",
    frameAncestors,
  ];
  if (options.https) policy.push("upgrade-insecure-requests");
  headers.set("Content-Security-Policy", policy.join("; "));
  // X-Content-Type-Options is set by server.ts on every response, documents included.
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (options.https) headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}
