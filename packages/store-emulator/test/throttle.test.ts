import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type Emulator } from "../src/index.js";
import { gql } from "./helpers.js";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await start({
    generate: { seed: 5, products: 30, customers: 0, orders: 0 },
    throttle: { maximumAvailable: 100, restoreRate: 200, maxQueryCost: 1000 },
  });
});
afterAll(async () => {
  await emulator.close();
});

const PAGE_OF_50 = "{ products(first: 50) { edges { node { title } } } }";

describe("cost-based throttling", () => {
  it("computes requested cost as Shopify documents it and refunds the unused part", async () => {
    const result = await gql(emulator, PAGE_OF_50);
    // 2 for the connection + 50 × 1 per product; only 30 products exist.
    expect(result.body.extensions?.cost).toMatchObject({ requestedQueryCost: 52, actualQueryCost: 32 });
    const nested = await gql(
      emulator,
      "{ products(first: 10) { nodes { id variants(first: 5) { nodes { id } } } } }",
    );
    expect(nested.body.extensions?.cost.requestedQueryCost).toBe(2 + 10 * (1 + 2 + 5));
    // Fragments on different concrete types of an interface count as the most expensive branch.
    const abstract = await gql(
      emulator,
      `{ node(id: "gid://shopify/Product/1") { id ... on Product { variants(first: 10) { nodes { id } } } ... on Customer { orders(first: 2) { nodes { id } } } } }`,
    );
    expect(abstract.body.extensions?.cost.requestedQueryCost).toBe(1 + 2 + 10);
    const mutation = await gql(
      emulator,
      `mutation { productDelete(input: { id: "gid://shopify/Product/1" }) { userErrors { message } } }`,
    );
    expect(mutation.body.extensions?.cost.requestedQueryCost).toBe(10);
  });

  it("answers THROTTLED with HTTP 200 when the bucket lacks the requested cost, then succeeds once restored", async () => {
    emulator.bucket.drainBeforeNextRequest();
    const throttled = await gql(emulator, PAGE_OF_50);
    expect(throttled.status).toBe(200);
    expect(throttled.body.data).toBeUndefined();
    expect(throttled.body.errors).toEqual([
      {
        message: "Throttled",
        extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
      },
    ]);
    const cost = throttled.body.extensions?.cost;
    expect(cost).toMatchObject({
      requestedQueryCost: 52,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 100, restoreRate: 200 },
    });
    // Wait as a well-behaved client does: the missing points divided by the restore rate.
    const status = cost?.throttleStatus ?? { currentlyAvailable: 0, restoreRate: 200 };
    const waitMs = Math.ceil(((52 - status.currentlyAvailable) / status.restoreRate) * 1000) + 20;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    const retried = await gql(emulator, PAGE_OF_50);
    expect(retried.body.errors).toBeUndefined();
    expect(retried.body.extensions?.cost.actualQueryCost).toBe(32);
  });

  it("refuses a query above the single query max cost", async () => {
    const result = await gql(
      emulator,
      "{ products(first: 250) { nodes { id variants(first: 250) { nodes { id } } } } }",
    );
    expect(result.status).toBe(200);
    const [error] = result.body.errors ?? [];
    expect(error?.extensions).toMatchObject({
      code: "MAX_COST_EXCEEDED",
      cost: 2 + 250 * 253,
      maxCost: 1000,
    });
    expect(error?.message).toMatch(
      /^Query cost is 63252, which exceeds the single query max cost limit \(1000\)\./,
    );
  });
});
