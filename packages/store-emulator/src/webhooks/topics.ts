// Webhook topics: the GraphQL enum (PRODUCTS_UPDATE) and the header/toml form (products/update).

const KNOWN: Record<string, string> = {
  APP_UNINSTALLED: "app/uninstalled",
  APP_SCOPES_UPDATE: "app/scopes_update",
  APP_SUBSCRIPTIONS_UPDATE: "app_subscriptions/update",
  APP_SUBSCRIPTIONS_APPROACHING_CAPPED_AMOUNT: "app_subscriptions/approaching_capped_amount",
  BULK_OPERATIONS_FINISH: "bulk_operations/finish",
  CUSTOMERS_DATA_REQUEST: "customers/data_request",
  CUSTOMERS_REDACT: "customers/redact",
  SHOP_REDACT: "shop/redact",
  ORDERS_UPDATED: "orders/updated",
};

/** `PRODUCTS_UPDATE` → `products/update` */
export function topicToString(topic: string): string {
  const known = KNOWN[topic];
  if (known) return known;
  const index = topic.lastIndexOf("_");
  return index < 0 ? topic.toLowerCase() : `${topic.slice(0, index)}/${topic.slice(index + 1)}`.toLowerCase();
}

/** `products/update` → `PRODUCTS_UPDATE` */
export function topicToEnum(topic: string): string {
  return topic.replace("/", "_").toUpperCase();
}

/** The topics Shopify sends to every app whether subscribed or not (mandatory compliance webhooks). */
export const COMPLIANCE_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"] as const;
export type ComplianceTopic = (typeof COMPLIANCE_TOPICS)[number];
