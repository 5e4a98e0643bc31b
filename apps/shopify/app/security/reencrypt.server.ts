import type { PrismaClient } from "@prisma/client";
import type { PersonalDataCipher } from "./personal-data.server.js";
import { TokenCipherError } from "./token-cipher.server.js";

export interface ReencryptCounts {
  /** Rows re-sealed with the active key (and re-hashed). */
  resealed: number;
  /** Rows sealed with a key no longer in the ring: left as they are, for an operator to look at. */
  unreadable: number;
}

export interface ReencryptReport {
  customers: ReencryptCounts;
  leads: ReencryptCounts;
  webhookSecrets: ReencryptCounts;
}

export interface ReencryptOptions {
  /** Rows per batch (one transaction each). */
  batchSize?: number;
  /** Called after every batch: the job records its progress here. */
  onBatch?: (report: ReencryptReport) => Promise<void> | void;
  /** Stop after this many batches (the rest is done by the next run: the work is resumable). */
  maxBatches?: number;
}

/** SQL LIKE pattern of a value sealed with the active key. */
const activePattern = (pd: PersonalDataCipher) => `nl1.${pd.activeKeyId}.%`;

/**
 * After a key rotation (new key in ENCRYPTION_KEY, the old one moved to ENCRYPTION_PREVIOUS_KEYS),
 * re-seals every personal field and webhook secret not sealed with the active key, and recomputes
 * the email lookup hashes under it. Batched (one short transaction per batch) and resumable: it
 * selects only stale rows, so a run stopped half-way simply continues where the last one left.
 * Values still in plaintext (written before encryption) are sealed too.
 */
export async function reencryptAtRest(
  prisma: PrismaClient,
  pd: PersonalDataCipher,
  options: ReencryptOptions = {},
): Promise<ReencryptReport> {
  const batchSize = options.batchSize ?? 500;
  const report: ReencryptReport = {
    customers: { resealed: 0, unreadable: 0 },
    leads: { resealed: 0, unreadable: 0 },
    webhookSecrets: { resealed: 0, unreadable: 0 },
  };
  const pattern = activePattern(pd);
  let batches = 0;
  const more = () => options.maxBatches === undefined || batches < options.maxBatches;
  const tryOpen = (value: string | null): { ok: true; value: string | null } | { ok: false } => {
    try {
      return { ok: true, value: pd.open(value) };
    } catch (error) {
      if (error instanceof TokenCipherError) return { ok: false };
      throw error;
    }
  };

  // Customers: keyset over (shop, id) so unreadable rows, left stale, are not selected forever.
  let after: { shop: string; id: bigint } | null = null;
  while (more()) {
    const rows: { shop: string; id: bigint; email: string | null; firstName: string | null }[] =
      await prisma.$queryRaw`
      SELECT shop, id, email, "firstName" FROM "Customer"
      WHERE ((email IS NOT NULL AND email NOT LIKE ${pattern})
          OR ("firstName" IS NOT NULL AND "firstName" NOT LIKE ${pattern}))
        AND (${after === null} OR (shop, id) > (${after?.shop ?? ""}, ${after?.id ?? 0n}))
      ORDER BY shop, id LIMIT ${batchSize}`;
    if (rows.length === 0) break;
    await prisma.$transaction(async (tx) => {
      for (const row of rows) {
        const email = tryOpen(row.email);
        const firstName = tryOpen(row.firstName);
        if (!email.ok || !firstName.ok) {
          report.customers.unreadable++;
          continue;
        }
        await tx.customer.update({
          where: { shop_id: { shop: row.shop, id: row.id } },
          data: {
            email: pd.seal(email.value),
            emailHash: email.value ? pd.emailHash(email.value) : null,
            firstName: pd.seal(firstName.value),
          },
        });
        report.customers.resealed++;
      }
    });
    const last = rows.at(-1);
    after = last ? { shop: last.shop, id: last.id } : after;
    batches++;
    await options.onBatch?.(report);
  }

  // Leads: the email is sealed; the dedupe hash moves to the active key with it.
  let afterLead = "";
  while (more()) {
    const rows = await prisma.lead.findMany({
      where: { NOT: { email: { startsWith: `nl1.${pd.activeKeyId}.` } }, id: { gt: afterLead } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, email: true },
    });
    if (rows.length === 0) break;
    await prisma.$transaction(async (tx) => {
      for (const row of rows) {
        const email = tryOpen(row.email);
        if (!email.ok || email.value === null) {
          report.leads.unreadable++;
          continue;
        }
        await tx.lead.update({
          where: { id: row.id },
          data: { email: pd.seal(email.value) ?? "", emailHash: pd.emailHash(email.value) },
        });
        report.leads.resealed++;
      }
    });
    afterLead = rows.at(-1)?.id ?? afterLead;
    batches++;
    await options.onBatch?.(report);
  }

  // Outgoing webhook signing secrets (sealed with the same ring).
  let afterEndpoint = "";
  while (more()) {
    const rows = await prisma.webhookEndpoint.findMany({
      where: { NOT: { secret: { startsWith: `nl1.${pd.activeKeyId}.` } }, id: { gt: afterEndpoint } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, secret: true },
    });
    if (rows.length === 0) break;
    await prisma.$transaction(async (tx) => {
      for (const row of rows) {
        const secret = tryOpen(row.secret);
        if (!secret.ok || secret.value === null) {
          report.webhookSecrets.unreadable++;
          continue;
        }
        await tx.webhookEndpoint.update({
          where: { id: row.id },
          data: { secret: pd.seal(secret.value) ?? "" },
        });
        report.webhookSecrets.resealed++;
      }
    });
    afterEndpoint = rows.at(-1)?.id ?? afterEndpoint;
    batches++;
    await options.onBatch?.(report);
  }
  return report;
}
