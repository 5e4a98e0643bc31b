import type { IncomingMessage, ServerResponse } from "node:http";

/** Reads a request body up to `limit` bytes; null when it is larger. */
export async function readBody(request: IncomingMessage, limit = 20 * 1024 * 1024): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/**
 * The `file` part of a multipart/form-data body (staged uploads by POST send the form fields
 * Shopify returned, then the file); null when there is none.
 */
export function fileFromMultipart(body: Buffer, contentType: string): Buffer | null {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after the delimiter and before the next
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1 && /name="file"/i.test(part.subarray(0, headerEnd).toString("utf8"))) {
      return Buffer.from(part.subarray(headerEnd + 4));
    }
    start = next;
  }
  return null;
}
