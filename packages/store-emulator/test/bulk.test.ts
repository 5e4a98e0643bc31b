import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BULK_PRODUCTS_QUERY, start, writeBulkJsonl, type Emulator } from "../src/index.js";
import { data, startReceiver, until } from "./helpers.js";

const SEED = 11;
const PRODUCTS = 40;
let emulator: Emulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  // A small bulk window so the run spans several windows.
  emulator = await start({
    generate: { seed: SEED, products: PRODUCTS, customers: 10, orders: 30 },
    bulk: { pageSize: 7 },
    webhooks: { appUrl: receiver.url },
  });
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

interface Op {
  id: string;
  status: string;
  objectCount: string;
  rootObjectCount: string;
  url: string | null;
  fileSize: string | null;
}

async function runBulk(query: string): Promise<Op> {
  const started = await data<{ bulkOperationRunQuery: { bulkOperation: Op | null; userErrors: unknown[] } }>(
    emulator,
    `mutation($query: String!) { bulkOperationRunQuery(query: $query) { bulkOperation { id status } userErrors { field message code } } }`,
    { query },
  );
  expect(started.bulkOperationRunQuery.userErrors).toEqual([]);
  const id = started.bulkOperationRunQuery.bulkOperation?.id;
  return until(async () => {
    const polled = await data<{ node: Op | null; currentBulkOperation: Op | null }>(
      emulator,
      `query($id: ID!) { node(id: $id) { ... on BulkOperation { id status objectCount rootObjectCount url fileSize } } currentBulkOperation { id status } }`,
      { id },
    );
    expect(polled.currentBulkOperation?.id).toBe(id);
    return polled.node?.status === "COMPLETED" || polled.node?.status === "FAILED" ? polled.node : undefined;
  });
}

describe("bulk operations", () => {
  it("writes products then their variants, media and metafields as child lines with __parentId, served from a local URL", async () => {
    const op = await runBulk(DEFAULT_BULK_PRODUCTS_QUERY);
    expect(op.status).toBe("COMPLETED");
    expect(op.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/bulk-results\/\d+\.jsonl$/);
    const text = await (await fetch(op.url ?? "")).text();
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(Number(op.objectCount));
    expect(Number(op.rootObjectCount)).toBe(PRODUCTS);
    expect(Number(op.fileSize)).toBe(Buffer.byteLength(text));

    let currentProduct: string | undefined;
    for (const line of lines) {
      const id = String(line.id);
      if (id.startsWith("gid://shopify/Product/")) {
        expect(line.__parentId).toBeUndefined();
        expect(line.variants).toBeUndefined(); // nested connections are removed from the parent line
        currentProduct = id;
      } else {
        expect(line.__parentId).toBe(currentProduct); // children follow their parent
        expect(id).toMatch(/^gid:\/\/shopify\/(ProductVariant|MediaImage|Metafield)\//);
      }
    }
    const store = [...emulator.store.products.values()];
    const variants = store.reduce((sum, p) => sum + p.variants.length, 0);
    expect(lines.filter((l) => String(l.id).includes("/ProductVariant/"))).toHaveLength(variants);
  });

  it("produces exactly what writeBulkJsonl streams for the same seed", async () => {
    const op = await runBulk(DEFAULT_BULK_PRODUCTS_QUERY);
    const fromEmulator = await (await fetch(op.url ?? "")).text();
    const directory = await mkdtemp(join(tmpdir(), "bulk-test-"));
    try {
      const path = join(directory, "products.jsonl");
      const stats = await writeBulkJsonl(path, { seed: SEED, products: PRODUCTS });
      expect(await readFile(path, "utf8")).toBe(fromEmulator);
      expect(stats.lines).toBe(Number(op.objectCount));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it("exports orders with their line items the same way", async () => {
    const op = await runBulk(
      "{ orders { edges { node { id name lineItems { edges { node { id quantity } } } } } } }",
    );
    const lines = (await (await fetch(op.url ?? "")).text())
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; __parentId?: string });
    const orders = [...emulator.store.orders.values()];
    expect(lines.filter((l) => l.__parentId === undefined).map((l) => l.id)).toEqual(
      orders.map((o) => `gid://shopify/Order/${o.id}`),
    );
    const items = lines.filter((l) => l.__parentId !== undefined);
    expect(items).toHaveLength(orders.reduce((sum, o) => sum + o.lineItems.length, 0));
    expect(
      items.every(
        (l) => l.id.startsWith("gid://shopify/LineItem/") && l.__parentId?.startsWith("gid://shopify/Order/"),
      ),
    ).toBe(true);
  });

  it("sends bulk_operations/finish to the app when a run completes", async () => {
    const op = await runBulk("{ products { edges { node { id title } } } }");
    await emulator.webhooks.idle();
    const finish = receiver.received.filter(
      (hook) => hook.headers["x-shopify-topic"] === "bulk_operations/finish",
    );
    const bodies = finish.map(
      (hook) => JSON.parse(hook.body) as { admin_graphql_api_id: string; status: string },
    );
    expect(bodies).toContainEqual(
      expect.objectContaining({ admin_graphql_api_id: op.id, status: "completed" }),
    );
  });

  it("rejects invalid bulk queries with userErrors on the query field", async () => {
    const run = (query: string) =>
      data<{
        bulkOperationRunQuery: {
          bulkOperation: null;
          userErrors: { field: string[]; message: string; code: string }[];
        };
      }>(
        emulator,
        `mutation($query: String!) { bulkOperationRunQuery(query: $query) { bulkOperation { id } userErrors { field message code } } }`,
        { query },
      );
    const invalid = await run("{ products { edges { node { id bogus } } } }");
    expect(invalid.bulkOperationRunQuery.userErrors).toEqual([
      {
        field: ["query"],
        message: "Invalid bulk query: Field 'bogus' doesn't exist on type 'Product'",
        code: "INVALID",
      },
    ]);
    const noConnection = await run("{ shop { name } }");
    expect(noConnection.bulkOperationRunQuery.userErrors[0]?.message).toBe(
      "Bulk queries must contain at least one connection.",
    );
    const noParentId = await run(
      "{ products { edges { node { title variants { edges { node { id } } } } } } }",
    );
    expect(noParentId.bulkOperationRunQuery.userErrors[0]?.message).toMatch(/must select the 'id' field/);
  });
});
