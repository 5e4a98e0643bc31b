import type { ActionFunctionArgs } from "@remix-run/node";
import { captureLead } from "~/leads/capture.server.js";
import { needsCustomerSync, syncLeadToCustomer } from "~/leads/customer-sync.server.js";
import { t } from "~/i18n/t.js";
import { emailHashKey } from "~/security/personal-data.server.js";
import { createTokenCipher } from "~/security/token-cipher.server.js";
import { appContext, services } from "~/services.server.js";
import { authenticate } from "~/shopify.server.js";

/**
 * POST /apps/ninjalead/lead on the storefront, forwarded by Shopify's app proxy to /proxy/lead.
 * The proxy signature is verified (forged or stale → 401), then the lead is captured and, with
 * consent, written to the shop's customers (a failure is kept on the lead and retried by the
 * ticker; the shopper's answer does not depend on it). Answers JSON
 * to the widget's fetch, or a themed Liquid message to a plain form post (no JavaScript).
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  let proxy: Awaited<ReturnType<typeof authenticate.public.appProxy>>;
  try {
    proxy = await authenticate.public.appProxy(request);
  } catch (error) {
    if (error instanceof Response && error.status === 400)
      return new Response("Invalid signature", { status: 401 });
    throw error;
  }
  const svc = await services();
  // The HMAC check covered `shop`, so it is Shopify's word, not the shopper's.
  const shop = new URL(request.url).searchParams.get("shop") ?? "";
  const data = await request.formData();
  const form = Object.fromEntries(
    [...data.entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const clientIp = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "unknown";
  const outcome = await captureLead(
    {
      prisma: svc.db.prisma,
      cache: svc.cache,
      sealer: createTokenCipher(svc.config.encryptionKey, svc.config.encryptionPreviousKeys),
      hashKey: emailHashKey(svc.config.encryptionKey),
      previousHashKeys: svc.config.encryptionPreviousKeys.map(emailHashKey),
    },
    shop,
    form,
    clientIp,
  );

  if (outcome.status === "stored" && needsCustomerSync(outcome.lead)) {
    const cipher = createTokenCipher(svc.config.encryptionKey, svc.config.encryptionPreviousKeys);
    const synced = await syncLeadToCustomer(
      { prisma: svc.db.prisma, admin: (s) => appContext().admin(s), sealer: cipher },
      outcome.lead,
    );
    if (synced.status === "failed")
      svc.logger.warn("lead not written to the store yet", { shop, error: synced.error });
  }

  const { language } = outcome;
  const [status, message, extra] = ((): [number, string, Record<string, unknown>] => {
    switch (outcome.status) {
      case "stored":
        return [outcome.created ? 201 : 200, t(language, "lead.thanks"), { consent: outcome.lead.consent }];
      case "ignored":
        return [200, t(language, "lead.thanks"), {}];
      case "invalid":
        return [422, t(language, "lead.invalidEmail"), { issues: outcome.issues }];
      case "rate_limited":
        return [429, t(language, "lead.tooMany"), { retryAfterSeconds: outcome.retryAfterSeconds }];
    }
  })();
  const headers: Record<string, string> =
    outcome.status === "rate_limited" ? { "Retry-After": String(outcome.retryAfterSeconds) } : {};
  if ((request.headers.get("accept") ?? "").includes("application/json")) {
    return Response.json({ ok: status < 300, message, ...extra }, { status, headers });
  }
  // Liquid output is rendered by the theme: escape what we print (messages are ours, but still).
  const safe = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return proxy.liquid(`<div class="ninjalead-lead-result" role="status"><p>${safe}</p></div>`, {
    status,
    headers,
  });
};
