import type { Prisma, PrismaClient, WebhookDelivery, WebhookEndpoint } from "@prisma/client";
import { checkOutboundUrl, type UrlPolicy } from "./ssrf.server.js";
import { newWebhookSecret, SIGNATURE_HEADER, signWebhook } from "./webhook-signature.server.js";

/** The events a merchant can subscribe an endpoint to. */
export const WEBHOOK_EVENTS = [
  "audit.finished",
  "import.created",
  "campaign.generated",
  "persona.created",
  "sync.completed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Seals and opens endpoint secrets at rest (the app's token cipher). */
export interface SecretBox {
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
}

export interface DeliveryPolicy {
  url: UrlPolicy;
  /** How long a delivery is retried before it is dead-lettered. */
  retryForMs: number;
  /** An endpoint is disabled after this many consecutive failed attempts. */
  disableAfterFailures: number;
  timeoutMs: number;
  fetch: typeof fetch;
  now: () => Date;
  random: () => number;
}

export const DEFAULT_DELIVERY_POLICY: Omit<DeliveryPolicy, "url"> = {
  retryForMs: 24 * 60 * 60 * 1000,
  disableAfterFailures: 100,
  timeoutMs: 10_000,
  fetch: (input, init) => fetch(input, init),
  now: () => new Date(),
  random: Math.random,
};

export class WebhookEndpointError extends Error {
  override readonly name = "WebhookEndpointError";
  constructor(
    readonly field: "url" | "events",
    /** Why, in a few words (for the field's message). */
    readonly reason: string,
  ) {
    super(`${field === "url" ? "Webhook URL" : "Events"}: ${reason}`);
  }
}

/** Registers an endpoint after the SSRF check; the signing secret is returned once and stored sealed. */
export async function registerEndpoint(
  prisma: PrismaClient | Prisma.TransactionClient,
  box: SecretBox,
  input: { shop: string; url: string; events: readonly string[] },
  urlPolicy: UrlPolicy,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const check = await checkOutboundUrl(input.url, urlPolicy);
  if (!check.ok) throw new WebhookEndpointError("url", check.reason);
  const unknown = input.events.filter((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e));
  if (input.events.length === 0 || unknown.length > 0) {
    throw new WebhookEndpointError(
      "events",
      unknown.length ? `Unknown events: ${unknown.join(", ")}` : "Choose at least one event",
    );
  }
  const secret = newWebhookSecret();
  const endpoint = await prisma.webhookEndpoint.create({
    data: {
      shop: input.shop,
      url: check.url.toString(),
      events: [...new Set(input.events)],
      secret: box.encrypt(secret),
    },
  });
  return { endpoint, secret };
}

/**
 * Queues an event for every enabled endpoint of the shop subscribed to it. Pass the transaction
 * of the change that caused the event: no event for a rolled-back change, no change without its event.
 */
export async function emitEvent(
  db: PrismaClient | Prisma.TransactionClient,
  input: { shop: string; event: WebhookEvent; data: Record<string, unknown>; now?: Date },
): Promise<number> {
  // Timestamps come from the app's clock, like the delivery worker's, never the database's.
  const now = input.now ?? new Date();
  const endpoints = await db.webhookEndpoint.findMany({
    where: { shop: input.shop, enabled: true, events: { has: input.event } },
    select: { id: true },
  });
  if (endpoints.length === 0) return 0;
  const { count } = await db.webhookDelivery.createMany({
    data: endpoints.map((e) => ({
      shop: input.shop,
      endpointId: e.id,
      event: input.event,
      createdAt: now,
      nextAttemptAt: now,
      payload: { event: input.event, shop: input.shop, data: input.data } as Prisma.InputJsonObject,
    })),
  });
  return count;
}

/** Exponential backoff with full jitter: ~30 s, 1 min, 2 min … capped at 1 h between attempts. */
export function nextDelayMs(attempt: number, random: () => number): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 60 * 60 * 1000);
  return Math.round(base / 2 + random() * (base / 2));
}

export interface DeliveryRun {
  attempted: number;
  delivered: number;
  failed: number;
  dead: number;
  disabledEndpoints: string[];
}

/**
 * Sends every due delivery once. Each is claimed with a conditional update first, so several
 * workers never send the same attempt twice. The URL is checked again at send time (DNS can change).
 */
