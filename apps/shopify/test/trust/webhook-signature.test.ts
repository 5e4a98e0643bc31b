import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhook, verifyWebhookSignature } from "~/trust/webhook-signature.server.js";

describe("outgoing webhook signatures", () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ event: "audit.finished", data: { score: 87 } });

  it("verifies what it signs, computed the documented way", () => {
    const t = 1_790_000_000;
    const header = signWebhook(secret, body, t);
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(verifyWebhookSignature(secret, body, header, { now: t * 1000 })).toEqual({
      ok: true,
      timestamp: t,
    });
  });

  it("refuses a tampered body, a wrong secret, a replayed old delivery and garbage", () => {
    const t = 1_790_000_000;
    const header = signWebhook(secret, body, t);
    const now = t * 1000;
    expect(verifyWebhookSignature(secret, body.replace("87", "88"), header, { now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifyWebhookSignature(newWebhookSecret(), body, header, { now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifyWebhookSignature(secret, body, header, { now: now + 301_000 })).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(verifyWebhookSignature(secret, body, "t=abc,v1=zz", { now })).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(verifyWebhookSignature(secret, body, undefined, { now })).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("accepts any of several v1 signatures (secret rotation)", () => {
    const t = 1_790_000_000;
    const old = signWebhook("whsec_old", body, t).split(",")[1];
    const header = `${signWebhook(secret, body, t)},${old}`;
    expect(verifyWebhookSignature("whsec_old", body, header, { now: t * 1000 }).ok).toBe(true);
  });
});
