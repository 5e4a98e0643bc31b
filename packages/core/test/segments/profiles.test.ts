import { describe, expect, it } from "vitest";
import { isNinjaLeadError, ValidationError } from "../../src/errors/index.js";
import {
  buildCustomerTable,
  createProfileBuilder,
  customerProfile,
  type ShopifyOrder,
} from "../../src/segments/index.js";

const AS_OF = "2025-06-30T00:00:00Z";
let nextId = 1000;
function order(overrides: Partial<ShopifyOrder> = {}): ShopifyOrder {
  return {
    id: nextId++,
    created_at: "2025-03-01T10:00:00Z",
    currency: "EUR",
    total_price: "50.00",
    customer: { id: 1 },
    line_items: [{ product_id: 10, title: "Mug", quantity: 1 }],
    ...overrides,
  };
}

describe("customer profiles from Shopify orders", () => {
  it("aggregates first/last order, count, spend, products, categories, locale, country and consent", async () => {
    const { table, report } = await buildCustomerTable({
      options: {
        currency: "EUR",
        asOf: AS_OF,
        products: [
          { id: "gid://shopify/Product/10", title: "Mug", product_type: "Kitchen" },
          { id: 20, title: "Tea", product_type: "Grocery" },
        ],
      },
      customers: [
        {
          id: "gid://shopify/Customer/1",
          email: "ana@example.com",
          locale: "fr-CA",
          default_address: { country_code: "CA" },
          email_marketing_consent: { state: "subscribed" },
          sms_marketing_consent: { state: "not_subscribed" },
        },
        { id: 99, email: "prospect@example.com" },
      ],
      orders: [
        order({ created_at: "2025-01-10T10:00:00Z", total_price: "20.00" }),
        order({
          created_at: "2025-06-01T10:00:00Z",
          total_price: "80.00",
          line_items: [
            { product_id: 20, quantity: 4 },
            { product_id: 10, quantity: 1 },
          ],
        }),
        order({ created_at: "2025-04-01T10:00:00Z", total_price: 30 }),
      ],
    });
    expect(table.size).toBe(1);
    const profile = customerProfile(table, 0);
    expect(profile).toMatchObject({
      id: "1",
      email: "ana@example.com",
      orders: 3,
      totalSpent: 130,
      language: "fr",
      country: "CA",
      acceptsEmail: true,
      acceptsSms: false,
      recencyDays: 28,
    });
    expect(profile.firstOrderAt.toISOString()).toBe("2025-01-10T10:00:00.000Z");
    expect(profile.lastOrderAt.toISOString()).toBe("2025-06-01T10:00:00.000Z");
    expect(profile.averageOrderValue).toBeCloseTo(130 / 3, 10);
    expect(profile.preferredProducts).toEqual([
      { id: "20", title: "Tea", quantity: 4 },
      { id: "10", title: "Mug", quantity: 3 },
    ]);
    expect(profile.preferredCategories).toEqual(["Grocery", "Kitchen"]);
    expect(table.firstOrderValue[0]).toBe(20);
    expect(report.customersWithoutOrders).toBe(1);
  });

  it("takes attributes from the order's customer and addresses when no customer record is given", () => {
    const builder = createProfileBuilder({ currency: "USD", asOf: AS_OF });
    builder.addOrder(
      order({
        currency: "USD",
        customer: { id: 5, locale: "ja", email_marketing_consent: { state: "subscribed" } },
        shipping_address: { country_code: "JP" },
      }),
    );
    const { table } = builder.finish();
    expect(customerProfile(table, 0)).toMatchObject({ language: "ja", country: "JP", acceptsEmail: true });
  });
});

