/**
 * Per-segment statistics: what personas are grounded in and what the app charts. One pass over
 * customers and one over purchase lines.
 */
import type { Language } from "../i18n/index.js";
import type { CustomerValues } from "./clv.js";
import { DAY_MS, type CustomerTable } from "./profiles.js";
import { SEGMENTS, SHOPIFY_RFM_GROUP, type Segment, type ShopifyRfmGroup } from "./rules.js";

export interface Share<K extends string> {
  key: K;
  customers: number;
  share: number;
}

export interface SegmentStatistics {
  segment: Segment;
  shopifyRfmGroup: ShopifyRfmGroup;
  customers: number;
  shareOfCustomers: number;
  revenue: number;
  shareOfRevenue: number;
  orders: number;
  /** Revenue per order. */
  averageOrderValue: number;
  /** Orders per customer. */
  averageOrders: number;
  averageRecencyDays: number;
  /** Mean predicted values, when customer values were computed. */
  averageClv: number | null;
  averagePAlive: number | null;
  topProducts: { id: string; title: string | null; quantity: number }[];
  topCategories: { name: string; quantity: number }[];
  countries: Share<string>[];
  languages: Share<Language>[];
  /** Share of the segment subscribed to email marketing / SMS. */
  emailSubscribers: number;
  smsSubscribers: number;
}

function topShares<K extends string>(counts: Map<K, number>, total: number, limit: number): Share<K>[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([key, customers]) => ({ key, customers, share: total > 0 ? customers / total : 0 }));
}

/**
 * Statistics for each of the 11 segments (empty segments included, with zeros), in SEGMENTS order.
 *
 * @example
 * const stats = segmentStatistics(table, segments, values);
 * stats.find((s) => s.segment === "champions")?.shareOfRevenue
 */
export function segmentStatistics(
  table: CustomerTable,
  segments: Uint8Array,
  values?: CustomerValues,
  options: { topProducts?: number; topCategories?: number; topCountries?: number } = {},
): SegmentStatistics[] {
  const k = SEGMENTS.length;
  const customers = new Float64Array(k);
  const revenue = new Float64Array(k);
  const orders = new Float64Array(k);
  const recency = new Float64Array(k);
  const clv = new Float64Array(k);
  const alive = new Float64Array(k);
  const email = new Float64Array(k);
  const sms = new Float64Array(k);
  const countries = Array.from({ length: k }, () => new Map<string, number>());
  const languages = Array.from({ length: k }, () => new Map<Language, number>());
  let totalRevenue = 0;
  for (let i = 0; i < table.size; i++) {
    const s = segments[i] ?? 0;
    const spent = table.totalSpent[i] ?? 0;
    customers[s] = (customers[s] ?? 0) + 1;
    revenue[s] = (revenue[s] ?? 0) + spent;
    totalRevenue += spent;
    orders[s] = (orders[s] ?? 0) + (table.orders[i] ?? 0);
    recency[s] = (recency[s] ?? 0) + Math.max(0, (table.asOf - (table.lastOrderAt[i] ?? 0)) / DAY_MS);
    if (values) {
      clv[s] = (clv[s] ?? 0) + (values.clv[i] ?? 0);
      alive[s] = (alive[s] ?? 0) + (values.pAlive[i] ?? 0);
    }
    email[s] = (email[s] ?? 0) + (table.acceptsEmail[i] ?? 0);
    sms[s] = (sms[s] ?? 0) + (table.acceptsSms[i] ?? 0);
    const country = table.country[i];
    if (country) {
      const map = countries[s];
      map?.set(country, (map.get(country) ?? 0) + 1);
    }
    const language = table.language[i];
    if (language) {
      const map = languages[s];
      map?.set(language, (map.get(language) ?? 0) + 1);
    }
  }

  const productCount = table.products.ids.length;
  const quantity = new Float64Array(k * productCount);
  const { purchases } = table;
  for (let l = 0; l < purchases.length; l++) {
    const s = segments[purchases.customer[l] ?? 0] ?? 0;
    const index = s * productCount + (purchases.product[l] ?? 0);
    quantity[index] = (quantity[index] ?? 0) + (purchases.quantity[l] ?? 0);
  }

  const totalCustomers = table.size;
  return SEGMENTS.map((segment, s) => {
    const n = customers[s] ?? 0;
    const segmentOrders = orders[s] ?? 0;
    const segmentRevenue = revenue[s] ?? 0;
    const products: { id: string; title: string | null; quantity: number }[] = [];
    const categories = new Map<string, number>();
    for (let p = 0; p < productCount; p++) {
      const q = quantity[s * productCount + p] ?? 0;
      if (q <= 0) continue;
      products.push({
        id: table.products.ids[p] ?? "",
        title: table.products.titles[p] ?? null,
        quantity: q,
      });
      const category = table.products.categories[p];
      if (category) categories.set(category, (categories.get(category) ?? 0) + q);
    }
    products.sort((a, b) => b.quantity - a.quantity || a.id.localeCompare(b.id));
    return {
      segment,
      shopifyRfmGroup: SHOPIFY_RFM_GROUP[segment],
      customers: n,
      shareOfCustomers: totalCustomers > 0 ? n / totalCustomers : 0,
      revenue: segmentRevenue,
      shareOfRevenue: totalRevenue > 0 ? segmentRevenue / totalRevenue : 0,
      orders: segmentOrders,
      averageOrderValue: segmentOrders > 0 ? segmentRevenue / segmentOrders : 0,
      averageOrders: n > 0 ? segmentOrders / n : 0,
      averageRecencyDays: n > 0 ? (recency[s] ?? 0) / n : 0,
      averageClv: values && n > 0 ? (clv[s] ?? 0) / n : null,
      averagePAlive: values && n > 0 ? (alive[s] ?? 0) / n : null,
      topProducts: products.slice(0, options.topProducts ?? 5),
      topCategories: [...categories]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, options.topCategories ?? 3)
        .map(([name, q]) => ({ name, quantity: q })),
      countries: topShares(countries[s] ?? new Map<string, number>(), n, options.topCountries ?? 5),
      languages: topShares(languages[s] ?? new Map<Language, number>(), n, 10),
      emailSubscribers: n > 0 ? (email[s] ?? 0) / n : 0,
      smsSubscribers: n > 0 ? (sms[s] ?? 0) / n : 0,
    };
  });
}
