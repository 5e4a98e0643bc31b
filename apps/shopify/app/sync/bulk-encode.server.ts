import {
  metafieldCopyLine,
  mediaCopyHead,
  productCopyLine,
  variantCopyLine,
} from "./bulk-copy-lines.server.js";
import {
  bulkLineToRow,
  gidPattern,
  isPlainMedia,
  isPlainMetafield,
  isPlainProduct,
  isPlainVariant,
  MEDIA_TYPES,
  type BulkRow,
} from "./rows.server.js";
import {
  copyField,
  copyLine,
  CUSTOMER,
  MEDIA,
  ORDER,
  ORDER_LINE,
  PRODUCT,
  PRODUCT_METAFIELD,
  VARIANT,
  type TableSpec,
} from "./upsert.server.js";

export type BulkTable = BulkRow["table"];

export const BULK_SPECS: Record<BulkTable, TableSpec> = {
  Product: PRODUCT,
  Variant: VARIANT,
  Media: MEDIA,
  ProductMetafield: PRODUCT_METAFIELD,
  Customer: CUSTOMER,
  Order: ORDER,
  OrderLine: ORDER_LINE,
};

/** One table's share of a batch: its rows as UTF-8 COPY text (see copyLine), no id twice. */
export interface TableBatch {
  table: BulkTable;
  data: Uint8Array;
  rows: number;
}

/**
 * Media lines of a batch, in line order, before their position is known: a media's position is
 * its rank among its product's media lines in the whole file, which only the reader of every batch
 * in order can count (see MediaPositions). `heads[i]` is the COPY line up to the position column.
 */
export interface MediaLines {
  ids: string[];
  parents: string[];
  heads: string[];
}

/** What a run of lines holds (`lines`: how many lines read up to its end) and no earlier batch had. */
export interface EncodedBatch {
  lines: number;
  tables: TableBatch[];
  media?: MediaLines;
}

export interface EncoderOptions {
  shop: string;
  /** A batch is cut once this many rows (all tables together) are buffered. */
  batchSize: number;
}

export class BulkLineError extends Error {
  override readonly name = "BulkLineError";
  readonly lineNumber: number;
  /** What is wrong with the line, without the line number. */
  readonly detail: string;
  constructor(lineNumber: number, detail: string, options?: { cause?: unknown }) {
    super(`JSONL line ${lineNumber}: ${detail}`, options);
    this.lineNumber = lineNumber;
    this.detail = detail;
  }
}

const PRODUCT_GID = "gid://shopify/Product/";
const MEDIA_COLUMNS = Object.keys(MEDIA.columns);
// The position is appended last by MediaPositions; the spec must keep it last.
if (MEDIA_COLUMNS.at(-1) !== "position") throw new Error("MEDIA's last column must be position");
MEDIA_COLUMNS.pop();

/**
 * Bulk-operation JSONL (Shopify's format: one object per line, children after a `__parentId`) in,
 * per-table batches of COPY text out. Synchronous and self-contained, so that it runs on a worker
 * thread (bulk-parse.worker.ts) as well as inline. Every line is parsed and validated (zod, in
 * bulkLineToRow); the first bad line throws a BulkLineError naming it (counted from this encoder's
 * first line), and nothing after it is emitted (the batch holding it neither).
 *
 * @example
 * const encoder = new BulkEncoder({ shop, batchSize: 20_000 }, (batch) => write(batch));
 * for await (const chunk of body) encoder.write(chunk);
 * encoder.end();
 */
export class BulkEncoder {
  // TextDecoder: several times faster than StringDecoder on large chunks.
  private readonly decoder = new TextDecoder();
  private carry = "";
  private lines = 0;
  private buffered = 0;
  private readonly pending = new Map<BulkTable, TableBuffer>();
  private media: MediaLines = { ids: [], parents: [], heads: [] };
  private readonly shopField: string;

  constructor(
    private readonly options: EncoderOptions,
    private readonly emit: (batch: EncodedBatch) => void,
  ) {
    this.shopField = copyField(options.shop, "text");
  }

  /** Lines read so far. */
  get lineCount(): number {
    return this.lines;
  }

