import type { Language } from "@ninjalead/core/i18n";
import { requireAdmin } from "~/admin-auth.server.js";
import { aiForShop } from "~/ai.server.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { services } from "~/services.server.js";
import { staffActor } from "~/trust/actor.server.js";
import { MarketingError, type FieldErrors } from "./errors.server.js";
import type { MarketingMessageKey } from "~/i18n/marketing-messages.js";
import type { MarketingDeps } from "./personas.server.js";

/** What the personas and campaigns routes' actions need: the shop, its engine, the acting staff user. */
export async function marketingRequest(request: Request): Promise<{ lang: Language; deps: MarketingDeps }> {
  const { session, demo } = await requireAdmin(request);
  const { db } = await services();
  return {
    lang: languageFromRequest(request),
    deps: {
      prisma: db.prisma,
      ai: await aiForShop(session.shop),
      shop: session.shop,
      actor: staffActor(session, demo),
      ...(request.headers.get("x-request-id")
        ? { requestId: request.headers.get("x-request-id") ?? "" }
        : {}),
    },
  };
}

export type ActionAnswer<T> =
  | ({ ok: true; intent: string } & T)
  | { ok: false; intent: string; message: MarketingMessageKey; errors: FieldErrors };

/**
 * Runs an action's work; a refused request (MarketingError) becomes the page's inline errors and
 * banner instead of an error page. Anything else is a real failure and propagates.
 */
export async function answer<T extends object>(
  intent: string,
  work: () => Promise<T>,
): Promise<ActionAnswer<T>> {
  try {
    return { ok: true, intent, ...(await work()) };
  } catch (error) {
    if (error instanceof MarketingError)
      return { ok: false, intent, message: error.key, errors: error.fields };
    throw error;
  }
}

/** A form field as a string ("" when absent). */
export function field(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}
