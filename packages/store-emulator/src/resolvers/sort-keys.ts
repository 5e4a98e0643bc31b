// Sort keys of the products, customers and orders connections: a primary value and the id.
import type { SortKey } from "../graphql/connection.js";
import type { Store } from "../store/store.js";
import type { CustomerRecord, OrderRecord, ProductRecord } from "../store/types.js";

export function productSortKey(sortKey: string): (p: ProductRecord) => SortKey {
  switch (sortKey) {
    case "TITLE":
      return (p) => ({ id: p.id, value: p.title.toLowerCase() });
    case "UPDATED_AT":
      return (p) => ({ id: p.id, value: p.updatedAt });
    case "CREATED_AT":
      return (p) => ({ id: p.id, value: p.createdAt });
    case "PUBLISHED_AT":
      return (p) => ({ id: p.id, value: p.publishedAt });
    case "VENDOR":
      return (p) => ({ id: p.id, value: p.vendor.toLowerCase() });
    case "PRODUCT_TYPE":
      return (p) => ({ id: p.id, value: p.productType.toLowerCase() });
    case "INVENTORY_TOTAL":
      return (p) => ({ id: p.id, value: p.variants.reduce((sum, v) => sum + v.inventoryQuantity, 0) });
    default:
      // ID, and RELEVANCE (which has no meaning without a search engine).
      return (p) => ({ id: p.id, value: p.id });
  }
}

export function customerSortKey(sortKey: string): (c: CustomerRecord) => SortKey {
  switch (sortKey) {
    case "CREATED_AT":
      return (c) => ({ id: c.id, value: c.createdAt });
    case "UPDATED_AT":
      return (c) => ({ id: c.id, value: c.updatedAt });
    case "NAME":
      return (c) => ({ id: c.id, value: `${c.firstName} ${c.lastName}`.toLowerCase() });
    case "LOCATION":
      return (c) => ({ id: c.id, value: c.address?.country ?? null });
    default:
      return (c) => ({ id: c.id, value: c.id });
  }
}

export function orderSortKey(sortKey: string, store: Store): (o: OrderRecord) => SortKey {
  switch (sortKey) {
    case "CREATED_AT":
      return (o) => ({ id: o.id, value: o.createdAt });
    case "PROCESSED_AT":
      return (o) => ({ id: o.id, value: o.processedAt });
    case "UPDATED_AT":
      return (o) => ({ id: o.id, value: o.updatedAt });
    case "ORDER_NUMBER":
      return (o) => ({ id: o.id, value: o.number });
    case "TOTAL_PRICE":
    case "CURRENT_TOTAL_PRICE":
      return (o) => ({ id: o.id, value: Number(o.totalPrice) });
    case "CUSTOMER_NAME":
      return (o) => {
        const c = o.customerId === null ? undefined : store.customers.get(o.customerId);
        return { id: o.id, value: c ? `${c.firstName} ${c.lastName}`.toLowerCase() : null };
      };
    case "FINANCIAL_STATUS":
      return (o) => ({ id: o.id, value: o.financialStatus });
    case "FULFILLMENT_STATUS":
      return (o) => ({ id: o.id, value: o.fulfillmentStatus });
    case "TOTAL_ITEMS_QUANTITY":
      return (o) => ({ id: o.id, value: o.lineItems.reduce((sum, li) => sum + li.quantity, 0) });
    default:
      return (o) => ({ id: o.id, value: o.id });
  }
}
