import { checkReadiness } from "~/health.server.js";
import { services } from "~/services.server.js";

const started = Date.now();

/** GET /health — a summary for humans and dashboards. */
export const loader = async () => {
  const readiness = await checkReadiness(await services());
  return Response.json(
    {
      status: readiness.ok ? "ok" : "degraded",
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      node: process.version,
      database: readiness.database,
      cache: readiness.cache,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
};
