import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { createMemoryCache, silentLogger } from "@ninjalead/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyHashKey, dispatch, type ApiServices } from "~/api/define.server.js";
import { apiRoutes } from "~/api/routes.server.js";
import { loadConfig } from "~/config.server.js";
import { openDatabase } from "~/db/client.server.js";
import { applyMigrations, defaultPrismaPaths } from "~/db/migrations.server.js";
import { API_SCOPES, createApiKey } from "~/trust/api-keys.server.js";

const root = fileURLToPath(new URL("../../../..", import.meta.url));
let services: ApiServices & { close(): Promise<void> };
let key = "";

beforeAll(async () => {
  const db = openDatabase({ kind: "pglite", dataDir: "memory" });
  await applyMigrations(defaultPrismaPaths(root), db.adapterFactory);
  services = {
    config: loadConfig({}),
    db,
    cache: createMemoryCache({ maxEntries: 100_000 }),
    logger: silentLogger,
    close: () => db.close(),
  };
  key = (
    await createApiKey(db.prisma, apiKeyHashKey(services), {
      shop: "fuzz.myshopify.com",
      name: "fuzz",
      scopes: API_SCOPES,
    })
  ).key;
});
afterAll(async () => {
  await services.close();
});

const jsonish = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constantFrom(
    "{",
    "[]",
    "null",
    '{"productId":1}',
    '{"productId":"-1"}',
    '{"productId":"99999999999999999999999"}',
    '{"productId":"18446744073709551615"}',
    '{"__proto__":{"x":1}}',
  ),
);
const pathSegment = fc.oneof(
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom(
    "1",
    "0",
    "-1",
    "%00",
    "..",
    "1e9",
    "99999999999999999999",
    "9223372036854775808",
    "99999999999999999999999",
  ),
);
const query = fc.dictionary(fc.constantFrom("limit", "cursor", "status", "x"), fc.string({ maxLength: 40 }), {
  maxKeys: 3,
});

describe("fuzzing the public API (thousands of malformed requests)", () => {
  it("answers every one with a coded 4xx (or 2xx), never a 5xx, and writes nothing on refusal", async () => {
    const before = await services.db.prisma.auditEvent.count();
    let successes = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...apiRoutes),
        fc.constantFrom("GET", "POST", "DELETE", "PUT"),
        pathSegment,
        query,
        jsonish,
        fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
        async (route, method, segment, params, body, idem) => {
          const path = route.path.replace(/\{\w+\}/g, segment);
          const url = `http://app.test${path}?${new URLSearchParams(params).toString()}`;
          const headers: Record<string, string> = { authorization: `Bearer ${key}` };
          if (idem !== undefined) headers["idempotency-key"] = idem;
          const request = new Request(url, {
            method,
            headers,
            ...(method === "GET" || method === "DELETE" ? {} : { body }),
          });
          const res = await dispatch(apiRoutes, request, services);
          expect(res.status, `${method} ${url} ${body}`).toBeLessThan(500);
          const json = (await res.json()) as { error?: { code: string; message: string } };
          if (res.status >= 400) {
            expect(json.error?.code).toBeTruthy();
            expect(json.error?.message).toBeTruthy();
          } else {
            successes += 1;
          }
        },
      ),
      { numRuns: 2_000, seed: 20261125 },
    );
    // No product exists in this shop, so no audit can have run: every write was refused.
    expect(await services.db.prisma.auditEvent.count()).toBe(before);
    expect(successes).toBeGreaterThan(0); // list calls with valid queries do succeed
  });
});
