import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/admin-auth.server.js";
import { exportShopData } from "~/admin/shop-settings.server.js";
import { services } from "~/services.server.js";
import { staffActor } from "~/trust/actor.server.js";
import { recordAudit } from "~/trust/audit.server.js";

/** Everything the app stores about the shop as one JSON download, streamed table by table. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, demo } = await requireAdmin(request);
  const { db } = await services();
  await recordAudit(db.prisma, {
    shop: session.shop,
    actor: staffActor(session, demo),
    action: "settings.data_exported",
    target: { type: "shop", id: session.shop },
  });
  const chunks = exportShopData(db.sql, session.shop);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="ninjalead-data-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
};
