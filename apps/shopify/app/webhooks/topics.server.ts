/** The webhook topics the app subscribes to (shopify.app.toml lists the same), and where each goes. */
export const MIRROR_TOPICS = [
  "products/create",
  "products/update",
  "products/delete",
  "customers/create",
  "customers/update",
  "customers/delete",
  "orders/create",
  "orders/updated",
  "orders/delete",
] as const;

export const COMPLIANCE_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"] as const;

export const APP_TOPICS = ["app/uninstalled", "app/scopes_update", "bulk_operations/finish"] as const;

export type WebhookTopic =
  (typeof MIRROR_TOPICS)[number] | (typeof COMPLIANCE_TOPICS)[number] | (typeof APP_TOPICS)[number];

const ALL: ReadonlySet<string> = new Set([...MIRROR_TOPICS, ...COMPLIANCE_TOPICS, ...APP_TOPICS]);

/** Shopify sends topics as `products/update` (header) or `PRODUCTS_UPDATE` (enum); we use the former. */
export function normalizeTopic(topic: string): WebhookTopic | null {
  const t = topic.toLowerCase();
  if (ALL.has(t)) return t as WebhookTopic;
  // Enum form: PRODUCTS_UPDATE, BULK_OPERATIONS_FINISH (the "/" became one of the "_").
  for (const known of ALL) if (known.replace("/", "_") === t) return known as WebhookTopic;
  return null;
}

/** What the webhooks queue carries: everything the worker needs, already verified. */
export interface WebhookJob {
  topic: WebhookTopic;
  shop: string;
  /** X-Shopify-Event-Id (the same across redeliveries of one event), else the webhook id. */
  eventId: string;
  /** The webhook's JSON body as received (parsed by the worker). */
  body: string;
  triggeredAt: string | null;
}
