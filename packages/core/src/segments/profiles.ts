/**
 * Customer profiles built in one streaming pass over orders: per-customer aggregates live in
 * growable typed arrays (about 60 bytes per customer plus 12 per purchased line), so a million
 * orders never exist in memory at once. Orders can be Shopify objects (validated with zod) or,
 * for bulk loads, plain columns.
 */
import { ValidationError, type FieldIssue } from "../errors/index.js";
import { normalizeLanguage, type Language } from "../i18n/index.js";
import { parseOrThrow } from "../internal/zod.js";
import {
  customerSchema,
  normalizeId,
  orderSchema,
  profileOptionsSchema,
  type ParsedCustomer,
  type ParsedOrder,
  type ProfileOptions,
  type ShopifyCustomer,
  type ShopifyOrder,
} from "./schemas.js";
import {
  graphqlCustomerSchema,
  graphqlOrderSchema,
  isGraphqlCustomer,
  isGraphqlOrder,
  restCustomer,
  restOrder,
  type ShopifyGraphqlCustomer,
  type ShopifyGraphqlOrder,
} from "./graphql.js";
import { IdIndex, SeenOrderIds, idKey } from "./ids.js";

export const DAY_MS = 86_400_000;

/** Why an order was left out of the profiles (see docs/segments.md, "Bad input"). */
export type SkipReason =
  | "missingCustomer"
  | "cancelled"
  | "test"
  | "fullyRefunded"
  | "zeroTotal"
  | "negativeTotal"
  | "futureDate"
  | "duplicateId";

export const SKIP_REASONS: readonly SkipReason[] = [
  "missingCustomer",
  "cancelled",
  "test",
  "fullyRefunded",
  "zeroTotal",
  "negativeTotal",
  "futureDate",
  "duplicateId",
];

export interface IngestReport {
  ordersRead: number;
  ordersUsed: number;
  skipped: Record<SkipReason, number>;
  /** Orders kept with a partial refund deducted. */
  partiallyRefunded: number;
  /** Orders converted from another currency, per source currency. */
  converted: Record<string, number>;
  /** Customers given with `addCustomer` that have no usable order (Shopify's "prospects"). */
  customersWithoutOrders: number;
  /** The first 100 skipped orders, for the merchant to inspect. */
  examples: { orderId: string; reason: SkipReason }[];
}

/** Catalog entries seen in orders or given in options, indexed by position. */
export interface ProductDirectory {
  ids: string[];
  titles: (string | null)[];
  categories: (string | null)[];
}

/** Every purchased line: customer index, product index, quantity. */
export interface PurchaseLines {
  length: number;
  customer: Uint32Array;
  product: Uint32Array;
  quantity: Float32Array;
}

/** Columnar customer profiles: entry i of every array is customer i. */
export interface CustomerTable {
  size: number;
  currency: string;
  /** End of observation (ms since epoch). */
  asOf: number;
  ids: string[];
  firstOrderAt: Float64Array;
  lastOrderAt: Float64Array;
  orders: Uint32Array;
  totalSpent: Float64Array;
  firstOrderValue: Float64Array;
  email: (string | null)[];
  language: (Language | null)[];
  country: (string | null)[];
  /** 1 when the customer is subscribed to email / SMS marketing. */
  acceptsEmail: Uint8Array;
  acceptsSms: Uint8Array;
  products: ProductDirectory;
  purchases: PurchaseLines;
}

/** One customer's profile as a plain object. */
export interface CustomerProfile {
  id: string;
  email: string | null;
  firstOrderAt: Date;
  lastOrderAt: Date;
  orders: number;
  totalSpent: number;
  averageOrderValue: number;
  recencyDays: number;
  preferredProducts: { id: string; title: string | null; quantity: number }[];
  preferredCategories: string[];
  language: Language | null;
  country: string | null;
  acceptsEmail: boolean;
  acceptsSms: boolean;
}

