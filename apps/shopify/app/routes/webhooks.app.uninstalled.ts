import type { ActionFunctionArgs } from "@remix-run/node";
import { markUninstalled } from "~/shops.server.js";
import { authenticate } from "~/shopify.server.js";

/** app/uninstalled (HMAC verified by authenticate.webhook; a forged call gets 401). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await authenticate.webhook(request);
  await markUninstalled(shop);
  return new Response(null, { status: 200 });
};
