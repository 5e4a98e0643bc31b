import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { aiForShop } from "~/ai.server.js";
import { dispatch } from "~/api/define.server.js";
import { buildOpenApi } from "~/api/openapi.server.js";
import { apiRoutes } from "~/api/routes.server.js";
import { appContext, services } from "~/services.server.js";

/** Every /api/v1 request goes through one dispatcher (auth, scopes, limits, validation). */
async function handle(request: Request): Promise<Response> {
  const svc = await services();
  if (new URL(request.url).pathname === "/api/v1/openapi.json" && request.method === "GET") {
    return Response.json(buildOpenApi(apiRoutes, `${svc.config.appUrl}`), {
      headers: { "Cache-Control": "public, max-age=300" },
    });
  }
  return dispatch(apiRoutes, request, {
    ...svc,
    integrations: { admin: (shop) => appContext().admin(shop), ai: aiForShop },
  });
}

export const loader = ({ request }: LoaderFunctionArgs) => handle(request);
export const action = ({ request }: ActionFunctionArgs) => handle(request);
