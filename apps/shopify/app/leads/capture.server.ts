import { createHmac } from "node:crypto";
import type { Cache } from "@ninjalead/core/cache";
import { normalizeLanguage, type Language } from "@ninjalead/core/i18n";
import type { Lead, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { t } from "../i18n/t.js";
import { hitRateLimit, type RateLimitRule } from "../trust/rate-limit.server.js";

export const LEAD_LIMITS: { perIp: RateLimitRule; perShop: RateLimitRule } = {
  perIp: { limit: 5, windowMs: 10 * 60_000 },
  perShop: { limit: 300, windowMs: 60 * 60_000 },
};

/** What the storefront form posts. `website` is a honeypot: humans never see it, bots fill it. */
export const leadFormSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  consent: z
    .enum(["on", "true", "1", "false", "0", ""])
    .optional()
    .transform((v) => v === "on" || v === "true" || v === "1"),
  campaign: z
    .string()
    .trim()
    .max(100)
    .regex(/^[\w-]*$/)
    .optional(),
  locale: z.string().trim().max(20).optional(),
  website: z.string().max(200).optional(),
});

export interface Sealer {
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
}

export type CaptureOutcome =
  | { status: "stored"; lead: Lead; created: boolean; language: Language }
  | { status: "invalid"; issues: { path: string; message: string }[]; language: Language }
  | { status: "rate_limited"; retryAfterSeconds: number; language: Language }
  // Honeypot filled: answered like a success so bots learn nothing, stored nowhere.
  | { status: "ignored"; language: Language };

export interface CaptureDeps {
  prisma: PrismaClient;
  cache: Cache;
  sealer: Sealer;
  /** Derives the lookup hash of an email (and of the client IP for rate limiting). */
  hashKey: Buffer;
  /** Hash keys of previous encryption keys: a lead stored before a key rotation is still found. */
  previousHashKeys?: readonly Buffer[];
  now?: Date;
}

function hmac(key: Buffer, value: string): string {
  return createHmac("sha256", key).update(value).digest("hex");
}

/**
 * Stores a storefront lead: validated, rate-limited per client IP and per shop, deduplicated per
 * shop by an HMAC of the email, the email itself encrypted, consent recorded with the wording the
 * shopper saw (from our catalog, never from the request).
 */
export async function captureLead(
  deps: CaptureDeps,
  shop: string,
  form: Record<string, string>,
  clientIp: string,
): Promise<CaptureOutcome> {
  const language = normalizeLanguage(form.locale);
  const parsed = leadFormSchema.safeParse(form);
  if (!parsed.success) {
    return {
      status: "invalid",
      language,
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    };
  }
  const input = parsed.data;
  if (input.website) return { status: "ignored", language };

  for (const [key, rule] of [
    [`lead:ip:${shop}:${hmac(deps.hashKey, clientIp)}`, LEAD_LIMITS.perIp],
    [`lead:shop:${shop}`, LEAD_LIMITS.perShop],
  ] as const) {
    const decision = await hitRateLimit(deps.cache, key, rule);
    if (!decision.allowed)
      return { status: "rate_limited", retryAfterSeconds: decision.retryAfterSeconds, language };
  }

  const now = deps.now ?? new Date();
  const emailHash = hmac(deps.hashKey, input.email);
  const consent = input.consent
    ? { consent: true, consentText: t(language, "lead.consentText"), consentAt: now }
    : {};
  const hashes = [emailHash, ...(deps.previousHashKeys ?? []).map((k) => hmac(k, input.email))];
  const existing = await deps.prisma.lead.findFirst({ where: { shop, emailHash: { in: hashes } } });
  const lead = existing
    ? await deps.prisma.lead.update({
        where: { id: existing.id },
        // A later form without the box ticked never withdraws consent given earlier: that is an unsubscribe.
        data: { ...consent, campaign: input.campaign ?? existing.campaign, locale: language },
      })
    : await deps.prisma.lead.create({
        data: {
          shop,
          emailHash,
          email: deps.sealer.encrypt(input.email),
          campaign: input.campaign ?? null,
          locale: language,
          ...consent,
        },
      });
  return { status: "stored", lead, created: !existing, language };
}
