import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type Emulator } from "../src/index.js";
import { data, gql } from "./helpers.js";
import { shopifyClient } from "./shopify-client.js";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await start({ generate: { seed: 7, products: 60, customers: 20, orders: 80 } });
});
afterAll(async () => {
  await emulator.close();
});

interface Page {
  products: {
    edges: { cursor: string; node: { id: string; title: string; updatedAt: string } }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
}

const PAGE = `query Page($first: Int, $last: Int, $after: String, $before: String, $query: String, $sortKey: ProductSortKeys, $reverse: Boolean) {
  products(first: $first, last: $last, after: $after, before: $before, query: $query, sortKey: $sortKey, reverse: $reverse) {
    edges { cursor node { id title updatedAt } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function all(variables: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = await data<Page>(emulator, PAGE, { ...variables, first: 7, after });
    ids.push(...page.products.edges.map((e) => e.node.id));
    if (!page.products.pageInfo.hasNextPage) return ids;
    after = page.products.pageInfo.endCursor;
  }
}

describe("products connection", () => {
  it("pages forward through every product with the real @shopify/shopify-api client and opaque cursors", async () => {
    const { client } = shopifyClient(emulator);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard += 1) {
      const response = (await client.request<Page>(PAGE, { variables: { first: 25, after } })) as {
        data?: Page;
        extensions?: { cost?: { requestedQueryCost: number } };
      };
      const page = response.data?.products;
      if (!page) throw new Error("no data");
      seen.push(...page.edges.map((e) => e.node.id));
      expect(response.extensions?.cost?.requestedQueryCost).toBe(27);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      expect(() => JSON.parse(Buffer.from(after ?? "", "base64").toString("utf8")) as unknown).not.toThrow();
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    const numeric = seen.map((id) => Number(id.split("/").pop()));
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
  });

  it("pages backward with last/before and reports hasPreviousPage", async () => {
    const forward = await all({});
    const tail = await data<Page>(emulator, PAGE, { last: 5 });
    expect(tail.products.edges.map((e) => e.node.id)).toEqual(forward.slice(-5));
    expect(tail.products.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await data<Page>(emulator, PAGE, { last: 5, before: tail.products.pageInfo.startCursor });
    expect(before.products.edges.map((e) => e.node.id)).toEqual(forward.slice(-10, -5));
  });

  it("sorts by TITLE, UPDATED_AT and ID, reversed on demand", async () => {
    const byTitle = await data<Page>(emulator, PAGE, { first: 60, sortKey: "TITLE" });
    const titles = byTitle.products.edges.map((e) => e.node.title.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const byUpdated = await data<Page>(emulator, PAGE, { first: 60, sortKey: "UPDATED_AT", reverse: true });
    const stamps = byUpdated.products.edges.map((e) => e.node.updatedAt);
    expect(stamps).toEqual([...stamps].sort().reverse());
    // Paging through a sorted list with cursors yields the same order as one big page.
    expect(await all({ sortKey: "TITLE" })).toEqual(byTitle.products.edges.map((e) => e.node.id));
  });

  it("filters with Shopify's search syntax: status, title, vendor, tag, updated_at and id", async () => {
    const products = [...emulator.store.products.values()];
    const count = async (query: string) => (await all({ query })).length;
    expect(await count("status:active")).toBe(products.filter((p) => p.status === "ACTIVE").length);
    expect(await count("status:draft")).toBe(products.filter((p) => p.status === "DRAFT").length);
    const vendor = products[0]?.vendor ?? "";
    expect(await count(`vendor:"${vendor}"`)).toBe(products.filter((p) => p.vendor === vendor).length);
    expect(await count("tag:sale")).toBe(products.filter((p) => p.tags.includes("sale")).length);
    expect(await count("-tag:sale")).toBe(products.filter((p) => !p.tags.includes("sale")).length);
    const sorted = products.map((p) => p.updatedAt).sort();
    const median = sorted[30] ?? "";
    expect(await count(`updated_at:>${median}`)).toBe(products.filter((p) => p.updatedAt > median).length);
    expect(await count(`updated_at:>'${median}'`)).toBe(products.filter((p) => p.updatedAt > median).length);
    const pivot = products[40]?.id ?? 0;
    expect(await count(`id:>${pivot}`)).toBe(products.filter((p) => p.id > pivot).length);
    const word = (products[3]?.title ?? "").split(" ")[0] ?? "";
    expect(await count(`title:${word}*`)).toBe(
      products.filter((p) => p.title.toLowerCase().startsWith(word.toLowerCase())).length,
    );
    expect(await count(`status:archived OR status:draft`)).toBe(
      products.filter((p) => p.status !== "ACTIVE").length,
    );
  });

  it("requires first or last, at most 250", async () => {
    const none = await gql(emulator, "{ products { nodes { id } } }");
    expect(none.body.errors?.[0]?.message).toBe("you must provide one of first or last");
    const tooMany = await gql(emulator, "{ products(first: 251) { nodes { id } } }");
    expect(tooMany.body.errors?.[0]?.message).toMatch(/between 0 and 250/);
  });
});

describe("product by id", () => {
  it("returns variants, media, SEO and metafields with Shopify GIDs", async () => {
    const record = [...emulator.store.products.values()].find(
      (p) => p.media.length > 0 && p.metafields.length > 0 && p.variants.length > 1,
    );
    if (!record) throw new Error("seed has no rich product");
    const result = await data<{
      product: Record<string, unknown> & {
        variants: { nodes: { id: string }[] };
        media: { nodes: { id: string }[] };
        metafields: { nodes: { namespace: string; key: string }[] };
      };
    }>(
      emulator,
      `query($id: ID!) { product(id: $id) {
        id title handle seo { title description }
        variants(first: 50) { nodes { id title price sku selectedOptions { name value } } }
        media(first: 10) { nodes { id mediaContentType ... on MediaImage { image { url altText } } } }
        metafields(first: 10) { nodes { namespace key type value } }
        material: metafield(namespace: "custom", key: "material") { value }
      } }`,
      { id: `gid://shopify/Product/${record.id}` },
    );
    expect(result.product.id).toBe(`gid://shopify/Product/${record.id}`);
    expect(result.product.seo).toEqual(record.seo);
    expect(result.product.variants.nodes.map((v) => v.id)).toEqual(
      record.variants.map((v) => `gid://shopify/ProductVariant/${v.id}`),
    );
    expect(result.product.media.nodes.map((m) => m.id)).toEqual(
      record.media.map((m) => `gid://shopify/MediaImage/${m.id}`),
    );
    expect(result.product.metafields.nodes.map((m) => `${m.namespace}.${m.key}`)).toEqual(
      record.metafields.map((m) => `${m.namespace}.${m.key}`),
    );
    expect(result.product.material).toEqual({
      value: record.metafields.find((m) => m.key === "material")?.value,
    });
    const missing = await data<{ product: null }>(
      emulator,
      `{ product(id: "gid://shopify/Product/1") { id } }`,
    );
    expect(missing.product).toBeNull();
  });
});

