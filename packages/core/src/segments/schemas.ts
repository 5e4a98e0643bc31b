/**
 * Input shapes: the subset of Shopify Admin REST API orders and customers (also the payloads of
 * the orders/create and customers/update webhooks) that segmentation reads. Unknown fields are
 * ignored, so raw API objects can be passed as they are. GraphQL shapes: graphql.ts.
 */
import { z } from "zod";

/** Shopify ids: REST numbers, numeric strings, or GraphQL gids ("gid://shopify/Order/1"). */
export const shopifyIdSchema = z.union([z.number().int().nonnegative(), z.string().min(1)]);

/** Money: Shopify sends decimal strings ("12.50"); numbers are accepted too. */
export const moneySchema = z.union([
  z.number().finite(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, "must be a decimal amount such as 12.50")
    .transform(Number),
]);

const dateSchema = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO 8601 date-time");
const currencySchema = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as EUR");
const addressSchema = z.object({ country_code: z.string().nullish() }).nullish();
const consentSchema = z.object({ state: z.string().nullish() }).nullish();

export const orderCustomerSchema = z.object({
  id: shopifyIdSchema,
  email: z.string().nullish(),
  locale: z.string().nullish(),
  default_address: addressSchema,
  email_marketing_consent: consentSchema,
  sms_marketing_consent: consentSchema,
});

export const lineItemSchema = z.object({
  product_id: shopifyIdSchema.nullish(),
  title: z.string().nullish(),
  quantity: z.number().int().nonnegative().default(1),
});

export const refundSchema = z.object({
  transactions: z
    .array(
      z.object({
        kind: z.string().nullish(),
        status: z.string().nullish(),
        amount: moneySchema,
      }),
    )
    .default([]),
});

export const orderSchema = z.object({
  id: shopifyIdSchema,
  created_at: dateSchema,
  /** Shop currency of `total_price`; defaults to the analysis currency when absent. */
  currency: currencySchema.nullish(),
  total_price: moneySchema,
  customer: orderCustomerSchema.nullish(),
  email: z.string().nullish(),
  customer_locale: z.string().nullish(),
  line_items: z.array(lineItemSchema).default([]),
  refunds: z.array(refundSchema).default([]),
  cancelled_at: z.string().nullish(),
  test: z.boolean().nullish(),
  financial_status: z.string().nullish(),
  shipping_address: addressSchema,
  billing_address: addressSchema,
});

export const customerSchema = z.object({
  id: shopifyIdSchema,
  email: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  locale: z.string().nullish(),
  created_at: dateSchema.nullish(),
  default_address: addressSchema,
  email_marketing_consent: consentSchema,
  sms_marketing_consent: consentSchema,
  /** Legacy REST flag, read when email_marketing_consent is absent. */
  accepts_marketing: z.boolean().nullish(),
});

export const productSchema = z.object({
  id: shopifyIdSchema,
  title: z.string().nullish(),
  product_type: z.string().nullish(),
});

export const profileOptionsSchema = z.object({
  /** Currency every amount is reported in (the shop's currency). */
  currency: currencySchema,
  /** Exchange rates INTO `currency`: { USD: 0.92 } means 1 USD = 0.92 of `currency`. */
  rates: z.record(currencySchema, z.number().positive().finite()).default({}),
  /** End of the observation window; defaults to now. Orders after it are "future" and skipped. */
  asOf: z.union([z.date(), dateSchema]).optional(),
  /** Grace for clock skew and time zones before an order counts as future. Default 1 day. */
  futureToleranceMs: z.number().nonnegative().default(86_400_000),
  /** Catalog, for product titles and categories (product_type). */
  products: z.array(productSchema).default([]),
});

export type ShopifyOrder = z.input<typeof orderSchema>;
export type ShopifyCustomer = z.input<typeof customerSchema>;
export type ShopifyProduct = z.input<typeof productSchema>;
export type ProfileOptions = z.input<typeof profileOptionsSchema>;
export type ParsedOrder = z.output<typeof orderSchema>;
export type ParsedCustomer = z.output<typeof customerSchema>;

/** "gid://shopify/Customer/42", "42" and 42 are the same customer: normalise to "42". */
export function normalizeId(id: string | number): string {
  if (typeof id === "number") return String(id);
  const slash = id.lastIndexOf("/");
  return id.startsWith("gid://") && slash >= 0 ? id.slice(slash + 1) : id;
}
