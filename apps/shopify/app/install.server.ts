import type { Session } from "@shopify/shopify-app-remix/server";
import type { AppContext } from "./context.server.js";
import { queueInitialSync } from "./jobs/workers.server.js";
import { ensureShop } from "./shops.server.js";

/**
 * What follows a successful install (shopify-app-remix's afterAuth, or the demo's install on the
 * emulator): the offline session stored (tokens encrypted), the shop recorded, the initial bulk
 * syncs of products, customers and orders queued.
 *
 * @example
 * await completeInstall(ctx, session);
 */
export async function completeInstall(ctx: AppContext, session: Session): Promise<void> {
  await ctx.sessionStorage.storeSession(session);
  await ensureShop(ctx.db.prisma, session.shop);
  await queueInitialSync(ctx, session.shop);
  ctx.logger.info("shop installed; initial sync queued", { shop: session.shop });
}