/** Bulk orders as parallel columns, already in the analysis currency (see addOrderColumns). */
export interface OrderColumns {
  customerId: ArrayLike<number> | readonly string[];
  /** Order time, ms since epoch. */
  createdAt: ArrayLike<number>;
  /** Net amount after refunds. */
  total: ArrayLike<number>;
  /** Optional order ids, for duplicate detection. */
  orderId?: ArrayLike<number> | readonly string[];
  /** Optional product bought (one line per order), as a product id. */
  productId?: ArrayLike<number> | readonly string[];
}

interface Attributes {
  email: string | null;
  language: Language | null;
  country: string | null;
  acceptsEmail: boolean;
  acceptsSms: boolean;
}

function grow<T extends Float64Array | Uint32Array | Float32Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

const subscribed = (state: string | null | undefined): boolean =>
  state === "subscribed" || state === "SUBSCRIBED";

/**
 * Streaming builder of customer profiles. Call `addCustomer` / `addOrder` / `addOrderColumns`
 * in any order, then `finish()` once.
 *
 * @example
 * const builder = createProfileBuilder({ currency: "EUR", rates: { USD: 0.92 }, asOf: "2025-01-01T00:00:00Z" });
 * for await (const order of orders) builder.addOrder(order);
 * const { table, report } = builder.finish();
 */
export function createProfileBuilder(options: ProfileOptions): ProfileBuilder {
  return new ProfileBuilder(options);
}

export class ProfileBuilder {
  private readonly currency: string;
  private readonly rates: Readonly<Record<string, number>>;
  private readonly asOf: number;
  private readonly latestAllowed: number;
  private readonly customers = new IdIndex();
  private firstAt = new Float64Array(1024);
  private lastAt = new Float64Array(1024);
  private orderCount = new Uint32Array(1024);
  private spent = new Float64Array(1024);
  private firstValue = new Float64Array(1024);
  private readonly attributes = new Map<string, Attributes>();
  private readonly seenOrders = new SeenOrderIds();
  private readonly productIndex = new IdIndex();
  private readonly products: ProductDirectory = { ids: [], titles: [], categories: [] };
  private lineCustomer = new Uint32Array(1024);
  private lineProduct = new Uint32Array(1024);
  private lineQuantity = new Float32Array(1024);
  private lines = 0;
  private readonly missingRates = new Map<string, { count: number; example: string }>();
  private finished = false;
  private readonly report: IngestReport = {
    ordersRead: 0,
    ordersUsed: 0,
    skipped: {
      missingCustomer: 0,
      cancelled: 0,
      test: 0,
      fullyRefunded: 0,
      zeroTotal: 0,
      negativeTotal: 0,
      futureDate: 0,
      duplicateId: 0,
    },
    partiallyRefunded: 0,
    converted: {},
    customersWithoutOrders: 0,
    examples: [],
  };

  constructor(options: ProfileOptions) {
    const parsed = parseOrThrow(profileOptionsSchema, options, "profile options");
    this.currency = parsed.currency;
    this.rates = parsed.rates;
    this.asOf = parsed.asOf === undefined ? Date.now() : new Date(parsed.asOf).getTime();
    this.latestAllowed = this.asOf + parsed.futureToleranceMs;
    for (const product of parsed.products) {
      const index = this.product(product.id, product.title ?? null);
      this.products.categories[index] = product.product_type || null;
      if (product.title) this.products.titles[index] = product.title;
    }
  }

