import type { Logger } from "@ninjalead/core";
import type { JobQueue } from "../jobs/queue.server.js";
import { normalizeTopic, type WebhookJob } from "./topics.server.js";

/** What shopify-app-remix's `authenticate.webhook` gives back once the HMAC checked out. */
export interface VerifiedWebhook {
  shop: string;
  topic: string | number | symbol;
  webhookId: string;
  eventId?: string;
  triggeredAt?: string;
  payload: Record<string, unknown>;
}

export interface ReceiveDeps {
  /** Verifies the HMAC (throws a 401 Response when forged). */
  authenticate: (request: Request) => Promise<VerifiedWebhook>;
  queue: JobQueue<WebhookJob>;
  logger: Logger;
  /** How long enqueueing may take before Shopify is asked to redeliver (503). */
  enqueueTimeoutMs?: number;
}

/**
 * The webhook endpoint: verify, enqueue, answer. Nothing is applied here, so the answer comes in
 * milliseconds; the queue's jobId is the event id, so a redelivered event is not queued twice.
 * When the queue cannot take the job (Redis down), 503 makes Shopify redeliver later.
 *
 * @example
 * export const action = ({ request }) => receiveWebhook(request, { authenticate: authenticate.webhook, queue, logger });
 */
export async function receiveWebhook(request: Request, deps: ReceiveDeps): Promise<Response> {
  let verified: VerifiedWebhook;
  try {
    verified = await deps.authenticate(request);
  } catch (error) {
    if (error instanceof Response) return error; // 401 forged, 400 malformed, 405 not POST
    throw error;
  }
  const topic = normalizeTopic(String(verified.topic));
  if (!topic) {
    deps.logger.warn("webhook topic not handled", { topic: String(verified.topic), shop: verified.shop });
    return new Response(null, { status: 200 });
  }
  const eventId = verified.eventId ?? request.headers.get("x-shopify-event-id") ?? verified.webhookId;
  const job: WebhookJob = {
    topic,
    shop: verified.shop,
    eventId,
    payload: verified.payload,
    triggeredAt: verified.triggeredAt ?? null,
  };
  const timeoutMs = deps.enqueueTimeoutMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      deps.queue.add(topic, job, { jobId: `${verified.shop}|${eventId}` }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`enqueue took over ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    deps.logger.error("webhook not queued; asking for redelivery", {
      topic,
      shop: verified.shop,
      error: error instanceof Error ? error.message : String(error),
    });
    return new Response(null, { status: 503, headers: { "Retry-After": "5" } });
  } finally {
    clearTimeout(timer);
  }
  return new Response(null, { status: 200 });
}