describe("Admin GraphQL shapes", () => {
  it("reads GraphQL orders and customers, with gids equal to REST ids", () => {
    const builder = createProfileBuilder({ currency: "EUR", rates: { USD: 0.5 }, asOf: AS_OF });
    builder.addCustomer({
      id: "gid://shopify/Customer/7",
      email: "li@example.com",
      locale: "zh-CN",
      defaultAddress: { countryCodeV2: "CN" },
      emailMarketingConsent: { marketingState: "SUBSCRIBED" },
      smsMarketingConsent: { marketingState: "NOT_SUBSCRIBED" },
    });
    builder.addOrder({
      id: "gid://shopify/Order/501",
      createdAt: "2025-06-01T08:00:00Z",
      totalPriceSet: { shopMoney: { amount: "100.00", currencyCode: "USD" } },
      totalRefundedSet: { shopMoney: { amount: "20.00", currencyCode: "USD" } },
      customer: { id: "gid://shopify/Customer/7" },
      lineItems: { nodes: [{ product: { id: "gid://shopify/Product/10" }, title: "Mug", quantity: 2 }] },
    });
    builder.addOrder({
      id: "gid://shopify/Order/502",
      createdAt: "2025-06-02T08:00:00Z",
      displayFinancialStatus: "VOIDED",
      totalPriceSet: { shopMoney: { amount: "10.00", currencyCode: "EUR" } },
      customer: { id: "gid://shopify/Customer/7" },
      lineItems: { edges: [{ node: { product: null, title: "Gift card", quantity: 1 } }] },
    });
    builder.addOrder(order({ id: 501, customer: { id: 7 } })); // the same order through REST
    expect(() =>
      builder.addOrder({ id: "gid://shopify/Order/9", createdAt: "2025-06-01T08:00:00Z" } as never),
    ).toThrow(/totalPriceSet/);
    const { table, report } = builder.finish();
    expect(table.ids).toEqual(["7"]);
    expect(table.totalSpent[0]).toBe(40); // (100 − 20) USD × 0.5
    expect(report.partiallyRefunded).toBe(1);
    expect(report.skipped.cancelled).toBe(1);
    expect(report.skipped.duplicateId).toBe(1);
    expect(customerProfile(table, 0)).toMatchObject({
      language: "zh-CN",
      country: "CN",
      acceptsEmail: true,
      acceptsSms: false,
      preferredProducts: [{ id: "10", title: "Mug", quantity: 2 }],
    });
  });
});