  /**
   * Adds or updates a customer's attributes (locale, country, consent) from a Shopify customer
   * (REST or GraphQL shape).
   */
  addCustomer(input: ShopifyCustomer | ShopifyGraphqlCustomer): void {
    this.assertOpen();
    const rest = isGraphqlCustomer(input)
      ? restCustomer(parseOrThrow(graphqlCustomerSchema, input, "customer"))
      : (input as ShopifyCustomer);
    const customer: ParsedCustomer = parseOrThrow(customerSchema, rest, "customer");
    const emailConsent = customer.email_marketing_consent?.state;
    this.attributes.set(normalizeId(customer.id), {
      email: customer.email ?? null,
      language: customer.locale ? normalizeLanguage(customer.locale) : null,
      country: customer.default_address?.country_code ?? null,
      acceptsEmail: emailConsent ? subscribed(emailConsent) : customer.accepts_marketing === true,
      acceptsSms: subscribed(customer.sms_marketing_consent?.state),
    });
  }

  /**
   * Adds one Shopify order, in the Admin REST/webhook shape or the Admin GraphQL shape. Throws a
   * ValidationError naming the field when it is malformed; orders that are well-formed but
   * unusable are skipped and counted in the report.
   */
  addOrder(input: ShopifyOrder | ShopifyGraphqlOrder): void {
    this.assertOpen();
    // Name the order in the message: in a stream of a million, "Invalid order" alone is useless.
    const id = (input as { id?: unknown } | null)?.id;
    const what = `order #${this.report.ordersRead + 1}${typeof id === "string" || typeof id === "number" ? ` (id ${id})` : ""}`;
    const rest = isGraphqlOrder(input)
      ? restOrder(parseOrThrow(graphqlOrderSchema, input, what))
      : (input as ShopifyOrder);
    const order: ParsedOrder = parseOrThrow(orderSchema, rest, what);
    this.report.ordersRead++;
    const label = String(order.id);
    if (!this.seenOrders.first(order.id)) return this.skip(label, "duplicateId");
    if (order.test) return this.skip(label, "test");
    if (order.cancelled_at || order.financial_status === "voided") return this.skip(label, "cancelled");
    const createdAt = Date.parse(order.created_at);
    if (createdAt > this.latestAllowed) return this.skip(label, "futureDate");

    let refunded = 0;
    for (const refund of order.refunds)
      for (const t of refund.transactions)
        if ((t.kind ?? "refund") === "refund" && (t.status ?? "success") === "success") refunded += t.amount;
    if (order.total_price < 0) return this.skip(label, "negativeTotal");
    if (order.total_price === 0) return this.skip(label, "zeroTotal");
    const net = order.total_price - refunded;
    if (net <= 0) return this.skip(label, "fullyRefunded");

    const converted = this.convert(net, order.currency ?? this.currency, label);
    if (converted === undefined) return;

    const customerKey = order.customer
      ? normalizeId(order.customer.id)
      : order.email
        ? `email:${order.email.trim().toLowerCase()}`
        : undefined;
    if (customerKey === undefined) return this.skip(label, "missingCustomer");
    if (refunded > 0) this.report.partiallyRefunded++;

    if (!this.attributes.has(customerKey)) {
      const c = order.customer;
      const consent = c?.email_marketing_consent?.state;
      const locale = c?.locale ?? order.customer_locale;
      this.attributes.set(customerKey, {
        email: c?.email ?? order.email ?? null,
        language: locale ? normalizeLanguage(locale) : null,
        country:
          c?.default_address?.country_code ??
          order.shipping_address?.country_code ??
          order.billing_address?.country_code ??
          null,
        acceptsEmail: subscribed(consent),
        acceptsSms: subscribed(c?.sms_marketing_consent?.state),
      });
    }
    const customer = this.record(customerKey, createdAt, converted);
    for (const item of order.line_items) {
      if (item.product_id === null || item.product_id === undefined || item.quantity === 0) continue;
      this.line(customer, this.product(item.product_id, item.title ?? null), item.quantity);
    }
  }

