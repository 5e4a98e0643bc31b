import type { ApiRoute } from "./define.server.js";
import { auditRoutes } from "./routes/audits.server.js";
import { campaignRoutes } from "./routes/campaigns.server.js";
import { importRoutes } from "./routes/imports.server.js";
import { jobRoutes } from "./routes/jobs.server.js";
import { personaRoutes } from "./routes/personas.server.js";
import { productRoutes } from "./routes/products.server.js";
import { segmentRoutes } from "./routes/segments.server.js";

/**
 * Every endpoint of /api/v1, one file per resource under routes/. The dispatcher, the OpenAPI
 * document and the isolation and fuzz suites all read this list, so a new endpoint is covered by them.
 */
export const apiRoutes: readonly ApiRoute[] = [
  ...productRoutes,
  ...auditRoutes,
  ...segmentRoutes,
  ...importRoutes,
  ...jobRoutes,
  ...personaRoutes,
  ...campaignRoutes,
];
