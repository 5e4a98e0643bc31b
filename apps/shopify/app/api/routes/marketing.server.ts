import { MarketingError } from "../../personas/errors.server.js";
import { t } from "../../i18n/t.js";
import type { ApiContext, ApiIntegrations } from "../define.server.js";
import { ApiError } from "../errors.server.js";

/** The persona and campaign services' refusals as API errors (messages in English). */
export function marketingApiError(error: unknown): unknown {
  if (!(error instanceof MarketingError)) return error;
  switch (error.code) {
    case "invalid_input":
      return new ApiError(
        "validation_failed",
        t("en", error.key),
        Object.entries(error.fields).map(([field, f]) => ({
          path: `body.${field}`,
          message: f ? t("en", f.key, f.params) : field,
        })),
      );
    case "not_found":
      return new ApiError("not_found", t("en", error.key));
    case "no_customers":
    case "conflict":
      return new ApiError("conflict", t("en", error.key));
    case "quota_exceeded":
      return new ApiError("quota_exceeded", t("en", error.key));
    case "ai_unavailable":
      return new ApiError("unavailable", t("en", error.key), [], { "Retry-After": "30" });
  }
}

/** Runs a persona/campaign service call, translating its refusals. */
export async function marketing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw marketingApiError(error);
  }
}

/** What a generating endpoint needs: the shop's AI engine, and who acts (the API key). */
export async function marketingDeps(ctx: ApiContext<unknown, unknown, unknown>) {
  const integrations: ApiIntegrations | undefined = ctx.services.integrations;
  if (!integrations) throw new ApiError("unavailable", "The AI engine is not available");
  return {
    prisma: ctx.services.db.prisma,
    ai: await integrations.ai(ctx.shop),
    shop: ctx.shop,
    actor: { type: "api_key" as const, id: ctx.principal.prefix },
    requestId: ctx.requestId,
  };
}
