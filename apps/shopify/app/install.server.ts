import type { Session } from "@shopify/shopify-app-remix/server";
import type { AppContext } from "./context.server.js";
import { queueInitialSync } from "./jobs/workers.server.js";
import { ensureShop } from "./shops.server.js";
import { ensureStorefrontDefinitions } from "./storefront/definitions.server.js";

/**
 * What follows a successful install (shopify-app-remix's afterAuth, or the demo's install on the
 * emulator): the offline session stored (tokens encrypted), the shop recorded, the initial bulk
 * syncs of products, customers and orders queued, the theme extension's metafield definitions
 * created (idempotent; a failure is logged and retried at the next auth, never blocks install).
 *
 * @example
 * await completeInstall(ctx, session);
 */
export async function completeInstall(ctx: AppContext, session: Session): Promise<void> {
  await ctx.sessionStorage.storeSession(session);
  await ensureShop(ctx.db.prisma, session.shop);
  await queueInitialSync(ctx, session.shop);
  try {
    const definitions = await ensureStorefrontDefinitions(ctx.admin(session.shop));
    ctx.logger.info("storefront metafield definitions ready", { shop: session.shop, ...definitions });
  } catch (error) {
    ctx.logger.error("storefront metafield definitions not created", {
      shop: session.shop,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  ctx.logger.info("shop installed; initial sync queued", { shop: session.shop });
}
