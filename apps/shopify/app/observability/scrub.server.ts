/**
 * Removes what must never leave for an error tracker: Shopify tokens, session tokens, our sealed
 * tokens, emails, phone numbers and postal addresses — by field name and by value pattern, at any
 * depth of an event (message, exception values, request, extra, contexts, breadcrumbs).
 */

const SECRET_KEY =
  /token|secret|password|passwd|authorization|api[-_]?key|cookie|hmac|signature|session|credential/i;
const PERSONAL_KEY =
  /e-?mail|phone|address|street|zip|postal|postcode|city|province|first_?name|last_?name|full_?name|ip_address|company/i;

const PATTERNS: [RegExp, string][] = [
  [/\bshp(?:at|rt|ua|ss|ca|pa|tka)_[A-Za-z0-9]+/g, "[token]"],
  [/\bnl1\.[0-9a-f]{16}\.[\w-]+\.[\w-]+\.[\w-]*/g, "[token]"],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, "[token]"],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, "$1 [token]"],
  [/\bsk-[A-Za-z0-9_-]{10,}/g, "[token]"],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, "[email]"],
  // International numbers (+33 6 12 34 56 78); plain digit runs are left alone (ids, dates).
  [/\+\d[\d\s().-]{7,}\d/g, "[phone]"],
];

export function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A deep copy of `value` with secrets and personal data replaced. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (depth > 12 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) out[key] = "[redacted]";
    else if (
      PERSONAL_KEY.test(key) &&
      v !== null &&
      v !== undefined &&
      typeof v !== "boolean" &&
      typeof v !== "number"
    ) {
      out[key] = "[redacted]";
    } else out[key] = scrubValue(v, depth + 1);
  }
  return out;
}

/**
 * Sentry's `beforeSend`: the whole event scrubbed (the user reduced to an id).
 *
 * @example
 * Sentry.init({ dsn, beforeSend: scrubEvent });
 */
export function scrubEvent<E extends { user?: { id?: string | number } | undefined }>(event: E): E {
  const scrubbed = scrubValue(event) as E;
  if (event.user) scrubbed.user = event.user.id === undefined ? {} : { id: event.user.id };
  return scrubbed;
}
