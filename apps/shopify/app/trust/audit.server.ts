import type { AuditEvent, Prisma, PrismaClient } from "@prisma/client";

export type Actor =
  { type: "staff"; id: string } | { type: "api_key"; id: string } | { type: "system"; id: string };

export interface AuditEntry {
  shop: string;
  actor: Actor;
  action: string;
  target?: { type: string; id: string };
  /** Before/after summary: short field values only; never secrets or personal data. */
  summary?: Record<string, unknown>;
  requestId?: string;
}

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Records an action. Pass the transaction client of the change itself so the record and the change
 * commit (or roll back) together: an audit trail that can miss a change is not an audit trail.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<AuditEvent> {
  return db.auditEvent.create({
    data: {
      shop: entry.shop,
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      summary: (entry.summary ?? {}) as Prisma.InputJsonObject,
      requestId: entry.requestId ?? null,
    },
  });
}

/** A shop's events, newest first, with a cursor for the next page. */
export async function listAudit(
  prisma: PrismaClient,
  shop: string,
  { limit = 50, cursor }: { limit?: number; cursor?: string } = {},
): Promise<{ events: AuditEvent[]; nextCursor: string | null }> {
  const take = Math.min(Math.max(limit, 1), 200);
  const events = await prisma.auditEvent.findMany({
    where: { shop },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const more = events.length > take;
  const page = more ? events.slice(0, take) : events;
  return { events: page, nextCursor: more ? (page.at(-1)?.id ?? null) : null };
}

/** The whole trail of a shop as JSON lines (the merchant's export), oldest first, streamed in pages. */
export async function* exportAudit(prisma: PrismaClient, shop: string): AsyncGenerator<string> {
  let cursor: string | undefined;
  for (;;) {
    const page = await prisma.auditEvent.findMany({
      where: { shop },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 500,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const event of page) yield JSON.stringify(event) + "\n";
    if (page.length < 500) return;
    cursor = page.at(-1)?.id;
  }
}
