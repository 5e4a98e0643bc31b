// Delivers webhooks the way Shopify does: POST of the JSON payload, HMAC-SHA256 (base64) of the
// raw body with the app's API secret, X-Shopify-* headers, retries with exponential backoff on a
// non-2xx answer or a timeout. Test switches duplicate, delay and reorder deliveries.
import { createHmac, randomUUID } from "node:crypto";

export interface RetryPolicy {
  /** Total attempts, the first included (Shopify: the first try and 8 retries). */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface DeliverySwitches {
  /** Extra copies of every delivery (same Webhook-Id and Event-Id), as Shopify's at-least-once. */
  duplicate: number;
  /** Wait before the first attempt of every delivery. */
  delayMs: number;
  /** Hold deliveries until this many are waiting, then send them in reverse order (0 or 1: off). */
  reorder: number;
  /** Lose the next this-many deliveries, as if the app never got them (reconciliation tests). */
  drop: number;
}

export interface DeliveryAttempt {
  status: number | null;
  error: string | null;
  at: string;
}

export interface DeliveryRecord {
  webhookId: string;
  eventId: string;
  topic: string;
  uri: string;
  body: string;
  triggeredAt: string;
  copy: number;
  state: "pending" | "delivered" | "failed" | "dropped";
  attempts: DeliveryAttempt[];
}

export interface DispatcherLogger {
  warn(message: string): void;
}

export interface DispatcherOptions {
  apiSecret: string;
  shopDomain: string;
  apiVersion: string;
  retry: RetryPolicy;
  timeoutMs: number;
  switches: DeliverySwitches;
  logger: DispatcherLogger;
}

/** `base64(HMAC-SHA256(secret, rawBody))`, the value of X-Shopify-Hmac-Sha256. */
export function signWebhook(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

/**
 * Queues and sends webhook deliveries; `idle()` resolves when nothing is in flight or waiting.
 *
 * @example
 * dispatcher.publish("products/update", payload, ["http://127.0.0.1:3000/webhooks"]);
 * await dispatcher.idle();
 */
export class WebhookDispatcher {
  readonly deliveries: DeliveryRecord[] = [];
  readonly switches: DeliverySwitches;
  private held: DeliveryRecord[] = [];
  private active = 0;
  private closed = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controllers = new Set<AbortController>();
  private waiters: (() => void)[] = [];

  constructor(private readonly options: DispatcherOptions) {
    this.switches = { ...options.switches };
  }

  /** Changes the test switches for deliveries published from now on. */
  setSwitches(switches: Partial<DeliverySwitches>): void {
    Object.assign(this.switches, switches);
    if (this.switches.reorder <= 1) this.flush();
  }

  /** Publishes one event to every target URI. Returns the event id. */
  publish(topic: string, payload: unknown, uris: readonly string[]): string {
    const eventId = randomUUID();
    if (this.closed || uris.length === 0) return eventId;
    const body = JSON.stringify(payload);
    const triggeredAt = new Date().toISOString();
    for (const uri of new Set(uris)) {
      const webhookId = randomUUID();
      for (let copy = 0; copy <= this.switches.duplicate; copy += 1) {
        const delivery: DeliveryRecord = {
          webhookId,
          eventId,
          topic,
          uri,
          body,
          triggeredAt,
          copy,
          state: "pending",
          attempts: [],
        };
        this.deliveries.push(delivery);
        if (this.switches.drop > 0) {
          this.switches.drop -= 1;
          delivery.state = "dropped";
          continue;
        }
        if (this.switches.reorder > 1) {
          this.held.push(delivery);
          this.active += 1;
          if (this.held.length >= this.switches.reorder) this.flush();
        } else {
          this.active += 1;
          this.schedule(delivery, this.switches.delayMs);
        }
      }
    }
    return eventId;
  }

  /** Sends the held deliveries now, in reverse order, one after the other. */
  flush(): void {
    const batch = this.held.reverse();
    this.held = [];
    if (batch.length === 0) return;
    const delay = this.switches.delayMs;
    const run = async () => {
      if (delay > 0) await new Promise<void>((resolve) => this.later(resolve, delay));
      // Sequential, so the receiver sees exactly the reversed order.
      for (const delivery of batch) await this.attempt(delivery);
    };
    void run();
  }

  private later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private schedule(delivery: DeliveryRecord, delayMs: number): void {
    if (delayMs > 0) this.later(() => void this.attempt(delivery), delayMs);
    else void this.attempt(delivery);
  }

  private async attempt(delivery: DeliveryRecord): Promise<void> {
    if (this.closed) return this.settle();
    const controller = new AbortController();
    this.controllers.add(controller);
    const timeout = setTimeout(
      () => controller.abort(new Error(`timed out after ${this.options.timeoutMs} ms`)),
      this.options.timeoutMs,
    );
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.uri, {
        method: "POST",
        body: delivery.body,
        signal: controller.signal,
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "Shopify-Captain-Hook",
          "X-Shopify-Topic": delivery.topic,
          "X-Shopify-Hmac-Sha256": signWebhook(delivery.body, this.options.apiSecret),
          "X-Shopify-Shop-Domain": this.options.shopDomain,
          "X-Shopify-API-Version": this.options.apiVersion,
          "X-Shopify-Webhook-Id": delivery.webhookId,
          "X-Shopify-Event-Id": delivery.eventId,
          "X-Shopify-Triggered-At": delivery.triggeredAt,
        },
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (caught) {
      error =
        caught instanceof Error
          ? caught.cause instanceof Error
            ? `${caught.message}: ${caught.cause.message}`
            : caught.message
          : String(caught);
    } finally {
      clearTimeout(timeout);
      this.controllers.delete(controller);
    }
    delivery.attempts.push({ status, error, at: new Date().toISOString() });
    if (status !== null && status >= 200 && status < 300) {
      delivery.state = "delivered";
      return this.settle();
    }
    const { maxAttempts, initialDelayMs, maxDelayMs } = this.options.retry;
    if (delivery.attempts.length >= maxAttempts || this.closed) {
      delivery.state = "failed";
      this.options.logger.warn(
        `webhook ${delivery.topic} to ${delivery.uri} failed after ${delivery.attempts.length} attempts (${error ?? `HTTP ${String(status)}`})`,
      );
      return this.settle();
    }
    const backoff = Math.min(initialDelayMs * 2 ** (delivery.attempts.length - 1), maxDelayMs);
    await new Promise<void>((resolve) => this.later(resolve, backoff));
    return this.attempt(delivery);
  }

  private settle(): void {
    this.active -= 1;
    if (this.active === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** Resolves when every published delivery has been delivered or has failed for good. */
  idle(): Promise<void> {
    if (this.held.length) this.flush();
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops retries and aborts requests in flight. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.controllers) controller.abort(new Error("emulator closed"));
    this.held = [];
    this.active = 0;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
