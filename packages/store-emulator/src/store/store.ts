import { MonotonicClock } from "./clock.js";
import type {
  AppSubscriptionRecord,
  AppUsageRecordRecord,
  BulkOperationRecord,
  CustomerRecord,
  FileRecord,
  MetafieldDefinitionRecord,
  MetafieldRecord,
  OrderRecord,
  ProductRecord,
  ShopRecord,
  StagedUploadRecord,
  WebhookSubscriptionRecord,
} from "./types.js";

/** A change the store announces; the webhook layer turns it into a delivery. */
export type StoreChange =
  | { topic: "products/create" | "products/update"; product: ProductRecord }
  | { topic: "products/delete"; productId: number }
  | { topic: "customers/create" | "customers/update"; customer: CustomerRecord }
  | { topic: "customers/delete"; customerId: number }
  | { topic: "orders/create" | "orders/updated"; order: OrderRecord }
  | { topic: "orders/delete"; orderId: number }
  | { topic: "bulk_operations/finish"; operation: BulkOperationRecord }
  | { topic: "app_subscriptions/update"; subscription: AppSubscriptionRecord };

export type StoreListener = (change: StoreChange) => void;

/** First id handed to objects created at run time: above every id the generator uses. */
const FIRST_RUNTIME_ID = 90_000_000_000_000;

/**
 * The emulated shop's data, in memory. Records are plain objects; every mutation made through the
 * methods below stamps `updatedAt` and announces a {@link StoreChange} (as Shopify emits webhooks).
 * `insert*` methods are for seeding and announce nothing.
 *
 * @example
 * const store = new Store({ domain: "demo.myshopify.com" });
 * store.updateProduct(id, (p) => { p.title = "New title"; }); // → products/update webhook
 */
export class Store {
  readonly shop: ShopRecord;
  readonly clock: MonotonicClock;
  readonly products = new Map<number, ProductRecord>();
  readonly customers = new Map<number, CustomerRecord>();
  readonly orders = new Map<number, OrderRecord>();
  readonly webhookSubscriptions = new Map<number, WebhookSubscriptionRecord>();
  readonly bulkOperations = new Map<number, BulkOperationRecord>();
  readonly files = new Map<number, FileRecord>();
  readonly stagedUploads = new Map<string, StagedUploadRecord>();
  readonly appSubscriptions = new Map<number, AppSubscriptionRecord>();
  readonly usageRecords = new Map<number, AppUsageRecordRecord>();
  /** Metafields owned by the app installation (`currentAppInstallation.metafields`). */
  readonly appMetafields: MetafieldRecord[] = [];
  readonly metafieldDefinitions = new Map<number, MetafieldDefinitionRecord>();
  /** variant id → product id */
  private readonly variantOwner = new Map<number, number>();
  private readonly ordersByCustomer = new Map<number, Set<number>>();
  private readonly listeners = new Set<StoreListener>();
  private idCounter = FIRST_RUNTIME_ID;

  constructor(shop: Partial<ShopRecord> & { domain: string }, clock = new MonotonicClock()) {
    this.clock = clock;
    const name = shop.domain.replace(/\.myshopify\.com$/, "");
    this.shop = {
      id: shop.id ?? 60_000_000_001,
      name: shop.name ?? name,
      domain: shop.domain,
      email: shop.email ?? `owner@${name}.example`,
      currencyCode: shop.currencyCode ?? "EUR",
      ianaTimezone: shop.ianaTimezone ?? "Europe/Paris",
      primaryLocale: shop.primaryLocale ?? "en",
      locales: shop.locales ?? ["fr", "de", "es", "it"],
      planName: shop.planName ?? "Basic",
      metafields: shop.metafields ?? [],
      createdAt: shop.createdAt ?? "2023-01-01T00:00:00Z",
    };
  }

  /** A fresh id for a new object of any type (ids only need to be unique per type in Shopify). */
  nextId(): number {
    this.idCounter += 1;
    return this.idCounter;
  }

  now(): string {
    return this.clock.tick();
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: StoreChange): void {
    for (const listener of this.listeners) listener(change);
  }

  // ── products ──────────────────────────────────────────────────────────────────────────────

  /** Seeds a product as is (no webhook). */
  insertProduct(product: ProductRecord): void {
    this.products.set(product.id, product);
    this.indexVariants(product);
    this.clock.observe(product.updatedAt);
  }

  getProduct(id: number): ProductRecord | undefined {
    return this.products.get(id);
  }

  productOfVariant(variantId: number): ProductRecord | undefined {
    const owner = this.variantOwner.get(variantId);
    return owner === undefined ? undefined : this.products.get(owner);
  }

