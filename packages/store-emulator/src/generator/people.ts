// Deterministic customers and orders with realistic shapes for segment analysis: a long tail of
// one-time buyers, a core of repeat customers, some guests, refunds and cancellations.
import type {
  CustomerRecord,
  FinancialStatus,
  LineItemRecord,
  OrderRecord,
  ProductRecord,
} from "../store/types.js";
import { mixSeed, Prng, STREAM } from "./prng.js";
import { CATALOG_LANGUAGE_WEIGHTS, CITIES, FIRST_NAMES, LAST_NAMES } from "./words.js";

export const PEOPLE_ID_BASE = {
  customer: 7_100_000_000_000,
  address: 8_500_000_000_000,
  order: 5_900_000_000_000,
  lineItem: 14_000_000_000_000,
} as const;

const DAY = 86_400_000;
const ORDERS_FROM = Date.UTC(2024, 0, 1);
const ORDERS_DAYS = 700;

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

function ascii(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** Customer number `index` of a seed. `createdAt` is adjusted by {@link generateOrders} to precede their first order. */
export function generateCustomer(seed: number, index: number): CustomerRecord {
  const rng = new Prng(mixSeed(seed, STREAM.customer, index));
  const language = rng.weighted(CATALOG_LANGUAGE_WEIGHTS);
  const firstName = rng.pick(FIRST_NAMES[language] ?? FIRST_NAMES.en ?? ["Alex"]);
  const lastName = rng.pick(LAST_NAMES[language] ?? LAST_NAMES.en ?? ["Doe"]);
  const [city, country, countryCode, provinceCode] = rng.pick(
    CITIES[language] ?? CITIES.en ?? [["Paris", "France", "FR", null]],
  );
  const createdAt = iso(ORDERS_FROM - 180 * DAY + Math.floor(rng.next() * (ORDERS_DAYS + 150) * DAY));
  const hasEmail = rng.chance(0.97);
  return {
    id: PEOPLE_ID_BASE.customer + index + 1,
    firstName,
    lastName,
    email: hasEmail ? `${ascii(firstName)}.${ascii(lastName) || "customer"}${index + 1}@example.com` : null,
    phone: rng.chance(0.4)
      ? `+33 6 ${String(rng.int(10, 99))} ${String(rng.int(10, 99))} ${String(rng.int(10, 99))} ${String(rng.int(10, 99))}`
      : null,
    locale: language,
    tags: rng.sample(
      ["vip", "newsletter", "wholesale", "returning", "influencer"],
      rng.weighted([
        [0, 60],
        [1, 30],
        [2, 10],
      ] as const),
    ),
    note: rng.chance(0.05) ? "Prefers eco packaging." : null,
    state: rng.weighted([
      ["ENABLED", 70],
      ["DISABLED", 25],
      ["INVITED", 5],
    ] as const),
    verifiedEmail: hasEmail && rng.chance(0.9),
    emailMarketingState: hasEmail
      ? rng.weighted([
          ["SUBSCRIBED", 45],
          ["NOT_SUBSCRIBED", 45],
          ["UNSUBSCRIBED", 10],
        ] as const)
      : "NOT_SUBSCRIBED",
    address: rng.chance(0.9)
      ? {
          id: PEOPLE_ID_BASE.address + index + 1,
          firstName,
          lastName,
          address1: `${rng.int(1, 199)} ${rng.pick(["Main Street", "Rue de la Paix", "Hauptstraße", "Calle Mayor", "Via Roma", "Rua Augusta", "Kerkstraat", "Chuo-dori"])}`,
          city,
          province: null,
          provinceCode,
          country,
          countryCode,
          zip: String(rng.int(10_000, 99_999)),
          phone: null,
        }
      : null,
    metafields: [],
    createdAt,
    updatedAt: createdAt,
  };
}

/**
 * Orders over ~two years, ids and numbers in time order. Customers are drawn from a skewed
 * distribution (a few buy often, most once); 5 % are guest checkouts. Mutates customers' dates
 * so that each customer exists before their first order and was updated at their last.
 */
export function generateOrders(
  seed: number,
  count: number,
  customers: CustomerRecord[],
  products: readonly ProductRecord[],
  currencyCode: string,
): OrderRecord[] {
  const times = new Prng(mixSeed(seed, STREAM.orderTimes, 0));
  // Growth: later days get more orders (sqrt spreads the mass towards the end).
  const stamps = Array.from(
    { length: count },
    () => ORDERS_FROM + Math.floor(Math.sqrt(times.next()) * ORDERS_DAYS * DAY),
  );
  stamps.sort((a, b) => a - b);
  const sellable = products.filter((p) => p.status !== "DRAFT" && p.variants.length > 0);
  // Each customer's propensity to order: most buy once or twice, a loyal core buys often.
  const propensity = new Prng(mixSeed(seed, STREAM.customer, -1));
  const cumulative: number[] = [];
  let totalWeight = 0;
  for (let c = 0; c < customers.length; c += 1) {
    totalWeight += propensity.weighted([
      [0.2, 25],
      [1, 35],
      [2, 15],
      [4, 12],
      [8, 8],
      [20, 5],
    ] as const);
    cumulative.push(totalWeight);
  }
  const pickCustomer = (roll: number): CustomerRecord | undefined => {
    const target = roll * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return customers[lo];
  };
  const orders: OrderRecord[] = [];
  const firstOrder = new Map<number, number>();
  const lastOrder = new Map<number, number>();
  for (let i = 0; i < count; i += 1) {
    const rng = new Prng(mixSeed(seed, STREAM.order, i));
    const processedMs = stamps[i] ?? ORDERS_FROM;
    const guest = customers.length === 0 || rng.chance(0.05);
    const customer = guest ? undefined : pickCustomer(rng.next());
    const lineItems: LineItemRecord[] = [];
    const itemCount = sellable.length
      ? rng.weighted([
          [1, 55],
          [2, 28],
          [3, 12],
          [4, 5],
        ] as const)
      : 0;
    for (let k = 0; k < itemCount; k += 1) {
      const product = rng.pick(sellable);
      const variant = rng.pick(product.variants);
      lineItems.push({
        id: PEOPLE_ID_BASE.lineItem + i * 16 + k,
        productId: product.id,
        variantId: variant.id,
        title: product.title,
        variantTitle: variant.title === "Default Title" ? null : variant.title,
        sku: variant.sku,
        vendor: product.vendor,
        quantity: rng.weighted([
          [1, 80],
          [2, 15],
          [3, 5],
        ] as const),
        price: variant.price,
      });
    }
    const subtotal = lineItems.reduce((sum, item) => sum + Number(item.price) * item.quantity, 0);
    const discountRate = rng.chance(0.15) ? rng.pick([0.1, 0.15, 0.2]) : 0;
    const discount = Math.round(subtotal * discountRate * 100) / 100;
    const shipping = subtotal - discount >= 80 ? 0 : rng.pick([4.9, 6.9]);
    const total = Math.round((subtotal - discount + shipping) * 100) / 100;
    const tax = Math.round((total - total / 1.2) * 100) / 100;
    const ageDays = (ORDERS_FROM + ORDERS_DAYS * DAY - processedMs) / DAY;
    const cancelled = rng.chance(0.02);
    const financialStatus: FinancialStatus = cancelled
      ? "VOIDED"
      : rng.weighted([
          ["PAID", 90],
          ["REFUNDED", 3],
          ["PARTIALLY_REFUNDED", 2],
          ["PENDING", ageDays < 7 ? 40 : 2],
        ] as const);
    const fulfilled = ageDays > 5 && !cancelled;
    const processedAt = iso(processedMs);
    const updatedAt = iso(processedMs + (fulfilled ? rng.int(1, 4) * DAY : 3_600_000));
    if (customer) {
      if (!firstOrder.has(customer.id)) firstOrder.set(customer.id, processedMs);
      lastOrder.set(customer.id, processedMs);
    }
    orders.push({
      id: PEOPLE_ID_BASE.order + i + 1,
      number: 1001 + i,
      customerId: customer?.id ?? null,
      email: customer?.email ?? (guest ? `guest${i + 1}@example.com` : null),
      currencyCode,
      financialStatus,
      fulfillmentStatus: fulfilled ? "FULFILLED" : "UNFULFILLED",
      lineItems,
      subtotalPrice: subtotal.toFixed(2),
      totalDiscounts: discount.toFixed(2),
      totalShipping: shipping.toFixed(2),
      totalTax: tax.toFixed(2),
      totalPrice: total.toFixed(2),
      discountCodes: discountRate ? [`WELCOME${Math.round(discountRate * 100)}`] : [],
      tags: rng.chance(0.1) ? ["gift"] : [],
      sourceName: rng.weighted([
        ["web", 85],
        ["pos", 8],
        ["shopify_draft_order", 7],
      ] as const),
      customerLocale: customer?.locale ?? "en",
      shippingAddress: customer?.address ?? null,
      cancelledAt: cancelled ? iso(processedMs + 3_600_000) : null,
      closedAt: fulfilled && financialStatus === "PAID" ? updatedAt : null,
      metafields: [],
      processedAt,
      createdAt: processedAt,
      updatedAt,
    });
  }
  for (const customer of customers) {
    const first = firstOrder.get(customer.id);
    const last = lastOrder.get(customer.id);
    if (first !== undefined && Date.parse(customer.createdAt) > first)
      customer.createdAt = iso(first - 2 * DAY);
    const lastMs = Math.max(Date.parse(customer.createdAt), last ?? 0);
    customer.updatedAt = iso(lastMs);
  }
  return orders;
}
