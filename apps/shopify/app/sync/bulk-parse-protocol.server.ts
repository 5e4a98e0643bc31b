import type { EncodedBatch } from "./bulk-encode.server.js";

/** Parent → bulk parser worker: a segment of the JSONL (whole lines), numbered in file order. */
export interface ParserRequest {
  seq: number;
  data: Uint8Array;
}

/** Bulk parser worker → parent, about segment `seq`. */
export type ParserReply =
  /** `batch.lines` counts from the segment's first line. */
  | { type: "batch"; seq: number; batch: EncodedBatch }
  /** Every line of the segment read and every batch of it sent. */
  | { type: "done"; seq: number; lines: number }
  /** A line failed to parse or validate (`lineNumber` within the segment); the rest is unread. */
  | { type: "invalid"; seq: number; lineNumber: number; detail: string };
