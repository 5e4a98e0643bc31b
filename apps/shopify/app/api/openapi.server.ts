import { z } from "zod";
import type { ApiRoute } from "./define.server.js";

const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  }),
});

const schema = (s: z.ZodType, io: "input" | "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });

function parameters(route: ApiRoute): object[] {
  const list: object[] = [];
  for (const [where, s] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    if (!s) continue;
    const json = schema(s, "input") as { properties?: Record<string, object>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        schema: prop,
      });
    }
  }
  return list;
}

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the dispatcher
 * validates with (never hand-written, so it cannot drift from the code).
 */
export function buildOpenApi(routes: readonly ApiRoute[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const errors = (codes: number[]) =>
      Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/Error${c}` }]));
    const operations = (paths[route.path] ??= {});
    operations[route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.resource],
      security: [{ apiKey: [] }],
      "x-required-scope": `${route.resource}:${route.access}`,
      parameters: [
        ...parameters(route),
        ...(route.method === "POST"
          ? [
              {
                name: "Idempotency-Key",
                in: "header",
                required: false,
                schema: { type: "string", minLength: 8, maxLength: 200 },
              },
            ]
          : []),
      ],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: schema(route.body, "input") } },
            },
          }
        : {}),
      responses: {
        [String(route.status ?? 200)]: {
          description: "Success",
          content: { "application/json": { schema: schema(route.response, "output") } },
        },
        ...errors([400, 401, 403, 404, 429, 503]),
        ...(route.method === "POST" ? errors([402, 409, 422]) : {}),
      },
    };
  }
  const errorResponse = (description: string) => ({
    description,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "NinjaLead API",
      version: "1.0.0",
      description:
        "Your shop's NinjaLead data and actions. Authenticate with an API key from Settings → API keys: `Authorization: Bearer <key>`. Rate limits are announced in RateLimit-* headers.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "A NinjaLead API key (nl_…)" },
      },
      schemas: { Error: schema(errorBody, "output") },
      responses: {
        Error400: errorResponse("Invalid input: `issues` names each field"),
        Error401: errorResponse("Missing, invalid or revoked API key"),
        Error403: errorResponse("The key lacks the required scope"),
        Error404: errorResponse("Not found in this shop"),
        Error402: errorResponse("The shop's AI credits for the month are used up"),
        Error409: errorResponse(
          "Not possible in the current state (e.g. no customers to ground personas in)",
        ),
        Error422: errorResponse("Idempotency-Key reused with a different request"),
        Error429: errorResponse("Rate limited: see Retry-After"),
        Error503: errorResponse("Temporarily unavailable (database or store): retry after Retry-After"),
      },
    },
  };
}
