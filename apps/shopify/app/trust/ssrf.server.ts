import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Addresses a merchant-supplied URL must never reach from our servers: loopback, private,
 * link-local (cloud metadata at 169.254.169.254), CGNAT, multicast, reserved, and their IPv6
 * equivalents (including IPv4-mapped forms).
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["64:ff9b::", 96],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return isPublicAddress(mapped[1]);
    return !blocked.check(address, "ipv6");
  }
  return !blocked.check(address, "ipv4");
}

export interface UrlPolicy {
  /** Allow loopback and private targets (tests, local development). Never in production. */
  allowPrivate: boolean;
  /** Resolve host names (inject for tests). */
  resolve?: (host: string) => Promise<string[]>;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Validates a URL we will call on a merchant's behalf (webhook endpoints): https (http only when
 * private targets are allowed), no credentials, and every address the host resolves to public.
 * Delivery must re-check at connect time too, since DNS can change after registration.
 */
export async function checkOutboundUrl(raw: string, policy: UrlPolicy): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not a valid URL" };
  }
  if (url.protocol !== "https:" && !(policy.allowPrivate && url.protocol === "http:")) {
    return { ok: false, reason: "must use https" };
  }
  if (url.username || url.password) return { ok: false, reason: "must not contain credentials" };
  if (policy.allowPrivate) return { ok: true, url };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const resolve =
    policy.resolve ??
    (async (h: string) => (await lookup(h, { all: true, verbatim: true })).map((a) => a.address));
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return { ok: false, reason: "host does not resolve" };
  }
  if (addresses.length === 0) return { ok: false, reason: "host does not resolve" };
  const internal = addresses.find((a) => !isPublicAddress(a));
  return internal
    ? { ok: false, reason: `resolves to a non-public address (${internal})` }
    : { ok: true, url };
}