  /**
   * Adds orders given as columns, for bulk loads from a database or a CSV export. Amounts must
   * already be net and in the analysis currency; the same skip rules apply (non-positive totals,
   * future dates, duplicate ids). Malformed columns throw a ValidationError naming the column.
   */
  addOrderColumns(columns: OrderColumns): void {
    this.assertOpen();
    const n = columns.customerId.length;
    const issues: FieldIssue[] = [];
    for (const key of ["createdAt", "total", "orderId", "productId"] as const) {
      const column = columns[key];
      if (column !== undefined && column.length !== n)
        issues.push({ path: key, message: `has ${column.length} entries, customerId has ${n}` });
    }
    for (let i = 0; i < n && issues.length < 20; i++) {
      if (!Number.isFinite(columns.createdAt[i]))
        issues.push({ path: `createdAt.${i}`, message: "must be a time in ms" });
      if (!Number.isFinite(columns.total[i]))
        issues.push({ path: `total.${i}`, message: "must be a finite amount" });
    }
    if (issues.length > 0)
      throw new ValidationError(
        `Invalid order columns: ${issues.map((x) => `${x.path}: ${x.message}`).join("; ")}`,
        issues,
      );

    const { orderId, productId } = columns;
    let duplicate: Uint8Array | undefined;
    if (orderId !== undefined) {
      const numeric = new Float64Array(n);
      let allNumeric = true;
      for (let i = 0; i < n && allNumeric; i++) {
        const key = idKey(orderId[i] ?? "");
        if (typeof key === "number") numeric[i] = key;
        else allNumeric = false;
      }
      // Sorting pays off for bulk batches; small pages go through the hash set (merging the
      // sorted array for every small page would cost O(total) each time).
      if (allNumeric && n >= 4096) duplicate = this.seenOrders.firstInBatch(numeric);
      else {
        duplicate = new Uint8Array(n);
        for (let i = 0; i < n; i++) duplicate[i] = this.seenOrders.first(orderId[i] ?? "") ? 0 : 1;
      }
    }
    for (let i = 0; i < n; i++) {
      this.report.ordersRead++;
      const id = orderId?.[i];
      const label = id === undefined ? `#${this.report.ordersRead}` : String(id);
      const createdAt = columns.createdAt[i] ?? 0;
      const total = columns.total[i] ?? 0;
      if (duplicate?.[i] === 1) {
        this.skip(label, "duplicateId");
        continue;
      }
      if (createdAt > this.latestAllowed) {
        this.skip(label, "futureDate");
        continue;
      }
      if (total <= 0) {
        this.skip(label, total === 0 ? "zeroTotal" : "negativeTotal");
        continue;
      }
      const customer = this.record(columns.customerId[i] ?? "", createdAt, total);
      const product = productId?.[i];
      if (product !== undefined) this.line(customer, this.product(product, null), 1);
    }
  }

