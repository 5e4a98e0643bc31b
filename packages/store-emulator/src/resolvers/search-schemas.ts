// Which `query:` fields each connection understands (a subset of Shopify's search syntax per resource).
import type { SearchSchema } from "../graphql/search-query.js";
import type { Store } from "../store/store.js";
import type { CustomerRecord, OrderRecord, ProductRecord } from "../store/types.js";

export const productSearch: SearchSchema<ProductRecord> = {
  fields: {
    id: (p) => p.id,
    title: (p) => p.title,
    handle: (p) => p.handle,
    status: (p) => p.status.toLowerCase(),
    vendor: (p) => p.vendor,
    product_type: (p) => p.productType,
    tag: (p) => p.tags,
    tag_not: (p) => p.tags,
    sku: (p) => p.variants.flatMap((v) => (v.sku ? [v.sku] : [])),
    barcode: (p) => p.variants.flatMap((v) => (v.barcode ? [v.barcode] : [])),
    created_at: (p) => p.createdAt,
    updated_at: (p) => p.updatedAt,
    published_at: (p) => p.publishedAt,
    published_status: (p) => (p.publishedAt ? "published" : "unpublished"),
    inventory_total: (p) => p.variants.reduce((sum, v) => sum + v.inventoryQuantity, 0),
    gift_card: () => false,
  },
  defaultFields: [(p) => p.title, (p) => p.vendor, (p) => p.productType, (p) => p.tags.join(" ")],
  dateFields: ["created_at", "updated_at", "published_at"],
};

export function customerSearch(store: Store): SearchSchema<CustomerRecord> {
  return {
    fields: {
      id: (c) => c.id,
      email: (c) => c.email,
      first_name: (c) => c.firstName,
      last_name: (c) => c.lastName,
      phone: (c) => c.phone,
      tag: (c) => c.tags,
      state: (c) => c.state.toLowerCase(),
      country: (c) => c.address?.country ?? null,
      accepts_marketing: (c) => c.emailMarketingState === "SUBSCRIBED",
      orders_count: (c) => store.customerStats(c.id).count,
      total_spent: (c) => store.customerStats(c.id).spent,
      created_at: (c) => c.createdAt,
      updated_at: (c) => c.updatedAt,
    },
    defaultFields: [(c) => c.firstName, (c) => c.lastName, (c) => c.email],
    dateFields: ["created_at", "updated_at"],
  };
}

export function orderSearch(_store: Store): SearchSchema<OrderRecord> {
  return {
    fields: {
      id: (o) => o.id,
      name: (o) => `#${o.number}`,
      email: (o) => o.email,
      customer_id: (o) => o.customerId,
      financial_status: (o) => o.financialStatus.toLowerCase(),
      fulfillment_status: (o) =>
        o.fulfillmentStatus === "FULFILLED" ? "shipped" : o.fulfillmentStatus.toLowerCase(),
      status: (o) => (o.cancelledAt ? "cancelled" : o.closedAt ? "closed" : "open"),
      tag: (o) => o.tags,
      discount_code: (o) => o.discountCodes,
      source_name: (o) => o.sourceName,
      sku: (o) => o.lineItems.flatMap((li) => (li.sku ? [li.sku] : [])),
      product_id: (o) => o.lineItems.flatMap((li) => (li.productId === null ? [] : [li.productId])),
      created_at: (o) => o.createdAt,
      processed_at: (o) => o.processedAt,
      updated_at: (o) => o.updatedAt,
    },
    defaultFields: [(o) => `#${o.number}`, (o) => o.email],
    dateFields: ["created_at", "processed_at", "updated_at"],
  };
}