const PRODUCT_SET = `mutation Set($input: ProductSetInput!, $identifier: ProductSetIdentifiers) {
  productSet(input: $input, identifier: $identifier, synchronous: true) {
    product { id title handle status tags seo { title } variants(first: 20) { nodes { id title price sku } } media(first: 5) { nodes { id alt } } metafields(first: 5) { nodes { namespace key value } } }
    userErrors { field message code }
  }
}`;

interface SetResult {
  productSet: {
    product: {
      id: string;
      title: string;
      handle: string;
      status: string;
      tags: string[];
      seo: { title: string | null };
      variants: { nodes: { id: string; title: string; price: string; sku: string | null }[] };
      media: { nodes: { id: string; alt: string | null }[] };
      metafields: { nodes: { namespace: string; key: string; value: string }[] };
    } | null;
    userErrors: { field: string[] | null; message: string; code: string | null }[];
  };
}

describe("productSet, productUpdate, productDelete, metafieldsSet", () => {
  it("creates a product with options, variants, files, SEO and metafields, then updates it keeping variant ids", async () => {
    const created = await data<SetResult>(emulator, PRODUCT_SET, {
      input: {
        title: "Linen Shirt",
        status: "ACTIVE",
        tags: ["summer", "linen"],
        seo: { title: "Linen Shirt | Emulated" },
        productOptions: [{ name: "Size", values: [{ name: "S" }, { name: "M" }, { name: "L" }] }],
        variants: ["S", "M", "L"].map((size, i) => ({
          optionValues: [{ optionName: "Size", name: size }],
          price: `${40 + i}.00`,
          sku: `LS-${size}`,
        })),
        files: [
          { originalSource: "https://example.com/linen.jpg", alt: "Linen shirt", contentType: "IMAGE" },
        ],
        metafields: [
          { namespace: "custom", key: "material", type: "single_line_text_field", value: "linen" },
        ],
      },
    });
    expect(created.productSet.userErrors).toEqual([]);
    const product = created.productSet.product;
    if (!product) throw new Error("not created");
    expect(product).toMatchObject({
      title: "Linen Shirt",
      handle: "linen-shirt",
      status: "ACTIVE",
      tags: ["summer", "linen"],
      seo: { title: "Linen Shirt | Emulated" },
    });
    expect(product.variants.nodes.map((v) => [v.title, v.price, v.sku])).toEqual([
      ["S", "40.00", "LS-S"],
      ["M", "41.00", "LS-M"],
      ["L", "42.00", "LS-L"],
    ]);
    expect(product.media.nodes).toHaveLength(1);
    expect(product.metafields.nodes).toEqual([{ namespace: "custom", key: "material", value: "linen" }]);

    const updated = await data<SetResult>(emulator, PRODUCT_SET, {
      identifier: { id: product.id },
      input: {
        title: "Linen Shirt v2",
        productOptions: [{ name: "Size", values: [{ name: "M" }, { name: "L" }, { name: "XL" }] }],
        variants: ["M", "L", "XL"].map((size) => ({
          optionValues: [{ optionName: "Size", name: size }],
          price: "45.00",
        })),
      },
    });
    expect(updated.productSet.userErrors).toEqual([]);
    const after = updated.productSet.product;
    expect(after?.id).toBe(product.id);
    expect(after?.title).toBe("Linen Shirt v2");
    const idOf = (nodes: { id: string; title: string }[], title: string) =>
      nodes.find((v) => v.title === title)?.id;
    expect(idOf(after?.variants.nodes ?? [], "M")).toBe(idOf(product.variants.nodes, "M"));
    expect(idOf(after?.variants.nodes ?? [], "XL")).toBeDefined();
    expect(after?.variants.nodes.map((v) => v.title)).toEqual(["M", "L", "XL"]);
  });

  it("answers invalid productSet input with userErrors shaped as ProductSetUserError, changing nothing", async () => {
    const before = emulator.store.products.size;
    const result = await data<SetResult>(emulator, PRODUCT_SET, {
      input: {
        title: "",
        productOptions: [{ name: "Size", values: [{ name: "S" }] }],
        variants: [{ optionValues: [{ optionName: "Colour", name: "Red" }] }],
      },
    });
    expect(result.productSet.product).toBeNull();
    expect(result.productSet.userErrors).toEqual(
      expect.arrayContaining([
        { field: ["input", "title"], message: "Title can't be blank", code: "INVALID_PRODUCT" },
        {
          field: ["input", "variants", "0", "optionValues", "0", "optionName"],
          message: "Option 'Colour' does not exist.",
          code: "OPTION_DOES_NOT_EXIST",
        },
      ]),
    );
    expect(emulator.store.products.size).toBe(before);
    const optionsOnly = await data<SetResult>(emulator, PRODUCT_SET, {
      input: { title: "T", productOptions: [{ name: "Size", values: [{ name: "S" }] }] },
    });
    expect(optionsOnly.productSet.userErrors).toEqual([
      {
        field: ["input", "variants"],
        message: "Variants input is required when product options are given.",
        code: "VARIANTS_INPUT_MISSING",
      },
    ]);
    const unknown = await data<SetResult>(emulator, PRODUCT_SET, {
      identifier: { id: "gid://shopify/Product/42" },
      input: { title: "x" },
    });
    expect(unknown.productSet.userErrors).toEqual([
      { field: ["identifier", "id"], message: "Product does not exist", code: "PRODUCT_DOES_NOT_EXIST" },
    ]);
  });

  it("updates and deletes products; unknown ids give userErrors", async () => {
    const record = [...emulator.store.products.values()][5];
    if (!record) throw new Error("no product");
    const id = `gid://shopify/Product/${record.id}`;
    const previous = record.updatedAt;
    const updated = await data<{
      productUpdate: {
        product: { title: string; updatedAt: string; seo: { description: string | null } };
        userErrors: unknown[];
      };
    }>(
      emulator,
      `mutation($product: ProductUpdateInput!) { productUpdate(product: $product) { product { title updatedAt seo { description } } userErrors { field message } } }`,
      { product: { id, title: "Renamed", seo: { description: "Fresh description" } } },
    );
    expect(updated.productUpdate).toMatchObject({
      product: { title: "Renamed", seo: { description: "Fresh description" } },
      userErrors: [],
    });
    expect(updated.productUpdate.product.updatedAt > previous).toBe(true);

    const blank = await data<{
      productUpdate: { product: null; userErrors: { field: string[]; message: string }[] };
    }>(
      emulator,
      `mutation($product: ProductUpdateInput!) { productUpdate(product: $product) { product { id } userErrors { field message } } }`,
      { product: { id, title: " " } },
    );
    expect(blank.productUpdate.userErrors).toEqual([{ field: ["title"], message: "Title can't be blank" }]);

    const deleted = await data<{ productDelete: { deletedProductId: string; userErrors: unknown[] } }>(
      emulator,
      `mutation($id: ID!) { productDelete(input: { id: $id }) { deletedProductId userErrors { field message } } }`,
      { id },
    );
    expect(deleted.productDelete).toEqual({ deletedProductId: id, userErrors: [] });
    expect(emulator.store.getProduct(record.id)).toBeUndefined();
    const again = await data<{
      productDelete: { deletedProductId: null; userErrors: { field: string[]; message: string }[] };
    }>(
      emulator,
      `mutation($id: ID!) { productDelete(input: { id: $id }) { deletedProductId userErrors { field message } } }`,
      { id },
    );
    expect(again.productDelete).toEqual({
      deletedProductId: null,
      userErrors: [{ field: ["id"], message: "Product does not exist" }],
    });
  });

  it("sets metafields all-or-nothing, with per-element userErrors", async () => {
    const record = [...emulator.store.products.values()][8];
    if (!record) throw new Error("no product");
    const ownerId = `gid://shopify/Product/${record.id}`;
    const SET = `mutation($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { namespace key value type } userErrors { field message code elementIndex } } }`;
    const bad = await data<{
      metafieldsSet: {
        metafields: null;
        userErrors: { field: string[]; code: string; elementIndex: number }[];
      };
    }>(emulator, SET, {
      metafields: [
        { ownerId, namespace: "seo", key: "score", type: "number_integer", value: "87" },
        { ownerId, namespace: "seo", key: "checked", type: "number_integer", value: "yesterday" },
      ],
    });
    expect(bad.metafieldsSet.metafields).toBeNull();
    expect(bad.metafieldsSet.userErrors).toEqual([
      {
        field: ["metafields", "1", "value"],
        message: "Value must be an integer.",
        code: "INVALID_VALUE",
        elementIndex: 1,
      },
    ]);
    expect(record.metafields.some((m) => m.namespace === "seo")).toBe(false);

    const good = await data<{
      metafieldsSet: {
        metafields: { namespace: string; key: string; value: string; type: string }[];
        userErrors: unknown[];
      };
    }>(emulator, SET, {
      metafields: [
        { ownerId, namespace: "seo", key: "score", type: "number_integer", value: "87" },
        { ownerId, key: "settings", type: "json", value: '{"a":1}' },
      ],
    });
    expect(good.metafieldsSet.userErrors).toEqual([]);
    expect(good.metafieldsSet.metafields).toEqual([
      { namespace: "seo", key: "score", value: "87", type: "number_integer" },
      { namespace: "app--7700001", key: "settings", value: '{"a":1}', type: "json" },
    ]);
    // `$app` (the default namespace) reads the app's own namespace back.
    const read = await data<{
      product: { metafield: { value: string; owner: { __typename: string } } | null };
    }>(
      emulator,
      `query($id: ID!) { product(id: $id) { metafield(key: "settings") { value owner { __typename } } } }`,
      { id: ownerId },
    );
    expect(read.product.metafield).toEqual({ value: '{"a":1}', owner: { __typename: "Product" } });
  });
});
