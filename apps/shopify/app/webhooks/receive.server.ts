import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "@ninjalead/core";
import type { JobQueue } from "../jobs/queue.server.js";
import { normalizeTopic, type WebhookJob } from "./topics.server.js";
import { verifyWebhook } from "./verify.server.js";

export interface ReceiveDeps {
  /** The app's API secret (Shopify signs webhooks with it). */
  apiSecret: string;
  queue: JobQueue<WebhookJob>;
  logger: Logger;
  /** How long enqueueing may take before Shopify is asked to redeliver (503). */
  enqueueTimeoutMs?: number;
}

export interface WebhookAnswer {
  status: number;
  headers?: Record<string, string>;
  /** Why a request was refused, as the answer's text body (never secrets: the verifier's reason). */
  message?: string;
}

/**
 * The webhook endpoint: verify, enqueue, answer. Nothing is applied here, so the answer comes in
 * milliseconds; the queue's jobId is the event id, so a redelivered event is not queued twice.
 * A forged signature gets 401; when the queue cannot take the job (Redis down), 503 makes
 * Shopify redeliver later.
 *
 * @example
 * const answer = await receiveWebhook(rawBody, (name) => headers.get(name) ?? undefined, deps);
 */
export async function receiveWebhook(
  rawBody: Buffer,
  header: (name: string) => string | undefined,
  deps: ReceiveDeps,
): Promise<WebhookAnswer> {
  const verified = verifyWebhook(rawBody, header, deps.apiSecret);
  if (!verified.ok) {
    deps.logger.warn("webhook refused", { status: verified.status, reason: verified.reason });
    return { status: verified.status, message: `Webhook refused: ${verified.reason}` };
  }
  const { webhook } = verified;
  const topic = normalizeTopic(webhook.topic);
  if (!topic) {
    deps.logger.warn("webhook topic not handled", { topic: webhook.topic, shop: webhook.shop });
    return { status: 200 };
  }
  const eventId = webhook.eventId ?? webhook.webhookId;
  const job: WebhookJob = {
    topic,
    shop: webhook.shop,
    eventId,
    body: webhook.body,
    triggeredAt: webhook.triggeredAt ?? null,
  };
  const timeoutMs = deps.enqueueTimeoutMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      deps.queue.add(topic, job, { jobId: `${webhook.shop}|${eventId}` }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`enqueue took over ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    deps.logger.error("webhook not queued; asking for redelivery", {
      topic,
      shop: webhook.shop,
      error: error instanceof Error ? error.message : String(error),
    });
    return { status: 503, headers: { "Retry-After": "5" } };
  } finally {
    clearTimeout(timer);
  }
  return { status: 200 };
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The webhook endpoint as a plain Node handler: the server routes POST /webhooks here before the
 * Remix stack, because this path takes Shopify's whole event stream and must answer fast.
 */
export function webhookListener(deps: ReceiveDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (req.method !== "POST") {
      res.writeHead(405, { Allow: "POST" }).end("Webhooks are POST requests");
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413).end("Webhook body too large");
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      const header = (name: string) => {
        const value = req.headers[name.toLowerCase()];
        return Array.isArray(value) ? value[0] : value;
      };
      receiveWebhook(Buffer.concat(chunks), header, deps).then(
        (answer) => res.writeHead(answer.status, answer.headers).end(answer.message),
        (error: unknown) => {
          deps.logger.error("webhook handler failed", {
            error: error instanceof Error ? error.message : String(error),
          });
          res.writeHead(500).end();
        },
      );
    });
  };
}

/** True for the request the webhook listener takes. */
export function isWebhookRequest(req: IncomingMessage): boolean {
  return req.url === "/webhooks" || req.url?.startsWith("/webhooks?") === true;
}
