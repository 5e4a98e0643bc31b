import { database } from "./services.server.js";

/** The shop's row, created on first sight (install) and un-marked if it had been uninstalled. */
export async function ensureShop(domain: string) {
  return database().prisma.shop.upsert({
    where: { domain },
    create: { domain },
    update: { uninstalledAt: null },
  });
}

/** app/uninstalled: sessions removed and the shop marked (its data is purged by shop/redact). */
export async function markUninstalled(domain: string): Promise<void> {
  const { prisma } = database();
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { shop: domain } }),
    prisma.shop.updateMany({ where: { domain }, data: { uninstalledAt: new Date() } }),
  ]);
}
