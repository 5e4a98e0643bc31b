/**
 * Shopify Admin GraphQL shapes of orders and customers (what the app's sync reads), converted to
 * the REST shape the profile builder works on. Field names in validation errors are GraphQL's.
 */
import { z } from "zod";
import { moneySchema, shopifyIdSchema, type ShopifyCustomer, type ShopifyOrder } from "./schemas.js";

const money = z.object({ shopMoney: z.object({ amount: moneySchema, currencyCode: z.string().nullish() }) });
const address = z
  .object({ countryCodeV2: z.string().nullish(), countryCode: z.string().nullish() })
  .nullish();
const consent = z.object({ marketingState: z.string().nullish() }).nullish();

export const graphqlCustomerSchema = z.object({
  id: shopifyIdSchema,
  email: z.string().nullish(),
  locale: z.string().nullish(),
  defaultAddress: address,
  emailMarketingConsent: consent,
  smsMarketingConsent: consent,
});

const lineItem = z.object({
  product: z.object({ id: shopifyIdSchema }).nullish(),
  title: z.string().nullish(),
  quantity: z.number().int().nonnegative().default(1),
});

export const graphqlOrderSchema = z.object({
  id: shopifyIdSchema,
  createdAt: z.string(),
  cancelledAt: z.string().nullish(),
  test: z.boolean().nullish(),
  displayFinancialStatus: z.string().nullish(),
  email: z.string().nullish(),
  customerLocale: z.string().nullish(),
  totalPriceSet: money,
  totalRefundedSet: money.nullish(),
  customer: graphqlCustomerSchema.nullish(),
  shippingAddress: address,
  billingAddress: address,
  lineItems: z
    .union([
      z.object({ nodes: z.array(lineItem) }),
      z.object({ edges: z.array(z.object({ node: lineItem })) }),
    ])
    .nullish(),
});

export type ShopifyGraphqlOrder = z.input<typeof graphqlOrderSchema>;
export type ShopifyGraphqlCustomer = z.input<typeof graphqlCustomerSchema>;

/** True for an Admin GraphQL order (camelCase `createdAt` / `totalPriceSet`). */
export function isGraphqlOrder(input: unknown): boolean {
  return typeof input === "object" && input !== null && ("totalPriceSet" in input || "createdAt" in input);
}

/** True for an Admin GraphQL customer (camelCase consent or address fields). */
export function isGraphqlCustomer(input: unknown): boolean {
  return (
    typeof input === "object" &&
    input !== null &&
    ("emailMarketingConsent" in input || "defaultAddress" in input || "smsMarketingConsent" in input)
  );
}

const lower = (state: string | null | undefined): string | null => (state ? state.toLowerCase() : null);

/** A parsed GraphQL customer in the REST shape. */
export function restCustomer(c: z.output<typeof graphqlCustomerSchema>): ShopifyCustomer {
  return {
    id: c.id,
    email: c.email ?? null,
    locale: c.locale ?? null,
    default_address: {
      country_code: c.defaultAddress?.countryCodeV2 ?? c.defaultAddress?.countryCode ?? null,
    },
    email_marketing_consent: { state: lower(c.emailMarketingConsent?.marketingState) },
    sms_marketing_consent: { state: lower(c.smsMarketingConsent?.marketingState) },
  };
}

/** A parsed GraphQL order in the REST shape (refunds as one transaction of the refunded total). */
export function restOrder(o: z.output<typeof graphqlOrderSchema>): ShopifyOrder {
  const items = o.lineItems
    ? "nodes" in o.lineItems
      ? o.lineItems.nodes
      : o.lineItems.edges.map((e) => e.node)
    : [];
  const refunded = o.totalRefundedSet?.shopMoney.amount ?? 0;
  const country = (a: z.output<typeof address>) => ({
    country_code: a?.countryCodeV2 ?? a?.countryCode ?? null,
  });
  return {
    id: o.id,
    created_at: o.createdAt,
    currency: o.totalPriceSet.shopMoney.currencyCode ?? null,
    total_price: o.totalPriceSet.shopMoney.amount,
    customer: o.customer ? { ...restCustomer(o.customer) } : null,
    email: o.email ?? null,
    customer_locale: o.customerLocale ?? null,
    line_items: items.map((i) => ({
      product_id: i.product?.id ?? null,
      title: i.title ?? null,
      quantity: i.quantity,
    })),
    refunds:
      refunded > 0 ? [{ transactions: [{ kind: "refund", status: "success", amount: refunded }] }] : [],
    cancelled_at: o.cancelledAt ?? null,
    test: o.test ?? null,
    financial_status: lower(o.displayFinancialStatus),
    shipping_address: country(o.shippingAddress),
    billing_address: country(o.billingAddress),
  };
}
