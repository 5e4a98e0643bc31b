import { createRequire } from "node:module";
import type { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Sql } from "../db/client.server.js";
import {
  BULK_SPECS,
  BulkEncoder,
  BulkLineError,
  type BulkTable,
  type EncodedBatch,
  type EncoderOptions,
  MediaPositions,
  type TableBatch,
} from "./bulk-encode.server.js";
import type { ParserReply, ParserRequest } from "./bulk-parse-protocol.server.js";
import { copyNewText, isUniqueViolation, NoCopyError, upsertCopyText } from "./upsert.server.js";

export { BulkLineError } from "./bulk-encode.server.js";

export interface IngestProgress {
  /** JSONL lines read so far. */
  lines: number;
  /** Rows written per table so far. */
  written: Partial<Record<BulkTable, number>>;
}

export interface IngestOptions {
  shop: string;
  sql: Sql;
  /** Rows (all tables together) per batch; each table's share is one COPY. */
  batchSize?: number;
  /** Called after every written batch, in order (record progress here). */
  onProgress?: (progress: IngestProgress) => Promise<void> | void;
  /**
   * Where lines are parsed and validated: on worker threads (the default: the CPU-heavy half of an
   * ingest then overlaps the database's), or on this thread.
   */
  parser?: "worker" | "inline";
  /** Parser threads (default 2). */
  parserThreads?: number;
  /** The parser threads' entry (default bulk-parse.worker.ts); tests make one that fails. */
  parserScript?: URL;
}

/** The parser thread failed (crashed, ran out of memory, exited): the ingest fails with it. */
export class BulkParserError extends Error {
  override readonly name = "BulkParserError";
}

/** Batches written at once, at most; the parsers wait beyond (memory stays flat). */
const MAX_BATCHES_IN_FLIGHT = 3;
/** Input handed to a parser thread at once: whole lines, about this many bytes. */
const SEGMENT_BYTES = 4 << 20;

/**
 * Streams a bulk operation's JSONL into the mirror tables. Lines are parsed and validated on a
 * worker thread into per-table COPY batches while this thread writes the previous batches, every
 * table on its own connection; at most a few batches are in flight and the input is read only as
 * fast as they are written, so memory stays flat whatever the file size. Children need not follow
 * their parent (no foreign keys to wait for). A table holding nothing of this shop (the first sync)
 * is loaded with plain COPY; otherwise each batch is upserted (COPY into a staging table, then one
 * INSERT … ON CONFLICT guarded by `updatedAt`), so running it again changes nothing.
 *
 * @example
 * const res = await fetch(bulk.url);
 * await ingestBulkJsonl(Readable.fromWeb(res.body), { shop, sql: db.sql });
 */
