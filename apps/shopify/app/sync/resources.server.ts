import { CUSTOMERS_BULK_QUERY, ORDERS_BULK_QUERY, PRODUCTS_BULK_QUERY } from "../shopify/graphql/bulk.js";

/** The store data the app mirrors; each is pulled by one bulk query into its tables. */
export const SYNC_RESOURCES = ["products", "customers", "orders"] as const;
export type SyncResource = (typeof SYNC_RESOURCES)[number];

export const RESOURCE: Record<SyncResource, { bulkQuery: string; tables: readonly string[] }> = {
  products: { bulkQuery: PRODUCTS_BULK_QUERY, tables: ["Product", "Variant", "Media", "ProductMetafield"] },
  customers: { bulkQuery: CUSTOMERS_BULK_QUERY, tables: ["Customer"] },
  orders: { bulkQuery: ORDERS_BULK_QUERY, tables: ["Order", "OrderLine"] },
};
