import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/admin-auth.server.js";
import { services } from "~/services.server.js";
import { exportAudit } from "~/trust/audit.server.js";

/** The shop's whole audit trail as a JSON Lines download, streamed page by page. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db } = await services();
  const lines = exportAudit(db.prisma, session.shop);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="ninjalead-activity-${day}.jsonl"`,
      "Cache-Control": "no-store",
    },
  });
};
