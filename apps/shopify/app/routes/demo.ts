import { config } from "~/config.server.js";
import { demoEntry } from "~/demo/demo-auth.server.js";

/**
 * GET /demo — the demo's way into the admin without a Shopify login. It exists only with
 * NINJALEAD_DEMO=1 and the server bound to loopback; anywhere else it is a 404.
 */
export const loader = () => {
  const response = demoEntry(config());
  if (response.status === 404) throw response;
  return response;
};
