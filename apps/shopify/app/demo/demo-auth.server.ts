import type { PrismaClient } from "@prisma/client";
import type { Session } from "@shopify/shopify-app-remix/server";
import type { AppConfig } from "../config.server.js";
import type { AppSessionStorage } from "../security/session-storage.server.js";

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * The demo signs the admin in without Shopify, so it must be impossible anywhere else: only with
 * NINJALEAD_DEMO=1 AND the server bound to a loopback address (no one else can reach it).
 */
export function demoAuthEnabled(config: Pick<AppConfig, "demo" | "host">): boolean {
  return config.demo && isLoopbackHost(config.host);
}

/**
 * The demo's admin session: the offline session of the shop installed on the local store
 * emulator. Throws when demo auth is not enabled (a caller bug, never a silent bypass).
 */
export async function demoSession(
  config: Pick<AppConfig, "demo" | "host">,
  prisma: PrismaClient,
  sessionStorage: AppSessionStorage,
): Promise<Session | undefined> {
  if (!demoAuthEnabled(config))
    throw new Error("demo auth is disabled (needs NINJALEAD_DEMO=1 and a loopback HOST)");
  const row = await prisma.session.findFirst({ where: { isOnline: false }, orderBy: { id: "asc" } });
  return row ? sessionStorage.loadSession(row.id) : undefined;
}

/** GET /demo: into the admin when demo sign-in is enabled, a 404 (as if absent) otherwise. */
export function demoEntry(config: Pick<AppConfig, "demo" | "host">): Response {
  if (!demoAuthEnabled(config)) return new Response("Not Found", { status: 404 });
  return new Response(null, { status: 302, headers: { Location: "/app" } });
}
