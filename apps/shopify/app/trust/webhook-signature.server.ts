import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The header our outgoing webhooks carry: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = "NinjaLead-Signature";
/** Deliveries older than this are refused by `verifyWebhookSignature` (replay protection). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** A new per-endpoint signing secret, shown to the merchant once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

function mac(secret: string, timestamp: number, body: string): string {
  // The timestamp is signed with the body so an old delivery cannot be replayed with a new time.
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** Signs a delivery body; returns the header value. */
export function signWebhook(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${mac(secret, timestamp, body)}`;
}

export type VerifyResult =
  { ok: true; timestamp: number } | { ok: false; reason: "malformed" | "expired" | "mismatch" };

/**
 * Verifies a delivery as a receiver should: parse the header, refuse stale timestamps, compare
 * the HMAC in constant time. Any `v1` matching passes (several are sent during secret rotation).
 */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = Date.now() } = {},
): VerifyResult {
  if (!header) return { ok: false, reason: "malformed" };
  const parts = header.split(",").map((p) => p.trim().split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  const signatures = parts.filter(([k, v]) => k === "v1" && v).map(([, v]) => v ?? "");
  if (!Number.isInteger(t) || signatures.length === 0) return { ok: false, reason: "malformed" };
  if (Math.abs(now / 1000 - t) > toleranceSeconds) return { ok: false, reason: "expired" };
  const expected = Buffer.from(mac(secret, t, body), "hex");
  const match = signatures.some((s) => {
    const given = Buffer.from(s, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? { ok: true, timestamp: t } : { ok: false, reason: "mismatch" };
}
