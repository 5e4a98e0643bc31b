import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { ApiKey, Prisma, PrismaClient } from "@prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

/** Resources of the public API; a key holds `resource:read` or `resource:write` (write implies read). */
export const API_RESOURCES = [
  "products",
  "audits",
  "personas",
  "segments",
  "campaigns",
  "imports",
  "jobs",
] as const;
export type ApiResource = (typeof API_RESOURCES)[number];
export type ApiScope = `${ApiResource}:${"read" | "write"}`;
export const API_SCOPES: readonly ApiScope[] = API_RESOURCES.flatMap(
  (r) => [`${r}:read`, `${r}:write`] as const,
);

const KEY_PATTERN = /^(nl_[A-Za-z0-9]{8})_[A-Za-z0-9_-]{32,}$/;
// Refreshing last-used on every call would turn each read into a write; once a minute is enough.
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiKeyPrincipal {
  id: string;
  shop: string;
  prefix: string;
  scopes: ApiScope[];
}

function alnum(bytes: number): string {
  return randomBytes(bytes).toString("base64url").replace(/[-_]/g, "").slice(0, bytes);
}

/** HMAC with a server-side key: a stolen table alone cannot be brute-forced offline. */
function hashKey(serverKey: Buffer, key: string): string {
  return createHmac("sha256", serverKey).update(key).digest("hex");
}

/**
 * Creates a key for a shop. The returned `key` is shown to the merchant once and never stored.
 */
export async function createApiKey(
  prisma: Db,
  serverKey: Buffer,
  input: { shop: string; name: string; scopes: readonly ApiScope[]; createdBy?: string },
): Promise<{ key: string; record: ApiKey }> {
  const prefix = `nl_${alnum(8)}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  const record = await prisma.apiKey.create({
    data: {
      shop: input.shop,
      name: input.name,
      prefix,
      hash: hashKey(serverKey, key),
      scopes: [...new Set(input.scopes)],
      createdBy: input.createdBy ?? null,
    },
  });
  return { key, record };
}

/** Resolves `Authorization: Bearer <key>` to its shop and scopes, or null (unknown, revoked, malformed). */
export async function authenticateApiKey(
  prisma: PrismaClient,
  serverKey: Buffer,
  authorization: string | null,
  now = new Date(),
): Promise<ApiKeyPrincipal | null> {
  const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  const prefix = key ? KEY_PATTERN.exec(key)?.[1] : undefined;
  if (!key || !prefix) return null;
  const record = await prisma.apiKey.findUnique({ where: { prefix } });
  if (!record || record.revokedAt) return null;
  const expected = Buffer.from(record.hash, "hex");
  const given = Buffer.from(hashKey(serverKey, key), "hex");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  return { id: record.id, shop: record.shop, prefix: record.prefix, scopes: record.scopes.filter(isScope) };
}

function isScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** True when the key may do `access` on `resource` (write implies read). */
export function hasScope(
  scopes: readonly ApiScope[],
  resource: ApiResource,
  access: "read" | "write",
): boolean {
  return scopes.includes(`${resource}:write`) || (access === "read" && scopes.includes(`${resource}:read`));
}

/** Revokes a shop's key; a key of another shop is "not found", never touched. */
export async function revokeApiKey(prisma: Db, shop: string, id: string, now = new Date()): Promise<boolean> {
  const { count } = await prisma.apiKey.updateMany({
    where: { id, shop, revokedAt: null },
    data: { revokedAt: now },
  });
  return count === 1;
}