export async function deliverDue(
  prisma: PrismaClient,
  box: SecretBox,
  policy: DeliveryPolicy,
  limit = 100,
): Promise<DeliveryRun> {
  const now = policy.now();
  const due = await prisma.webhookDelivery.findMany({
    where: {
      status: { in: ["pending", "retrying"] },
      nextAttemptAt: { lte: now },
      endpoint: { enabled: true },
    },
    include: { endpoint: true },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
  });
  const run: DeliveryRun = { attempted: 0, delivered: 0, failed: 0, dead: 0, disabledEndpoints: [] };
  for (const delivery of due) {
    const claimed = await prisma.webhookDelivery.updateMany({
      where: { id: delivery.id, status: delivery.status, attempts: delivery.attempts },
      data: { status: "sending" },
    });
    if (claimed.count !== 1) continue;
    run.attempted += 1;
    const outcome = await send(delivery, delivery.endpoint, box, policy);
    await record(prisma, delivery, delivery.endpoint, outcome, policy, run);
  }
  return run;
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function send(
  delivery: WebhookDelivery,
  endpoint: WebhookEndpoint,
  box: SecretBox,
  policy: DeliveryPolicy,
): Promise<Outcome> {
  const check = await checkOutboundUrl(endpoint.url, policy.url);
  if (!check.ok) return { ok: false, status: null, error: `URL refused: ${check.reason}` };
  const body = JSON.stringify({
    id: delivery.id,
    createdAt: delivery.createdAt.toISOString(),
    ...(delivery.payload as object),
  });
  // The wall clock, not the scheduling clock: receivers compare it with their own time.
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const res = await policy.fetch(check.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "NinjaLead-Webhooks/1",
        "NinjaLead-Event": delivery.event,
        "NinjaLead-Delivery": delivery.id,
        [SIGNATURE_HEADER]: signWebhook(box.decrypt(endpoint.secret), body, timestamp),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(policy.timeoutMs),
    });
    await res.body?.cancel();
    return res.status >= 200 && res.status < 300
      ? { ok: true, status: res.status }
      : { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (error) {
    return { ok: false, status: null, error: error instanceof Error ? error.message : String(error) };
  }
}

async function record(
  prisma: PrismaClient,
  delivery: WebhookDelivery,
  endpoint: WebhookEndpoint,
  outcome: Outcome,
  policy: DeliveryPolicy,
  run: DeliveryRun,
): Promise<void> {
  const now = policy.now();
  const attempts = delivery.attempts + 1;
  if (outcome.ok) {
    run.delivered += 1;
    await prisma.$transaction([
      prisma.webhookDelivery.update({
        where: { id: delivery.id },
        data: {
          status: "delivered",
          attempts,
          deliveredAt: now,
          lastStatusCode: outcome.status,
          lastError: null,
        },
      }),
      prisma.webhookEndpoint.update({ where: { id: endpoint.id }, data: { consecutiveFailures: 0 } }),
    ]);
    return;
  }
  const expired = now.getTime() - delivery.createdAt.getTime() >= policy.retryForMs;
  if (expired) run.dead += 1;
  else run.failed += 1;
  const failures = endpoint.consecutiveFailures + 1;
  const disable = failures >= policy.disableAfterFailures;
  if (disable) run.disabledEndpoints.push(endpoint.id);
  await prisma.$transaction([
    prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        status: expired ? "dead" : "retrying",
        attempts,
        nextAttemptAt: new Date(now.getTime() + nextDelayMs(attempts, policy.random)),
        lastStatusCode: outcome.status,
        lastError: outcome.error.slice(0, 500),
      },
    }),
    prisma.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        consecutiveFailures: failures,
        ...(disable
          ? {
              enabled: false,
              disabledReason: `Disabled after ${failures} consecutive failed deliveries (last: ${outcome.error.slice(0, 200)})`,
            }
          : {}),
      },
    }),
  ]);
}

/** The "redeliver" action on a dead (or any) delivery of the shop: queued again from now. */
export async function redeliver(
  prisma: PrismaClient,
  shop: string,
  deliveryId: string,
  now = new Date(),
): Promise<boolean> {
  const { count } = await prisma.webhookDelivery.updateMany({
    where: { id: deliveryId, shop, status: { not: "sending" } },
    data: { status: "pending", nextAttemptAt: now, createdAt: now, lastError: null },
  });
  return count === 1;
}
