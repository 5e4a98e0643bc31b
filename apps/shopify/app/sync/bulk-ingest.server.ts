import { createInterface } from "node:readline";
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
          // No flush to disk per batch: a crash loses at most the last batches of a sync that is
          // re-derivable from Shopify (the run stays "running" and the next one repairs it).
          await options.sql.transaction(async (tx) => {
            if (tx.copyIn) await tx.query("SET LOCAL synchronous_commit = off");
            await upsertRows(tx, SPECS[table], rows, { returning: false });
          });
          progress.written[table] = (progress.written[table] ?? 0) + rows.length;
        }),
      );
      await options.onProgress?.({ lines: progress.lines, written: { ...progress.written } });
    })();
    // Surface a failed batch on the next flush at the latest; never leave it unobserved.
    inFlight.catch(() => undefined);
  };

  const lines = isReadable(input) ? createInterface({ input, crlfDelay: Infinity }) : input;
  for await (const text of lines) {
    if (text.trim() === "") continue;
    progress.lines++;
    let parsed: BulkRow | null;
    try {
      parsed = bulkLineToRow(options.shop, JSON.parse(text) as Record<string, unknown>);
    } catch (cause) {
      throw new BulkLineError(progress.lines, cause instanceof Error ? cause.message : String(cause), {
        cause,
      });
    }
    if (!parsed) continue;
    if (parsed.table === "Media") {
      // Shopify writes a product's media in order: the line order is the position.
      const position = mediaPosition.get(parsed.parentId) ?? 0;
      mediaPosition.set(parsed.parentId, position + 1);
      parsed.row.position = position;
    }
    let rows = pending.get(parsed.table);
    if (!rows) pending.set(parsed.table, (rows = []));
    rows.push(parsed.row);
    if (++buffered >= batchSize) await flush();
  }
  if (buffered > 0) await flush();
  await inFlight;
  return progress;
}

function isReadable(input: Readable | AsyncIterable<string>): input is Readable {
  return typeof (input as Readable).pipe === "function";
}
