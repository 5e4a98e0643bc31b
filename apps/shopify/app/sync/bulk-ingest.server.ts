import { StringDecoder } from "node:string_decoder";
import type { Readable } from "node:stream";
import type { Sql } from "../db/client.server.js";
import { bulkLineToRow, type BulkRow, type Row } from "./rows.server.js";
import {
  CUSTOMER,
  MEDIA,
  ORDER,
  ORDER_LINE,
  PRODUCT,
  PRODUCT_METAFIELD,
  copyNewRows,
  isUniqueViolation,
  NoCopyError,
  NOW_UTC,
  upsertRows,
  VARIANT,
  type TableSpec,
} from "./upsert.server.js";

const SPECS: Record<BulkRow["table"], TableSpec> = {
  Product: PRODUCT,
  Variant: VARIANT,
  Media: MEDIA,
  ProductMetafield: PRODUCT_METAFIELD,
  Customer: CUSTOMER,
  Order: ORDER,
  OrderLine: ORDER_LINE,
};

export interface IngestProgress {
  /** JSONL lines read so far. */
  lines: number;
  /** Rows written per table so far. */
  written: Partial<Record<BulkRow["table"], number>>;
}

export interface IngestOptions {
  shop: string;
  sql: Sql;
  /** Rows per multi-row upsert. */
  batchSize?: number;
  /** Called after every flushed batch (record progress here). */
  onProgress?: (progress: IngestProgress) => Promise<void> | void;
}

export class BulkLineError extends Error {
  override readonly name = "BulkLineError";
  constructor(
    readonly lineNumber: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`JSONL line ${lineNumber}: ${message}`, options);
  }
}

/**
 * Streams a bulk operation's JSONL (Shopify's format: one object per line, children after a
 * `__parentId`) into the mirror tables. Lines are read one at a time and written in multi-row
 * upserts of `batchSize`; the reader waits while a batch is written, so memory stays flat
 * whatever the file size. Children need not follow their parent (no foreign keys to wait for).
 *
 * @example
 * const res = await fetch(bulk.url);
 * await ingestBulkJsonl(Readable.fromWeb(res.body), { shop, sql: db.sql });
 */
export async function ingestBulkJsonl(
  input: Readable | AsyncIterable<string>,
  options: IngestOptions,
): Promise<IngestProgress> {
  // Large batches: each costs a few round trips, and the JSON parsing between them keeps the
  // event loop busy, so fewer, bigger batches keep the database fed.
  const batchSize = options.batchSize ?? 20_000;
  const pending = new Map<BulkRow["table"], Row[]>();
  const progress: IngestProgress = { lines: 0, written: {} };
  const mediaPosition = new Map<string, number>();
  let buffered = 0;
  // One batch in flight while the next is parsed: overlaps JSON parsing with the database's work.
  let inFlight: Promise<void> = Promise.resolve();

  const flush = async () => {
    const batches = [...pending.entries()];
    pending.clear();
    buffered = 0;
    await inFlight;
    inFlight = (async () => {
      // The tables are independent: their upserts run side by side on the pool's connections.
      await Promise.all(
        batches.map(async ([table, rows]) => {
          await writeBatch(table, rows);
          progress.written[table] = (progress.written[table] ?? 0) + rows.length;
        }),
      );
      await options.onProgress?.({ lines: progress.lines, written: { ...progress.written } });
    })();
    // Surface a failed batch on the next flush at the latest; never leave it unobserved.
    inFlight.catch(() => undefined);
  };

  // A table holding nothing of this shop (the first sync) is loaded with plain COPY: nothing can
  // conflict but what a webhook writes meanwhile, and that batch is then redone as an upsert.
  const [clock] = await options.sql.query<{ at: string }>(`SELECT ${NOW_UTC}::text AS at`);
  const syncedAt = clock?.at ?? new Date().toISOString();
  const firstLoad = new Set<BulkRow["table"]>();
  for (const table of Object.keys(SPECS) as BulkRow["table"][]) {
    const [held] = await options.sql.query(`SELECT 1 FROM "${table}" WHERE shop = $1 LIMIT 1`, [
      options.shop,
    ]);
    if (!held) firstLoad.add(table);
  }
  const writeBatch = async (table: BulkRow["table"], rows: Row[]): Promise<void> => {
    if (firstLoad.has(table)) {
      try {
        await options.sql.transaction(async (tx) => {
          await tx.query("SET LOCAL synchronous_commit = off");
          await copyNewRows(tx, SPECS[table], rows, syncedAt);
        });
        return;
      } catch (error) {
        firstLoad.delete(table); // a conflict (or no COPY): upserts from now on
        if (!isUniqueViolation(error) && !(error instanceof NoCopyError)) throw error;
      }
    }
    // No flush to disk per batch: a crash loses at most the last batches of a sync that is
    // re-derivable from Shopify (the run stays "running" and the next one repairs it).
    await options.sql.transaction(async (tx) => {
      if (tx.copyIn) await tx.query("SET LOCAL synchronous_commit = off");
      await upsertRows(tx, SPECS[table], rows, { returning: false });
    });
  };

  const take = (text: string): void => {
    if (text.trim() === "") return;
    progress.lines++;
    let parsed: BulkRow | null;
    try {
      parsed = bulkLineToRow(options.shop, JSON.parse(text) as Record<string, unknown>);
    } catch (cause) {
      throw new BulkLineError(progress.lines, cause instanceof Error ? cause.message : String(cause), {
        cause,
      });
    }
    if (!parsed) return;
    if (parsed.table === "Media") {
      // Shopify writes a product's media in order: the line order is the position.
      const position = mediaPosition.get(parsed.parentId) ?? 0;
      mediaPosition.set(parsed.parentId, position + 1);
      parsed.row.position = position;
    }
    let rows = pending.get(parsed.table);
    if (!rows) pending.set(parsed.table, (rows = []));
    rows.push(parsed.row);
    buffered++;
  };

  // Lines are cut from each chunk synchronously (no promise per line: 700,000 lines cost seconds
  // through readline's async iterator); the loop awaits only between chunks, when a batch is full.
  const decoder = new StringDecoder("utf8");
  let carry = "";
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const text = carry + (typeof chunk === "string" ? chunk : decoder.write(chunk));
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      take(text.slice(start, end));
      start = end + 1;
    }
    carry = text.slice(start);
    if (buffered >= batchSize) await flush();
  }
  take(carry + decoder.end());
  if (buffered > 0) await flush();
  await inFlight;
  return progress;
}
