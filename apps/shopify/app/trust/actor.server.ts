import type { Session } from "@shopify/shopify-app-remix/server";
import type { Actor } from "./audit.server.js";

/** Who acts in an admin request, for the audit trail: the staff user when Shopify tells us, else the shop owner. */
export function staffActor(session: Session, demo: boolean): Actor {
  if (demo) return { type: "staff", id: "demo" };
  const user = session.onlineAccessInfo?.associated_user.id;
  return { type: "staff", id: user === undefined ? "owner" : String(user) };
}
