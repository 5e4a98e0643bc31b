import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server.js";

/** OAuth callback and token-exchange bounce pages, handled by shopify-app-remix. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};
