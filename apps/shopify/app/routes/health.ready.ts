import { checkReadiness } from "~/health.server.js";
import { services } from "~/services.server.js";

/** GET /health/ready — 200 when the database and cache answer; 503 naming what fails otherwise. */
export const loader = async () => {
  const readiness = await checkReadiness(await services());
  return Response.json(
    { status: readiness.ok ? "ready" : "unavailable", ...readiness },
    { status: readiness.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
};
