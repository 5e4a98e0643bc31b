import { checkReadiness } from "~/health.server.js";
import { appContext, services } from "~/services.server.js";

/**
 * GET /health/ready — 200 when the database, cache and queues answer; 503 naming what fails
 * otherwise. Also reports queue lag and the sync state.
 */
export const loader = async () => {
  const readiness = await checkReadiness(await services(), { queues: { ...appContext().queues } });
  return Response.json(
    { status: readiness.ok ? "ready" : "unavailable", ...readiness },
    { status: readiness.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
};
