import { z } from "zod";
import { recordAudit } from "../../trust/audit.server.js";
import { emitEvent } from "../../trust/outgoing-webhooks.server.js";
import { defineApiRoute, type ApiRoute } from "../define.server.js";
import { auditResult, auditView, findProduct, productId, shopLanguage } from "./products.server.js";

/** Running an audit now (recorded in the audit trail, announced by the audit.finished webhook). */
export const auditRoutes: readonly ApiRoute[] = [
  defineApiRoute({
    method: "POST",
    path: "/api/v1/audits",
    operationId: "runAudit",
    summary:
      "Audits a synced product now: records it in the audit trail and sends the audit.finished webhook.",
    resource: "audits",
    access: "write",
    status: 201,
    body: z.object({ productId }).strict(),
    response: auditResult,
    handler: async ({ shop, body, services, principal, requestId }) => {
      const { prisma } = services.db;
      const result = auditView(
        await findProduct(prisma, shop, body.productId),
        await shopLanguage(prisma, shop),
        shop,
      );
      await prisma.$transaction(async (tx) => {
        await recordAudit(tx, {
          shop,
          actor: { type: "api_key", id: principal.prefix },
          action: "audit.run",
          target: { type: "product", id: body.productId },
          summary: { seo: result.scores.seo, readability: result.scores.readability },
          requestId,
        });
        await emitEvent(tx, {
          shop,
          event: "audit.finished",
          data: { productId: body.productId, scores: result.scores },
        });
      });
      return result;
    },
  }),
];
