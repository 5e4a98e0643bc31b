/**
 * Request signing as the AliExpress Open Platform specifies for `sign_method=sha256`: sort every
 * parameter except `sign` by name (byte order), concatenate name and value with no separator,
 * HMAC-SHA256 the UTF-8 bytes with the app secret, and write the digest as uppercase hex. On the
 * `/sync` gateway the API name travels as the `method` parameter, so it is part of that string;
 * on the `/rest` gateway the API path (`/auth/token/create`) is prefixed to it instead.
 *
 * Web Crypto keeps this usable outside Node (edge runtimes, workers).
 */

const encoder = new TextEncoder();

/** The exact string the platform signs, exported so tests and the local server agree on it. */
export function stringToSign(params: Readonly<Record<string, string>>, apiPath?: string): string {
  const names = Object.keys(params)
    .filter((name) => name !== "sign")
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return (apiPath ?? "") + names.map((name) => `${name}${params[name] ?? ""}`).join("");
}

/**
 * Computes the `sign` parameter for a request.
 *
 * @example
 * await signAliExpressRequest({ app_key: "12345", method: "aliexpress.ds.product.get", … }, secret)
 * // "5F2C…" (64 uppercase hex characters)
 */
export async function signAliExpressRequest(
  params: Readonly<Record<string, string>>,
  appSecret: string,
  apiPath?: string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(appSecret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const digest = await crypto.subtle.sign("HMAC", key, encoder.encode(stringToSign(params, apiPath)));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}