  productByHandle(handle: string): ProductRecord | undefined {
    for (const product of this.products.values()) if (product.handle === handle) return product;
    return undefined;
  }

  /** A handle derived from `title`, suffixed `-1`, `-2`… when taken (as Shopify does). */
  uniqueHandle(title: string, exceptId?: number): string {
    const base =
      title
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, "-")
        .replace(/^-+|-+$/g, "") || "product";
    const taken = new Set<string>();
    for (const product of this.products.values()) if (product.id !== exceptId) taken.add(product.handle);
    if (!taken.has(base)) return base;
    for (let n = 1; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  /** Adds a product built by the caller and announces products/create. */
  createProduct(product: ProductRecord): ProductRecord {
    this.insertProduct(product);
    this.emit({ topic: "products/create", product });
    return product;
  }

  /** Applies `change` to a product, stamps `updatedAt` and announces products/update. */
  updateProduct(id: number, change: (product: ProductRecord) => void): ProductRecord | undefined {
    const product = this.products.get(id);
    if (!product) return undefined;
    for (const variant of product.variants) this.variantOwner.delete(variant.id);
    change(product);
    product.updatedAt = this.now();
    this.indexVariants(product);
    this.emit({ topic: "products/update", product });
    return product;
  }

  deleteProduct(id: number): boolean {
    const product = this.products.get(id);
    if (!product) return false;
    for (const variant of product.variants) this.variantOwner.delete(variant.id);
    this.products.delete(id);
    this.emit({ topic: "products/delete", productId: id });
    return true;
  }

  private indexVariants(product: ProductRecord): void {
    for (const variant of product.variants) this.variantOwner.set(variant.id, product.id);
  }

  // ── customers ─────────────────────────────────────────────────────────────────────────────

  insertCustomer(customer: CustomerRecord): void {
    this.customers.set(customer.id, customer);
    this.clock.observe(customer.updatedAt);
  }

  createCustomer(customer: CustomerRecord): CustomerRecord {
    this.insertCustomer(customer);
    this.emit({ topic: "customers/create", customer });
    return customer;
  }

  updateCustomer(id: number, change: (customer: CustomerRecord) => void): CustomerRecord | undefined {
    const customer = this.customers.get(id);
    if (!customer) return undefined;
    change(customer);
    customer.updatedAt = this.now();
    this.emit({ topic: "customers/update", customer });
    return customer;
  }

  deleteCustomer(id: number): boolean {
    if (!this.customers.delete(id)) return false;
    this.emit({ topic: "customers/delete", customerId: id });
    return true;
  }

  // ── orders ────────────────────────────────────────────────────────────────────────────────

  insertOrder(order: OrderRecord): void {
    this.orders.set(order.id, order);
    if (order.customerId !== null) {
      let set = this.ordersByCustomer.get(order.customerId);
      if (!set) this.ordersByCustomer.set(order.customerId, (set = new Set()));
      set.add(order.id);
    }
    this.clock.observe(order.updatedAt);
  }

  createOrder(order: OrderRecord): OrderRecord {
    this.insertOrder(order);
    this.emit({ topic: "orders/create", order });
    const customer = order.customerId === null ? undefined : this.customers.get(order.customerId);
    // Shopify updates the customer's statistics with each order and says so.
    if (customer) this.updateCustomer(customer.id, () => undefined);
    return order;
  }

  updateOrder(id: number, change: (order: OrderRecord) => void): OrderRecord | undefined {
    const order = this.orders.get(id);
    if (!order) return undefined;
    change(order);
    order.updatedAt = this.now();
    this.emit({ topic: "orders/updated", order });
    return order;
  }

  /** Orders of a customer, oldest first. */
  customerOrders(customerId: number): OrderRecord[] {
    const ids = this.ordersByCustomer.get(customerId);
    if (!ids) return [];
    const orders: OrderRecord[] = [];
    for (const id of ids) {
      const order = this.orders.get(id);
      if (order) orders.push(order);
    }
    return orders.sort((a, b) =>
      a.processedAt < b.processedAt ? -1 : a.processedAt > b.processedAt ? 1 : a.id - b.id,
    );
  }

  /** Number of orders and amount spent (non-cancelled orders), as Shopify's customer statistics. */
  customerStats(customerId: number): { count: number; spent: number; lastOrder: OrderRecord | undefined } {
    const orders = this.customerOrders(customerId);
    let spent = 0;
    for (const order of orders) if (order.cancelledAt === null) spent += Number(order.totalPrice);
    return { count: orders.length, spent: Math.round(spent * 100) / 100, lastOrder: orders.at(-1) };
  }
}
