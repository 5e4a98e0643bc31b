import { redirect } from "@remix-run/node";
import { demoAuthEnabled } from "~/demo/demo-auth.server.js";
import { config } from "~/config.server.js";

/**
 * GET /demo — the demo's way into the admin without a Shopify login. It exists only with
 * NINJALEAD_DEMO=1 and the server bound to loopback; anywhere else it is a 404.
 */
export const loader = () => {
  if (!demoAuthEnabled(config())) throw new Response("Not Found", { status: 404 });
  return redirect("/app");
};