  /** Ends ingestion: returns the table and the report, or throws if currencies lacked a rate. */
  finish(): { table: CustomerTable; report: IngestReport } {
    this.assertOpen();
    this.finished = true;
    if (this.missingRates.size > 0) {
      const issues = [...this.missingRates].map(([currency, { count, example }]) => ({
        path: `rates.${currency}`,
        message: `no exchange rate from ${currency} to ${this.currency} for ${count} order(s), e.g. order ${example}`,
      }));
      throw new ValidationError(
        `Orders in other currencies need exchange rates: ${issues.map((i) => i.message).join("; ")}`,
        issues,
      );
    }
    const size = this.customers.ids.length;
    const email: (string | null)[] = new Array<string | null>(size);
    const language: (Language | null)[] = new Array<Language | null>(size);
    const country: (string | null)[] = new Array<string | null>(size);
    const acceptsEmail = new Uint8Array(size);
    const acceptsSms = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      const a = this.attributes.get(this.customers.ids[i] ?? "");
      email[i] = a?.email ?? null;
      language[i] = a?.language ?? null;
      country[i] = a?.country ?? null;
      acceptsEmail[i] = a?.acceptsEmail ? 1 : 0;
      acceptsSms[i] = a?.acceptsSms ? 1 : 0;
    }
    for (const key of this.attributes.keys())
      if (this.customers.get(key) === undefined) this.report.customersWithoutOrders++;
    return {
      table: {
        size,
        currency: this.currency,
        asOf: this.asOf,
        ids: this.customers.ids,
        firstOrderAt: this.firstAt.slice(0, size),
        lastOrderAt: this.lastAt.slice(0, size),
        orders: this.orderCount.slice(0, size),
        totalSpent: this.spent.slice(0, size),
        firstOrderValue: this.firstValue.slice(0, size),
        email,
        language,
        country,
        acceptsEmail,
        acceptsSms,
        products: this.products,
        purchases: {
          length: this.lines,
          customer: this.lineCustomer.slice(0, this.lines),
          product: this.lineProduct.slice(0, this.lines),
          quantity: this.lineQuantity.slice(0, this.lines),
        },
      },
      report: this.report,
    };
  }

  private assertOpen(): void {
    if (this.finished) throw new ValidationError("This profile builder is finished; create a new one", []);
  }

  private skip(orderId: string, reason: SkipReason): void {
    this.report.skipped[reason]++;
    if (this.report.examples.length < 100) this.report.examples.push({ orderId, reason });
  }

  private convert(amount: number, currency: string, orderId: string): number | undefined {
    if (currency === this.currency) return amount;
    const rate = this.rates[currency];
    if (rate === undefined) {
      const missing = this.missingRates.get(currency);
      if (missing) missing.count++;
      else this.missingRates.set(currency, { count: 1, example: orderId });
      return undefined;
    }
    this.report.converted[currency] = (this.report.converted[currency] ?? 0) + 1;
    return amount * rate;
  }

  private record(customerKey: string | number, createdAt: number, amount: number): number {
    const i = this.customers.add(customerKey);
    if (this.customers.lastAdded) {
      const size = i + 1;
      this.firstAt = grow(this.firstAt, size);
      this.lastAt = grow(this.lastAt, size);
      this.orderCount = grow(this.orderCount, size);
      this.spent = grow(this.spent, size);
      this.firstValue = grow(this.firstValue, size);
      this.firstAt[i] = createdAt;
      this.lastAt[i] = createdAt;
      this.firstValue[i] = amount;
    } else {
      if (createdAt < (this.firstAt[i] ?? 0)) {
        this.firstAt[i] = createdAt;
        this.firstValue[i] = amount;
      }
      if (createdAt > (this.lastAt[i] ?? 0)) this.lastAt[i] = createdAt;
    }
    this.orderCount[i] = (this.orderCount[i] ?? 0) + 1;
    this.spent[i] = (this.spent[i] ?? 0) + amount;
    this.report.ordersUsed++;
    return i;
  }

  private product(id: string | number, title: string | null): number {
    const index = this.productIndex.add(id);
    if (this.productIndex.lastAdded) {
      this.products.ids.push(this.productIndex.ids[index] ?? String(id));
      this.products.titles.push(title);
      this.products.categories.push(null);
    } else if (title && !this.products.titles[index]) this.products.titles[index] = title;
    return index;
  }

  private line(customer: number, product: number, quantity: number): void {
    const size = this.lines + 1;
    this.lineCustomer = grow(this.lineCustomer, size);
    this.lineProduct = grow(this.lineProduct, size);
    this.lineQuantity = grow(this.lineQuantity, size);
    this.lineCustomer[this.lines] = customer;
    this.lineProduct[this.lines] = product;
    this.lineQuantity[this.lines] = quantity;
    this.lines = size;
  }
}

/**
 * Builds the customer table from orders (any iterable or async iterable, e.g. a paginated API
 * reader) and optional customers, in one pass.
 *
 * @example
 * const { table, report } = await buildCustomerTable({ orders, customers, options: { currency: "USD" } });
 */