describe("bad input", () => {
  it("skips and counts: test, cancelled, refunds, zero and negative totals, future dates, duplicates", () => {
    const builder = createProfileBuilder({ currency: "EUR", asOf: AS_OF });
    const dup = order();
    builder.addOrder(dup);
    builder.addOrder({ ...dup, total_price: "999.00" }); // same id again: ignored
    builder.addOrder(order({ test: true }));
    builder.addOrder(order({ cancelled_at: "2025-03-02T00:00:00Z" }));
    builder.addOrder(order({ total_price: "0.00" }));
    builder.addOrder(order({ total_price: "-5.00" }));
    builder.addOrder(order({ created_at: "2025-07-05T00:00:00Z" }));
    builder.addOrder(order({ created_at: "2025-06-30T20:00:00Z" })); // within the 1-day grace
    builder.addOrder(
      order({ refunds: [{ transactions: [{ kind: "refund", status: "success", amount: "50.00" }] }] }),
    );
    builder.addOrder(
      order({
        total_price: "40.00",
        refunds: [
          {
            transactions: [
              { kind: "refund", status: "success", amount: "15.00" },
              { kind: "refund", status: "failure", amount: "15.00" },
            ],
          },
        ],
      }),
    );
    const { table, report } = builder.finish();
    expect(report.skipped).toEqual({
      missingCustomer: 0,
      cancelled: 1,
      test: 1,
      fullyRefunded: 1,
      zeroTotal: 1,
      negativeTotal: 1,
      futureDate: 1,
      duplicateId: 1,
    });
    expect(report.partiallyRefunded).toBe(1);
    expect(report.ordersRead).toBe(10);
    expect(report.ordersUsed).toBe(3);
    expect(table.totalSpent[0]).toBe(50 + 50 + 25);
    expect(report.examples.map((e) => e.reason)).toContain("duplicateId");
  });

  it("guest orders group by email; orders with neither customer nor email are skipped", () => {
    const builder = createProfileBuilder({ currency: "EUR", asOf: AS_OF });
    builder.addOrder(order({ customer: null, email: "Guest@Example.com" }));
    builder.addOrder(order({ customer: null, email: "guest@example.com " }));
    builder.addOrder(order({ customer: null }));
    const { table, report } = builder.finish();
    expect(table.size).toBe(1);
    expect(table.ids[0]).toBe("email:guest@example.com");
    expect(table.orders[0]).toBe(2);
    expect(report.skipped.missingCustomer).toBe(1);
  });

  it("converts other currencies with the given rates", () => {
    const builder = createProfileBuilder({ currency: "EUR", rates: { USD: 0.5 }, asOf: AS_OF });
    builder.addOrder(order({ currency: "USD", total_price: "100.00" }));
    builder.addOrder(order({ total_price: "10.00" }));
    const { table, report } = builder.finish();
    expect(table.totalSpent[0]).toBe(60);
    expect(report.converted).toEqual({ USD: 1 });
  });

  it("rejects the whole load, naming each currency without a rate (nothing partial)", () => {
    const builder = createProfileBuilder({ currency: "EUR", asOf: AS_OF });
    builder.addOrder(order({ id: 7, currency: "USD" }));
    builder.addOrder(order({ currency: "USD" }));
    builder.addOrder(order({ currency: "GBP" }));
    builder.addOrder(order());
    let caught: unknown;
    try {
      builder.finish();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const error = caught as ValidationError;
    expect(error.issues.map((i) => i.path)).toEqual(["rates.USD", "rates.GBP"]);
    expect(error.issues[0]?.message).toMatch(/2 order\(s\), e\.g\. order 7/);
    expect(() => builder.finish()).toThrow(/finished/);
  });

  it("malformed orders throw a ValidationError naming the field", () => {
    const builder = createProfileBuilder({ currency: "EUR", asOf: AS_OF });
    const bad = { ...order(), total_price: "12,50", created_at: "yesterday" } as ShopifyOrder;
    expect(() => builder.addOrder(bad)).toThrow(ValidationError);
    expect(() => builder.addOrder(bad)).toThrow(/^Invalid order #1 \(id \d+\): /);
    try {
      builder.addOrder(bad);
    } catch (error) {
      expect(isNinjaLeadError(error)).toBe(true);
      expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual([
        "created_at",
        "total_price",
      ]);
    }
    expect(() => createProfileBuilder({ currency: "euro" })).toThrow(/currency/);
  });

  it("bulk columns: duplicate ids found by sorting in large batches, across batches and single orders", () => {
    const builder = createProfileBuilder({ currency: "EUR", asOf: AS_OF });
    const day = Date.parse("2025-05-01T00:00:00Z");
    const n = 5000;
    const orderId = Array.from({ length: n }, (_, i) => 10_000 + i);
    orderId[4999] = 10_007; // a repeat inside the batch
    builder.addOrderColumns({
      customerId: Array.from({ length: n }, (_, i) => i % 100),
      createdAt: new Array<number>(n).fill(day),
      total: new Array<number>(n).fill(10),
      orderId,
    });
    builder.addOrder(order({ id: 10_010 })); // seen in the bulk batch
    builder.addOrderColumns({
      customerId: [1, 2],
      createdAt: [day, day],
      total: [1, 1],
      orderId: [10_020, 99],
    });
    builder.addOrderColumns({
      customerId: new Array<number>(n).fill(3),
      createdAt: new Array<number>(n).fill(day),
      total: new Array<number>(n).fill(1),
      orderId: Array.from({ length: n }, (_, i) => 20_000 + i - (i === 0 ? 20_000 - 99 : 0)), // first id is 99
    });
    const { report } = builder.finish();
    expect(report.skipped.duplicateId).toBe(4);
    expect(report.ordersUsed).toBe(4999 + 1 + 4999);
  });

  it("bulk columns: same rules, duplicates within and across batches, length mismatch rejected", () => {
    const builder = createProfileBuilder({ currency: "EUR", asOf: AS_OF });
    const day = Date.parse("2025-05-01T00:00:00Z");
    builder.addOrderColumns({
      customerId: [1, 2, 1, 3, 3],
      createdAt: [day, day, day + 86_400_000, day, Date.parse("2026-01-01T00:00:00Z")],
      total: [10, 20, 30, 0, 40],
      orderId: [1, 2, 3, 4, 5],
      productId: [7, 7, 8, 8, 8],
    });
    builder.addOrderColumns({
      customerId: ["1", "4"],
      createdAt: [day, day],
      total: [5, 6],
      orderId: [3, 6],
    });
    builder.addOrder(order({ id: "gid://shopify/Order/6" }));
    expect(() => builder.addOrderColumns({ customerId: [1, 2], createdAt: [day], total: [1, 2] })).toThrow(
      /createdAt/,
    );
    expect(() => builder.addOrderColumns({ customerId: [1], createdAt: [Number.NaN], total: [1] })).toThrow(
      /createdAt\.0/,
    );
    const { table, report } = builder.finish();
    expect(report.skipped.duplicateId).toBe(2);
    expect(report.skipped.zeroTotal).toBe(1);
    expect(report.skipped.futureDate).toBe(1);
    expect(table.ids).toEqual(["1", "2", "4"]);
    expect(Array.from(table.orders)).toEqual([2, 1, 1]);
    expect(table.purchases.length).toBe(3);
  });
});
