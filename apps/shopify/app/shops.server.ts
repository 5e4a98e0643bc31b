import type { PrismaClient } from "@prisma/client";

/** How long an uninstalled shop's data is kept (Shopify sends shop/redact 48 hours after uninstall). */
export const PURGE_AFTER_MS = 48 * 3_600_000;

/** The shop's row, created on first sight (install) and un-marked if it had been uninstalled. */
export async function ensureShop(prisma: PrismaClient, domain: string) {
  return prisma.shop.upsert({
    where: { domain },
    create: { domain },
    update: { uninstalledAt: null, purgeAfter: null },
  });
}

/**
 * app/uninstalled: sessions removed (the token is dead anyway), the shop marked, and the date set
 * after which its data is purged unless it reinstalls. Returns that date.
 */
export async function markUninstalled(prisma: PrismaClient, domain: string, now = new Date()): Promise<Date> {
  const purgeAfter = new Date(now.getTime() + PURGE_AFTER_MS);
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { shop: domain } }),
    prisma.shop.upsert({
      where: { domain },
      create: { domain, uninstalledAt: now, purgeAfter },
      update: { uninstalledAt: now, purgeAfter },
    }),
  ]);
  return purgeAfter;
}

/** True when the shop is still uninstalled and its purge date has passed (a reinstall cancels it). */
export async function isDueForPurge(
  prisma: PrismaClient,
  domain: string,
  now = new Date(),
): Promise<boolean> {
  const shop = await prisma.shop.findUnique({ where: { domain } });
  return Boolean(shop?.uninstalledAt && shop.purgeAfter && shop.purgeAfter <= now);
}
