// A bulk ingest's parser thread: JSONL segments in, COPY-text batches out (see bulk-encode.server.ts).
// JSON parsing and validation are most of an ingest's CPU; here they run beside the thread that
// talks to PostgreSQL (and beside each other). Started by bulk-ingest.server.ts, which owns the
// protocol's other end and puts the segments back in order.
import { parentPort, workerData } from "node:worker_threads";
import { BulkEncoder, BulkLineError, type EncoderOptions } from "./bulk-encode.server.js";
import type { ParserReply, ParserRequest } from "./bulk-parse-protocol.server.js";

const port = parentPort;
if (!port) throw new Error("bulk-parse.worker.ts runs as a worker thread only");
const options = workerData as EncoderOptions;

port.on("message", ({ seq, data }: ParserRequest) => {
  // Each table's bytes are moved to the parent, not copied (the encoder never touches them again).
  const encoder = new BulkEncoder(options, (batch) =>
    port.postMessage(
      { type: "batch", seq, batch } satisfies ParserReply,
      batch.tables.map((t) => t.data.buffer as ArrayBuffer),
    ),
  );
  try {
    encoder.write(data);
    encoder.end();
    port.postMessage({ type: "done", seq, lines: encoder.lineCount } satisfies ParserReply);
  } catch (error) {
    // A bad line is the input's fault: reported. Anything else is a bug: rethrown, it ends the
    // thread and the parent sees an 'error' event.
    if (!(error instanceof BulkLineError)) throw error;
    port.postMessage({
      type: "invalid",
      seq,
      lineNumber: error.lineNumber,
      detail: error.detail,
    } satisfies ParserReply);
  }
});
