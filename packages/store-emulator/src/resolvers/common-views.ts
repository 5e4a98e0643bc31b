// Shared view pieces: money, counts, metafields.
import { createHash } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import { toGid } from "../gid.js";
import type { ConnectionArgs } from "../graphql/connection.js";
import type { MetafieldRecord } from "../store/types.js";
import { byId, resolveConnection, type ResolverContext, type View } from "./context.js";
import { resolveNamespace } from "./metafield-input.js";

export function money(amount: string | number, currencyCode: string): View {
  return { amount: typeof amount === "number" ? amount.toFixed(2) : amount, currencyCode };
}

export function moneyBag(amount: string | number, currencyCode: string): View {
  const value = money(amount, currencyCode);
  return { shopMoney: value, presentmentMoney: value };
}

export const count = (n: number): View => ({ count: n, precision: "EXACT" });

/** Digest Shopify computes over translatable content (sha256 hex of the value). */
export function contentDigest(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

// ── metafields ────────────────────────────────────────────────────────────────────────────────

export function metafieldView(metafield: MetafieldRecord, ownerType: string, owner: () => View | null): View {
  return {
    __typename: "Metafield",
    id: toGid("Metafield", metafield.id),
    legacyResourceId: String(metafield.id),
    namespace: metafield.namespace,
    key: metafield.key,
    type: metafield.type,
    value: metafield.value,
    jsonValue: () => parseJsonValue(metafield),
    compareDigest: contentDigest(`${metafield.namespace}.${metafield.key}:${metafield.value}`),
    createdAt: metafield.createdAt,
    updatedAt: metafield.updatedAt,
    ownerType,
    owner,
    definition: null,
    description: null,
    reference: null,
    sizeInBytes: Buffer.byteLength(metafield.value),
    translations: [],
  };
}

function parseJsonValue(metafield: MetafieldRecord): unknown {
  if (metafield.type === "json" || metafield.type.startsWith("list.") || metafield.type === "rating") {
    try {
      return JSON.parse(metafield.value);
    } catch {
      return metafield.value;
    }
  }
  if (metafield.type === "number_integer") return Number.parseInt(metafield.value, 10);
  if (metafield.type === "number_decimal") return metafield.value;
  if (metafield.type === "boolean") return metafield.value === "true";
  return metafield.value;
}

interface MetafieldArgs extends ConnectionArgs {
  namespace?: string | null;
  keys?: string[] | null;
}

/** `metafield(namespace, key)` and `metafields(...)` fields for any owner. */
export function metafieldFields(
  metafields: () => MetafieldRecord[],
  ownerType: string,
  owner: () => View,
): View {
  return {
    metafield: (args: { namespace?: string | null; key: string }, ctx: ResolverContext) => {
      const namespace = resolveNamespace(args.namespace, ctx.services.app.id);
      const found = metafields().find((m) => m.namespace === namespace && m.key === args.key);
      return found ? metafieldView(found, ownerType, owner) : null;
    },
    metafields: (args: MetafieldArgs, ctx: ResolverContext, info: GraphQLResolveInfo) => {
      let list = metafields();
      if (args.namespace) {
        const namespace = resolveNamespace(args.namespace, ctx.services.app.id);
        list = list.filter((m) => m.namespace === namespace);
      }
      if (args.keys) {
        const wanted = new Set(args.keys);
        list = list.filter((m) => wanted.has(`${m.namespace}.${m.key}`));
      }
      return resolveConnection(list, args, ctx, info, byId, (m) => metafieldView(m, ownerType, owner));
    },
  };
}