export async function ingestBulkJsonl(
  input: Readable | AsyncIterable<string | Uint8Array>,
  options: IngestOptions,
): Promise<IngestProgress> {
  const { sql, shop } = options;
  const progress: IngestProgress = { lines: 0, written: {} };

  // A table holding nothing of this shop (the first sync) is loaded with plain COPY: nothing can
  // conflict but what a webhook writes meanwhile, and that batch is then redone as an upsert.
  const firstLoad = new Set<BulkTable>();
  for (const table of Object.keys(BULK_SPECS) as BulkTable[]) {
    const [held] = await sql.query(`SELECT 1 FROM "${table}" WHERE shop = $1 LIMIT 1`, [shop]);
    if (!held) firstLoad.add(table);
  }

  const writeTable = async ({ table, data }: TableBatch): Promise<void> => {
    const spec = BULK_SPECS[table];
    if (firstLoad.has(table)) {
      try {
        await sql.transaction(async (tx) => {
          await tx.query("SET LOCAL synchronous_commit = off");
          await copyNewText(tx, spec, data);
        });
        return;
      } catch (error) {
        firstLoad.delete(table); // a conflict (or no COPY): upserts from now on
        if (!isUniqueViolation(error) && !(error instanceof NoCopyError)) throw error;
      }
    }
    // No flush to disk per batch: a crash loses at most the last batches of a sync that is
    // re-derivable from Shopify (the run stays "running" and the next one repairs it).
    await sql.transaction(async (tx) => {
      await tx.query("SET LOCAL synchronous_commit = off");
      await upsertCopyText(tx, spec, data);
    });
  };

  const encoderOptions: EncoderOptions = { shop, batchSize: options.batchSize ?? 20_000 };
  const batches =
    options.parser === "inline"
      ? inlineBatches(input, encoderOptions)
      : workerBatches(input, encoderOptions, options.parserThreads ?? 2, options.parserScript ?? WORKER_URL);

  // Each table's batches are written in order on one chain; tables run side by side. Progress is
  // reported in batch order, once a batch and every one before it are written.
  const tableChains = new Map<BulkTable, Promise<void>>();
  const mediaPositions = new MediaPositions();
  let reported: Promise<void> = Promise.resolve();
  const inFlight: Promise<void>[] = [];
  try {
    for await (const batch of batches) {
      const parts = batch.media ? [...batch.tables, mediaPositions.encode(batch.media)] : batch.tables;
      const writes = parts.map((part) => {
        const next = (tableChains.get(part.table) ?? Promise.resolve()).then(() => writeTable(part));
        tableChains.set(part.table, next);
        return next;
      });
      const written = Promise.all([reported, ...writes]).then(async () => {
        progress.lines = batch.lines;
        for (const part of parts) {
          progress.written[part.table] = (progress.written[part.table] ?? 0) + part.rows;
        }
        await options.onProgress?.({ lines: progress.lines, written: { ...progress.written } });
      });
      written.catch(() => undefined); // observed below, in order
      reported = written;
      inFlight.push(written);
      if (inFlight.length >= MAX_BATCHES_IN_FLIGHT) await inFlight.shift();
    }
    await reported;
  } catch (error) {
    // Nothing left running behind the caller's back (it records the failure, may close the pool).
    await Promise.allSettled([...tableChains.values(), reported]);
    throw error;
  }
  return progress;
}

/** Parsing on this thread, between the writes' awaits. */
async function* inlineBatches(
  input: AsyncIterable<string | Uint8Array>,
  options: EncoderOptions,
): AsyncGenerator<EncodedBatch> {
  const ready: EncodedBatch[] = [];
  const encoder = new BulkEncoder(options, (batch) => ready.push(batch));
  for await (const chunk of input) {
    encoder.write(chunk);
    yield* ready.splice(0);
  }
  encoder.end();
  yield* ready.splice(0);
}

const WORKER_URL = new URL("./bulk-parse.worker.ts", import.meta.url);

/**
 * The worker is TypeScript: under tsx (the server, the benches) it inherits the loader with the
 * parent's flags; elsewhere (vitest) it is started with tsx's loader.
 */
function workerExecArgv(): string[] {
  if (process.execArgv.some((arg) => arg.includes("tsx"))) return process.execArgv;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return [...process.execArgv, "--import", tsx];
}

/** A segment's results as they come back from its worker (segments finish out of order). */
interface SegmentResult {
  batches: EncodedBatch[];
  /** Set once the whole segment is read: its line count. */
  lines?: number;
  invalid?: { lineNumber: number; detail: string };
}

