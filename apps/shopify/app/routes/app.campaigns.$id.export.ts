import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/admin-auth.server.js";
import { exportCampaign } from "~/campaigns/campaigns.server.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t } from "~/i18n/t.js";
import { MarketingError } from "~/personas/errors.server.js";
import { services } from "~/services.server.js";

/** Downloads a campaign's copy: `?format=text|csv|html`, optionally `&variant=A|B&language=fr`. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db } = await services();
  const query = new URL(request.url).searchParams;
  const lang = languageFromRequest(request);
  try {
    const file = await exportCampaign(
      db.prisma,
      session.shop,
      params.id ?? "",
      {
        format: query.get("format") ?? "",
        ...(query.get("variant") ? { variant: query.get("variant") } : {}),
        ...(query.get("language") ? { language: query.get("language") } : {}),
      },
      lang,
    );
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (!(error instanceof MarketingError)) throw error;
    const detail = Object.values(error.fields)[0];
    return new Response(t(lang, detail?.key ?? error.key, detail?.params), {
      status: error.code === "not_found" ? 404 : 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
};
