// Storefront activity for tests and the demo: a customer signs up, an order is placed. Both go
// through the store's mutators, so the app receives customers/create, orders/create and
// customers/update webhooks as it would from Shopify.
import { z } from "zod";
import type { Store } from "./store/store.js";
import type { CustomerRecord, LineItemRecord, OrderRecord } from "./store/types.js";

const customerInputSchema = z.object({
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  email: z.email().nullable().default(null),
  locale: z.string().default("en"),
  acceptsMarketing: z.boolean().default(false),
  tags: z.array(z.string()).default([]),
});

const orderInputSchema = z.object({
  customerId: z.number().int().nullable().default(null),
  lines: z
    .array(z.object({ variantId: z.number().int(), quantity: z.number().int().min(1).default(1) }))
    .min(1),
  financialStatus: z.enum(["PAID", "PENDING", "REFUNDED", "PARTIALLY_REFUNDED", "VOIDED"]).default("PAID"),
});

export type NewCustomerInput = z.input<typeof customerInputSchema>;
export type NewOrderInput = z.input<typeof orderInputSchema>;

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (!result.success)
    throw new Error(
      `Invalid ${what}: ${result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
    );
  return result.data;
}

/**
 * A new customer signs up (customers/create).
 *
 * @example
 * const customer = createCustomer(emulator.store, { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" });
 */
export function createCustomer(store: Store, input: NewCustomerInput): CustomerRecord {
  const data = parse(customerInputSchema, input, "customer");
  const now = store.now();
  return store.createCustomer({
    id: store.nextId(),
    firstName: data.firstName,
    lastName: data.lastName,
    email: data.email,
    phone: null,
    locale: data.locale,
    tags: data.tags,
    note: null,
    state: "ENABLED",
    verifiedEmail: data.email !== null,
    emailMarketingState: data.acceptsMarketing ? "SUBSCRIBED" : "NOT_SUBSCRIBED",
    address: null,
    metafields: [],
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * An order is placed for existing variants (orders/create, then customers/update).
 *
 * @example
 * placeOrder(emulator.store, { customerId: customer.id, lines: [{ variantId, quantity: 2 }] });
 */
export function placeOrder(store: Store, input: NewOrderInput): OrderRecord {
  const data = parse(orderInputSchema, input, "order");
  const customer = data.customerId === null ? undefined : store.customers.get(data.customerId);
  if (data.customerId !== null && !customer)
    throw new Error(`Invalid order: customerId: no customer ${data.customerId}`);
  const lineItems: LineItemRecord[] = data.lines.map((line, index) => {
    const product = store.productOfVariant(line.variantId);
    const variant = product?.variants.find((v) => v.id === line.variantId);
    if (!product || !variant)
      throw new Error(`Invalid order: lines.${index}.variantId: no variant ${line.variantId}`);
    return {
      id: store.nextId(),
      productId: product.id,
      variantId: variant.id,
      title: product.title,
      variantTitle: variant.title === "Default Title" ? null : variant.title,
      sku: variant.sku,
      vendor: product.vendor,
      quantity: line.quantity,
      price: variant.price,
    };
  });
  const subtotal = lineItems.reduce((sum, item) => sum + Number(item.price) * item.quantity, 0);
  const total = Math.round(subtotal * 100) / 100;
  const now = store.now();
  const number = 1001 + store.orders.size;
  return store.createOrder({
    id: store.nextId(),
    number,
    customerId: customer?.id ?? null,
    email: customer?.email ?? null,
    currencyCode: store.shop.currencyCode,
    financialStatus: data.financialStatus,
    fulfillmentStatus: "UNFULFILLED",
    lineItems,
    subtotalPrice: total.toFixed(2),
    totalDiscounts: "0.00",
    totalShipping: "0.00",
    totalTax: (total - total / 1.2).toFixed(2),
    totalPrice: total.toFixed(2),
    discountCodes: [],
    tags: [],
    sourceName: "web",
    customerLocale: customer?.locale ?? null,
    shippingAddress: customer?.address ?? null,
    cancelledAt: null,
    closedAt: null,
    metafields: [],
    processedAt: now,
    createdAt: now,
    updatedAt: now,
  });
}