/** `parts` (`size` bytes) in one buffer of its own (never Node's shared pool: it is transferred). */
function ownedConcat(parts: readonly Uint8Array[], size: number): Buffer {
  const out = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Parsing on worker threads (bulk-parse.worker.ts). The input is cut into segments of whole lines,
 * dealt round-robin to the workers, and their batches are put back in file order (line numbers
 * and media positions count across segments). The input is read only while every worker has few
 * segments waiting and few batches are ready: the slower of parsing and writing sets the pace.
 * A worker failing in any way (an uncaught error, an exit) fails the ingest at once.
 */
async function* workerBatches(
  input: AsyncIterable<string | Uint8Array>,
  options: EncoderOptions,
  threads: number,
  script: URL,
): AsyncGenerator<EncodedBatch> {
  const segments = new Map<number, SegmentResult>();
  const outstanding: number[] = Array.from({ length: threads }, () => 0);
  let sent = 0; // segments sent; the last one's seq is sent - 1
  let inputDone = false;
  let failure: Error | undefined;
  const waiters: (() => void)[] = [];
  const changed = () => {
    for (const wake of waiters.splice(0)) wake();
  };
  const nextChange = () => new Promise<void>((resolve) => waiters.push(resolve));
  const fail = (error: Error) => {
    failure ??= error;
    changed();
  };
  const segment = (seq: number) => {
    let result = segments.get(seq);
    if (!result) segments.set(seq, (result = { batches: [] }));
    return result;
  };

  const workers = outstanding.map((_, index) => {
    const worker = new Worker(script, { workerData: options, execArgv: workerExecArgv() });
    worker.on("message", (reply: ParserReply) => {
      const result = segment(reply.seq);
      if (reply.type === "batch") result.batches.push(reply.batch);
      else {
        outstanding[index] = (outstanding[index] ?? 1) - 1;
        if (reply.type === "done") result.lines = reply.lines;
        else result.invalid = { lineNumber: reply.lineNumber, detail: reply.detail };
      }
      changed();
    });
    worker.on("error", (error) =>
      fail(new BulkParserError(`bulk parser failed: ${error.message}`, { cause: error })),
    );
    worker.on("exit", (code) => fail(new BulkParserError(`bulk parser exited (code ${code})`)));
    return worker;
  });

  const readyBatches = () => {
    let n = 0;
    for (const result of segments.values()) n += result.batches.length;
    return n;
  };
  const send = async (data: Buffer) => {
    const index = sent % threads;
    while (!failure && ((outstanding[index] ?? 0) >= 2 || readyBatches() >= MAX_BATCHES_IN_FLIGHT * 2)) {
      await nextChange();
    }
    if (failure) return;
    outstanding[index] = (outstanding[index] ?? 0) + 1;
    workers[index]?.postMessage({ seq: sent++, data } satisfies ParserRequest, [data.buffer as ArrayBuffer]);
  };
  const pump = async () => {
    let parts: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of input) {
      if (failure) return;
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      parts.push(bytes);
      size += bytes.length;
      if (size < SEGMENT_BYTES) continue;
      const whole = ownedConcat(parts, size);
      const cut = whole.lastIndexOf(0x0a) + 1; // whole lines only; the rest starts the next one
      parts = cut > 0 ? [Buffer.from(whole.subarray(cut))] : [whole];
      size -= cut;
      if (cut > 0) await send(whole.subarray(0, cut));
    }
    if (size > 0) await send(ownedConcat(parts, size));
    inputDone = true;
    changed();
  };
  pump().catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));

  // Segments in order; a segment's batches in order, as they arrive.
  let linesBefore = 0;
  try {
    for (let seq = 0; ;) {
      if (failure) throw failure;
      if (inputDone && seq === sent) return;
      const result = segments.get(seq);
      const batch = result?.batches.shift();
      if (batch) {
        changed(); // room for more input
        yield { ...batch, lines: linesBefore + batch.lines };
      } else if (result?.invalid) {
        throw new BulkLineError(linesBefore + result.invalid.lineNumber, result.invalid.detail);
      } else if (result?.lines !== undefined) {
        linesBefore += result.lines;
        segments.delete(seq++);
      } else await nextChange();
    }
  } finally {
    failure ??= new Error("ingest stopped"); // stops the pump if the consumer left early
    changed();
    await Promise.all(workers.map((worker) => worker.removeAllListeners("exit").terminate()));
  }
}
