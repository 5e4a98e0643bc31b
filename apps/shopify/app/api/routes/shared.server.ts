import { z } from "zod";

// Shopify ids are positive 64-bit integers; anything larger would overflow the bigint column.
const MAX_ID = 9_223_372_036_854_775_807n;

/** A numeric Shopify id as the API takes it in a path or body (a string: it can exceed 2^53). */
export const shopifyId = (what: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,18}$/, `a numeric Shopify ${what} id`)
    // The regex check does not stop the refinement from running: guard BigInt against non-digits.
    .refine((v) => !/^\d+$/.test(v) || BigInt(v) <= MAX_ID, `a numeric Shopify ${what} id`);

/** Our own row ids (cuid): letters and digits only, so a path segment cannot smuggle anything. */
export const rowId = z.string().regex(/^[a-z0-9]{10,40}$/, "an id this API returned");

/** A page of a list: the rows and the cursor of the next page (null on the last). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** The cursor of a newest-first list keyed by (createdAt, id). */
export const createdCursor = z.object({ at: z.iso.datetime(), id: rowId });

/** The Prisma filter for "after this cursor" in a newest-first (createdAt desc, id desc) list. */
export function olderThan(cursor: z.output<typeof createdCursor> | undefined) {
  if (!cursor) return {};
  const at = new Date(cursor.at);
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: cursor.id } }] };
}