  write(chunk: Uint8Array | string): void {
    // Lines are cut synchronously from each chunk (no promise per line: 700,000 lines cost
    // seconds through readline's async iterator).
    const text =
      this.carry + (typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true }));
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      this.take(text.slice(start, end));
      start = end + 1;
      if (this.buffered >= this.options.batchSize) this.flush();
    }
    this.carry = text.slice(start);
  }

  /** The last line (no newline after it) and the last batch. */
  end(): void {
    this.take(this.carry + this.decoder.decode());
    this.carry = "";
    this.flush();
  }

  private take(text: string): void {
    if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === "")) return;
    this.lines++;
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch (cause) {
      throw this.invalid(cause);
    }
    // Product lines exactly as Shopify writes them: straight to COPY text (bulk-copy-lines.server.ts).
    const gid = typeof line.id === "string" ? gidPattern.exec(line.id) : null;
    const type = gid?.[1];
    const id = gid?.[2] ?? "";
    if (type === "ProductVariant" && isPlainVariant(line)) {
      return this.add("Variant", id, variantCopyLine(this.shopField, id, line));
    }
    if (type === "Product" && isPlainProduct(line)) {
      return this.add("Product", id, productCopyLine(this.shopField, id, line));
    }
    if (type === "Metafield" && isPlainMetafield(line) && line.__parentId.startsWith(PRODUCT_GID)) {
      return this.add("ProductMetafield", id, metafieldCopyLine(this.shopField, id, line));
    }
    if (type && MEDIA_TYPES.has(type) && isPlainMedia(line)) {
      const { head, parent } = mediaCopyHead(this.shopField, id, line, type);
      return this.addMedia(id, parent, head);
    }
    // Anything else: validated by zod (which names the field that is wrong) into a row.
    let parsed: BulkRow | null;
    try {
      parsed = bulkLineToRow(this.options.shop, line);
    } catch (cause) {
      throw this.invalid(cause);
    }
    if (!parsed) return;
    const { row } = parsed;
    if (parsed.table === "Media") {
      let head = "";
      for (const name of MEDIA_COLUMNS) head += `${copyField(row[name], MEDIA.columns[name] ?? "text")}\t`;
      return this.addMedia(String(row.id), parsed.parentId, head);
    }
    this.add(parsed.table, String(row.id), copyLine(BULK_SPECS[parsed.table], row));
  }

  private invalid(cause: unknown): BulkLineError {
    return new BulkLineError(this.lines, cause instanceof Error ? cause.message : String(cause), { cause });
  }

  private add(table: BulkTable, id: string, line: string): void {
    let rows = this.pending.get(table);
    if (!rows) this.pending.set(table, (rows = new TableBuffer()));
    if (rows.add(id, line)) this.buffered++;
  }

  private addMedia(id: string, parent: string, head: string): void {
    this.media.ids.push(id);
    this.media.parents.push(parent);
    this.media.heads.push(head);
    this.buffered++;
  }

  private flush(): void {
    if (this.buffered === 0) return;
    const tables: TableBatch[] = [];
    for (const [table, rows] of this.pending) tables.push({ table, data: rows.bytes(), rows: rows.size });
    const batch: EncodedBatch = { lines: this.lines, tables };
    if (this.media.ids.length > 0) {
      batch.media = this.media;
      this.media = { ids: [], parents: [], heads: [] };
    }
    this.pending.clear();
    this.buffered = 0;
    this.emit(batch);
  }
}

/**
 * Gives media lines their position (Shopify writes a product's media in order: the line order is
 * the position), counting across every batch it is handed, in file order.
 */
export class MediaPositions {
  private readonly seen = new Map<string, number>();

  encode(media: MediaLines): TableBatch {
    const rows = new TableBuffer();
    for (let i = 0; i < media.ids.length; i++) {
      const parent = media.parents[i] ?? "";
      const position = this.seen.get(parent) ?? 0;
      this.seen.set(parent, position + 1);
      rows.add(media.ids[i] ?? "", `${media.heads[i] ?? ""}${position}\n`);
    }
    return { table: "Media", data: rows.bytes(), rows: rows.size };
  }
}

/**
 * A table's rows of one batch as UTF-8 COPY text, written as they come: each line becomes bytes at
 * once, so no string outlives its line (100,000s of live strings would keep the collector busy).
 */
class TableBuffer {
  private buffer = Buffer.allocUnsafeSlow(1 << 16);
  private length = 0;
  /** Where each id's line starts. */
  private readonly starts = new Map<string, number>();
  /** Lines replaced by a later line of the same id. */
  private readonly superseded: number[] = [];

  get size(): number {
    return this.starts.size;
  }

  /**
   * Adds a line (newline-terminated); false when it replaces one of the same id (a row repeated in
   * a batch keeps its last line: one statement cannot write a row twice).
   */
  add(id: string, line: string): boolean {
    const previous = this.starts.get(id);
    if (previous !== undefined) this.superseded.push(previous);
    this.starts.set(id, this.length);
    const room = line.length * 3; // UTF-8 needs at most 3 bytes per UTF-16 unit
    if (this.length + room > this.buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.length + room));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(line, this.length);
    return previous === undefined;
  }

  /**
   * The lines, those replaced left out (a line ends at its newline: COPY escapes the others), in
   * memory of their own (never Node's shared pool: the worker transfers it to the parent).
   */
  bytes(): Uint8Array {
    const all = this.buffer.subarray(0, this.length);
    if (this.superseded.length === 0) return all;
    const skip = new Set(this.superseded);
    const kept = Buffer.allocUnsafeSlow(this.length);
    let length = 0;
    for (let start = 0; start < all.length;) {
      const end = all.indexOf(0x0a, start) + 1;
      if (!skip.has(start)) length += all.copy(kept, length, start, end);
      start = end;
    }
    return kept.subarray(0, length);
  }
}