export async function buildCustomerTable(input: {
  orders: Iterable<ShopifyOrder | ShopifyGraphqlOrder> | AsyncIterable<ShopifyOrder | ShopifyGraphqlOrder>;
  customers?:
    | Iterable<ShopifyCustomer | ShopifyGraphqlCustomer>
    | AsyncIterable<ShopifyCustomer | ShopifyGraphqlCustomer>;
  options: ProfileOptions;
}): Promise<{ table: CustomerTable; report: IngestReport }> {
  const builder = createProfileBuilder(input.options);
  if (input.customers) for await (const customer of input.customers) builder.addCustomer(customer);
  for await (const order of input.orders) builder.addOrder(order);
  return builder.finish();
}

const lineIndexes = new WeakMap<CustomerTable, { start: Uint32Array; order: Uint32Array }>();

/** Purchase lines grouped by customer (CSR layout), built once per table. */
function linesByCustomer(table: CustomerTable): { start: Uint32Array; order: Uint32Array } {
  const cached = lineIndexes.get(table);
  if (cached) return cached;
  const { purchases } = table;
  const start = new Uint32Array(table.size + 1);
  for (let l = 0; l < purchases.length; l++) {
    const c = purchases.customer[l] ?? 0;
    start[c + 1] = (start[c + 1] ?? 0) + 1;
  }
  for (let c = 0; c < table.size; c++) start[c + 1] = (start[c + 1] ?? 0) + (start[c] ?? 0);
  const fill = start.slice(0, table.size);
  const order = new Uint32Array(purchases.length);
  for (let l = 0; l < purchases.length; l++) {
    const c = purchases.customer[l] ?? 0;
    order[fill[c] ?? 0] = l;
    fill[c] = (fill[c] ?? 0) + 1;
  }
  lineIndexes.set(table, { start, order });
  return { start, order };
}

/**
 * One customer's profile as a plain object (for display or an API); use the table's arrays
 * directly for bulk work. The first call indexes the purchase lines of the table (one pass).
 *
 * @example
 * const profile = customerProfile(table, 0); // { id, orders, totalSpent, preferredProducts, … }
 */
export function customerProfile(table: CustomerTable, index: number): CustomerProfile {
  if (!Number.isInteger(index) || index < 0 || index >= table.size)
    throw new ValidationError(`No customer at index ${index}`, [{ path: "index", message: "out of range" }]);
  const quantities = new Map<number, number>();
  const categories = new Map<string, number>();
  const { purchases, products } = table;
  const lines = linesByCustomer(table);
  for (let k = lines.start[index] ?? 0; k < (lines.start[index + 1] ?? 0); k++) {
    const l = lines.order[k] ?? 0;
    const product = purchases.product[l] ?? 0;
    const q = purchases.quantity[l] ?? 0;
    quantities.set(product, (quantities.get(product) ?? 0) + q);
    const category = products.categories[product];
    if (category) categories.set(category, (categories.get(category) ?? 0) + q);
  }
  const orders = table.orders[index] ?? 0;
  const spent = table.totalSpent[index] ?? 0;
  const last = table.lastOrderAt[index] ?? 0;
  return {
    id: table.ids[index] ?? "",
    email: table.email[index] ?? null,
    firstOrderAt: new Date(table.firstOrderAt[index] ?? 0),
    lastOrderAt: new Date(last),
    orders,
    totalSpent: spent,
    averageOrderValue: orders > 0 ? spent / orders : 0,
    recencyDays: Math.max(0, Math.floor((table.asOf - last) / DAY_MS)),
    preferredProducts: [...quantities]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 5)
      .map(([p, quantity]) => ({ id: products.ids[p] ?? "", title: products.titles[p] ?? null, quantity })),
    preferredCategories: [...categories]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([c]) => c),
    language: table.language[index] ?? null,
    country: table.country[index] ?? null,
    acceptsEmail: table.acceptsEmail[index] === 1,
    acceptsSms: table.acceptsSms[index] === 1,
  };
}
