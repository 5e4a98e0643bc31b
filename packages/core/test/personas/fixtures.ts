import {
  analyzeCustomers,
  createProfileBuilder,
  DAY_MS,
  seededRandom,
  simulateCustomers,
  type CustomerAnalysis,
} from "../../src/segments/index.js";
import { summarizeCatalog, type CatalogProduct, type CatalogSummary } from "../../src/personas/index.js";

export const AS_OF = Date.UTC(2025, 5, 30);
const CATEGORIES = ["Thé noir", "Thé vert", "Infusions", "Accessoires", "Coffrets", "Matcha"];

/** A tea shop: `customers` simulated buyers, a catalog of `products`, countries and languages. */
export function buildShop(
  customers: number,
  products: number,
  seed = 1,
): {
  analysis: CustomerAnalysis;
  catalog: CatalogSummary;
  productList: CatalogProduct[];
} {
  const random = seededRandom(seed);
  const productList: CatalogProduct[] = Array.from({ length: products }, (_, i) => ({
    id: 8_000_000 + i,
    title: `${["Earl Grey", "Sencha", "Rooibos", "Théière en fonte", "Coffret découverte", "Matcha cérémonie"][i % 6]} n°${i} — édition ${1 + (i % 9)} grand format`,
    productType: CATEGORIES[i % CATEGORIES.length] ?? null,
    price: 5 + (i % 40) * 2.5,
  }));
  const sim = simulateCustomers(
    { r: 0.9, alpha: 45, a: 0.7, b: 3 },
    {
      customers,
      observe: (r) => 30 + 700 * r(),
      seed,
      spend: { p: 5, q: 4, gamma: 120 },
      keepOrders: true,
      wholeUnits: true,
    },
  );
  const orders = sim.orders;
  if (!orders) throw new Error("no orders");
  const builder = createProfileBuilder({
    currency: "EUR",
    asOf: new Date(AS_OF),
    products: productList
      .slice(0, 200)
      .map((p) => ({ id: p.id, title: p.title, product_type: p.productType ?? null })),
  });
  const countries = ["FR", "BE", "CH", "CA", "DE"];
  const locales = ["fr", "fr-BE", "de-CH", "fr-CA", "de"];
  for (let c = 0; c < Math.min(customers, 5000); c++) {
    const k = Math.floor(random() * countries.length);
    builder.addCustomer({
      id: c,
      locale: locales[k] ?? "fr",
      default_address: { country_code: countries[k] ?? "FR" },
      email_marketing_consent: { state: random() < 0.6 ? "subscribed" : "not_subscribed" },
      sms_marketing_consent: { state: random() < 0.2 ? "subscribed" : "not_subscribed" },
    });
  }
  builder.addOrderColumns({
    customerId: orders.customer,
    createdAt: Array.from(
      orders.customer,
      (c, i) => AS_OF - ((sim.T[c] ?? 0) - (orders.time[i] ?? 0)) * DAY_MS - 3_600_000,
    ),
    total: orders.value,
    // Customers favour products by taste: a few products sell most.
    productId: Array.from(
      orders.customer,
      (c, i) => 8_000_000 + (((c % 7) * 3 + (i % 3)) % Math.min(products, 200)),
    ),
  });
  const { table } = builder.finish();
  const analysis = analyzeCustomers(table);
  const bestSellers = analysis.statistics.flatMap((s) => s.topProducts.map((p) => p.id));
  return {
    analysis,
    catalog: summarizeCatalog(productList, { currency: "EUR", bestSellerIds: bestSellers }),
    productList,
  };
}
