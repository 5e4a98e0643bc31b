import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

/** The Admin API version this emulator speaks (and whose schema it validates against). */
export const API_VERSION = "2026-10";

/**
 * Absolute path of the gzipped introspection of Shopify's Admin API 2026-10, as Shopify publishes
 * it (copied from `@shopify/dev-mcp@1.16.0`). The app's codegen points at the same file.
 */
export const ADMIN_SCHEMA_PATH = fileURLToPath(new URL("../schema/admin-2026-10.json.gz", import.meta.url));

let cached: GraphQLSchema | undefined;

/**
 * Loads Shopify's Admin API 2026-10 schema once per process (about 0.3 s) and caches it.
 *
 * @example
 * const schema = loadAdminSchema();
 * validate(schema, parse("{ shop { name } }")); // → []
 */
export function loadAdminSchema(): GraphQLSchema {
  if (cached) return cached;
  const raw = JSON.parse(gunzipSync(readFileSync(ADMIN_SCHEMA_PATH)).toString("utf8")) as {
    data?: IntrospectionQuery;
  } & Partial<IntrospectionQuery>;
  const introspection = raw.data ?? (raw as IntrospectionQuery);
  cached = buildClientSchema(introspection);
  return cached;
}
