// The SDK example of docs/segments.md, run as written (orders → segments → personas → campaign).
import { describe, expect, it } from "vitest";
import { createAI } from "../../src/ai/index.js";
import { evaluateAbTest, generateCampaign, localizeCampaign } from "../../src/campaigns/index.js";
import { generatePersonas, summarizeCatalog } from "../../src/personas/index.js";
import {
  analyzeCustomers,
  buildCustomerTable,
  SEGMENTS,
  type ShopifyOrder,
} from "../../src/segments/index.js";

/** All the shop's orders, built as an Admin API would return them. */
function shopOrders(): ShopifyOrder[] {
  const products = [
    { product_id: 101, title: "Earl Grey Supérieur" },
    { product_id: 102, title: "Théière en fonte" },
    { product_id: 103, title: "Sencha Bio" },
  ];
  const orders: ShopifyOrder[] = [];
  let id = 1;
  for (let customer = 1; customer <= 120; customer++) {
    for (let k = 0; k < 1 + (customer % 5); k++) {
      const daysAgo = (customer * 7 + k * 37) % 700;
      orders.push({
        id: id++,
        created_at: new Date(Date.UTC(2025, 5, 30) - daysAgo * 86_400_000).toISOString(),
        currency: customer % 10 === 0 ? "USD" : "EUR",
        total_price: (20 + ((customer * 13 + k * 5) % 90)).toFixed(2),
        customer: {
          id: customer,
          locale: customer % 3 === 0 ? "de" : "fr",
          default_address: { country_code: "FR" },
        },
        line_items: [{ ...(products[(customer + k) % 3] ?? products[0]), quantity: 1 }],
      });
    }
  }
  return orders;
}

/** A paginated reader, as an app streams orders from the Admin API (50 per page). */
async function* ordersFromShopify(): AsyncGenerator<ShopifyOrder> {
  const all = shopOrders();
  for (let page = 0; page * 50 < all.length; page++) {
    const orders = await Promise.resolve(all.slice(page * 50, page * 50 + 50)); // one API call
    yield* orders;
  }
}

describe("docs/segments.md example", () => {
  it("runs from orders to personas to a localised campaign", async () => {
    // 1. Orders → customer table (streamed, validated, converted to the shop currency).
    const { table, report } = await buildCustomerTable({
      orders: ordersFromShopify(),
      options: { currency: "EUR", rates: { USD: 0.92 }, asOf: "2025-06-30T00:00:00Z" },
    });
    // 2. RFM, segments, BG/NBD + Gamma-Gamma CLV, statistics.
    const analysis = analyzeCustomers(table, { horizonMonths: 12 });
    const champions = analysis.statistics.find((s) => s.segment === "champions");
    // 3. Personas (offline without keys; pass { openai: { apiKey } } to createAI for the real thing).
    const ai = createAI();
    const catalog = summarizeCatalog(
      [
        { id: 101, title: "Earl Grey Supérieur", productType: "Thé noir", price: 12.5 },
        { id: 102, title: "Théière en fonte", productType: "Accessoires", price: 49 },
        { id: 103, title: "Sencha Bio", productType: "Thé vert", price: 14 },
      ],
      { currency: "EUR" },
    );
    const { personas } = await generatePersonas(
      ai,
      { shopName: "Maison Thé", currency: "EUR", statistics: analysis.statistics, catalog },
      { language: "fr" },
    );
    // 4. A campaign for the first persona, then the same campaign in German and Japanese.
    const email = await generateCampaign(ai, {
      shop: { name: "Maison Thé", url: "https://maison.example" },
      persona: personas[0] ?? null,
      products: [{ id: "102", title: "Théière en fonte", url: "https://maison.example/p/102" }],
      channel: "email",
      language: "fr",
      offer: { code: "MERCI15", discountPercent: 15 },
    });
    const [, de, ja] = await localizeCampaign(ai, email, ["fr", "de", "ja"]);
    // 5. Later: is variant B better?
    const ab = evaluateAbTest(
      {
        variants: [
          { id: "A", visitors: 6000, conversions: 540 },
          { id: "B", visitors: 6000, conversions: 650 },
        ],
      },
      "fr",
    );

    expect(report.ordersUsed).toBe(360);
    expect(report.converted).toEqual({ USD: 12 });
    expect(table.size).toBe(120);
    expect(analysis.segments.length).toBe(120);
    expect(SEGMENTS).toContain(champions?.segment);
    expect(personas.length).toBeGreaterThanOrEqual(3);
    expect(email.content.channel).toBe("email");
    expect(email.generatedBy).toBe("template");
    expect(de?.language).toBe("de");
    expect(ja?.language).toBe("ja");
    expect(ab.status).toBe("significant");
    expect(ab.winner).toBe("B");
  });

  it("an empty shop analyses without crashing", async () => {
    const { table } = await buildCustomerTable({ orders: [], options: { currency: "EUR" } });
    const analysis = analyzeCustomers(table);
    expect(analysis.shop.customers).toBe(0);
    expect(analysis.values.bgnbd.source).toBe("prior");
    expect(analysis.statistics.every((s) => s.customers === 0)).toBe(true);
  });
});
