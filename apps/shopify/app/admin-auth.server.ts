import type { Session } from "@shopify/shopify-app-remix/server";
import { demoAuthEnabled, demoSession } from "./demo/demo-auth.server.js";
import { appContext } from "./services.server.js";

/**
 * The admin routes' authentication: Shopify's (embedded, token exchange) — or, only in the demo
 * bound to loopback, the demo shop's session without a Shopify login.
 */
export async function requireAdmin(request: Request): Promise<{ session: Session; demo: boolean }> {
  const ctx = appContext();
  if (demoAuthEnabled(ctx.config)) {
    const session = await demoSession(ctx.config, ctx.db.prisma, ctx.sessionStorage);
    if (session) return { session, demo: true };
  }
  const { session } = await ctx.shopify.authenticate.admin(request);
  return { session, demo: false };
}
