import { start, type Emulator } from "@ninjalead/store-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planImport, type ExistingProduct, type ImportSettings } from "../../src/catalog/plan.js";
import { loadFixture } from "./load-fixture.js";

/*
 * The plan written through a real productSet mutation into the local Shopify Admin API emulator
 * (stateful, validates every request against the published 2026-10 schema), read back, and
 * re-imported: the same product is updated in place.
 */

const PRODUCT_SET = `#graphql
  mutation Import($identifier: ProductSetIdentifiers, $input: ProductSetInput!) {
    productSet(identifier: $identifier, input: $input, synchronous: true) {
      product { id }
      userErrors { field message code }
    }
  }`;

const READ_BACK = `#graphql
  query ReadBack($id: ID!) {
    product(id: $id) {
      id
      handle
      title
      tags
      metafields(first: 20) { nodes { namespace key type value } }
      options { id name optionValues { id name } }
      variants(first: 30) {
        nodes {
          id
          sku
          price
          compareAtPrice
          selectedOptions { name value }
          metafield(namespace: "ninjalead", key: "source_sku_id") { value }
        }
      }
      media(first: 30) { nodes { id } }
    }
    productsCount { count }
  }`;

interface ReadBack {
  product: {
    id: string;
    handle: string;
    title: string;
    tags: string[];
    metafields: { nodes: { namespace: string; key: string; type: string; value: string }[] };
    options: { id: string; name: string; optionValues: { id: string; name: string }[] }[];
    variants: {
      nodes: {
        id: string;
        sku: string;
        price: string;
        compareAtPrice: string | null;
        selectedOptions: { name: string; value: string }[];
        metafield: { value: string } | null;
      }[];
    };
    media: { nodes: { id: string }[] };
  };
  productsCount: { count: number };
}

let shopify: Emulator;
beforeAll(async () => {
  shopify = await start({ port: 0 });
});
afterAll(() => shopify.close());

async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(shopify.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", "x-shopify-access-token": shopify.accessToken },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  expect(JSON.stringify(body.errors)).toBeUndefined();
  if (!body.data) throw new Error(`no data: ${JSON.stringify(body)}`);
  return body.data;
}

async function write(plan: ReturnType<typeof planImport>): Promise<string> {
  const data = await graphql<{
    productSet: { product: { id: string } | null; userErrors: { field: string[]; message: string }[] };
  }>(PRODUCT_SET, { identifier: plan.identifier, input: plan.input });
  expect(data.productSet.userErrors).toEqual([]);
  if (!data.productSet.product) throw new Error("productSet returned no product");
  return data.productSet.product.id;
}

const SETTINGS: ImportSettings = {
  language: "fr",
  pricing: { currency: "USD", multiplier: "2.5", compareAt: { mode: "supplier" }, minimumMargin: "0.3" },
  importedAt: "2026-11-25T08:00:00Z",
  tags: ["import"],
};

describe("productSet through the Shopify Admin API emulator", () => {
  it("creates the product, then a re-import updates the same product in place", async () => {
    const before = (await graphql<ReadBack>(READ_BACK, { id: "gid://shopify/Product/0" })).productsCount
      .count;
    const first = planImport(loadFixture("ds-product-full.json"), undefined, SETTINGS);
    const id = await write(first);
    const created = await graphql<ReadBack>(READ_BACK, { id });
    expect(created.productsCount.count).toBe(before + 1);
    expect(created.product.title).toBe(first.input.title);
    expect(created.product.options.map((o) => o.name)).toEqual(["Couleur", "Taille"]);
    expect(created.product.variants.nodes).toHaveLength(9);
    expect(created.product.variants.nodes[0]).toMatchObject({
      sku: "TEE-BLACK-S",
      price: first.input.variants?.[0]?.price,
      metafield: { value: "12000036000000001" },
    });
    expect(created.product.metafields.nodes.find((m) => m.key === "source_id")?.value).toBe(
      "aliexpress:1005006123456789",
    );

    // What the app reads back and passes as `existing`; media zipped with ninjalead.media_sources.
    const sources = JSON.parse(
      created.product.metafields.nodes.find((m) => m.key === "media_sources")?.value ?? "[]",
    ) as string[];
    const existing: ExistingProduct = {
      id: created.product.id,
      handle: created.product.handle,
      tags: [...created.product.tags, "bestseller"],
      metafields: created.product.metafields.nodes,
      options: created.product.options.map((o) => ({ id: o.id, name: o.name, values: o.optionValues })),
      variants: created.product.variants.nodes.map((v) => ({
        id: v.id,
        sku: v.sku,
        ...(v.metafield ? { sourceSkuId: v.metafield.value } : {}),
      })),
      media: created.product.media.nodes.map((m, i) => ({
        id: m.id,
        ...(sources[i] ? { sourceUrl: sources[i] } : {}),
      })),
    };

    // The supplier reordered its SKUs, raised the price of Blue/L and of the Black/S SKU we sold.
    const payload = loadFixture("ds-product-full.json") as {
      aliexpress_ds_product_get_response: {
        result: {
          ae_item_sku_info_dtos: { ae_item_sku_info_d_t_o: { sku_id: string; offer_sale_price: string }[] };
        };
      };
    };
    const skus =
      payload.aliexpress_ds_product_get_response.result.ae_item_sku_info_dtos.ae_item_sku_info_d_t_o;
    skus.reverse();
    for (const sku of skus) {
      if (sku.sku_id === "12000036000000009") sku.offer_sale_price = "11.99";
      if (sku.sku_id === "12000036000000001") sku.offer_sale_price = "13.00";
    }
    const second = planImport(payload, existing, { ...SETTINGS, importedAt: "2026-12-01T09:00:00Z" });
    expect(await write(second)).toBe(id);

    const updated = await graphql<ReadBack>(READ_BACK, { id });
    expect(updated.productsCount.count).toBe(before + 1);
    expect(updated.product.handle).toBe(created.product.handle);
    // Same media, not re-uploaded (their order follows the supplier's SKU order).
    expect(updated.product.media.nodes.map((m) => m.id).sort()).toEqual(
      created.product.media.nodes.map((m) => m.id).sort(),
    );
    expect(updated.product.options.map((o) => o.id)).toEqual(created.product.options.map((o) => o.id));
    expect(updated.product.tags).toEqual(expect.arrayContaining(["import", "bestseller"]));
    expect(updated.product.variants.nodes.map((v) => v.id).sort()).toEqual(
      created.product.variants.nodes.map((v) => v.id).sort(),
    );
    const blueL = updated.product.variants.nodes.find((v) => v.metafield?.value === "12000036000000009");
    expect(blueL?.id).toBe(created.product.variants.nodes.find((v) => v.sku === "TEE-BLUE-L")?.id);
    expect(blueL?.price).toBe("29.99"); // 11.99 × 2.5 = 29.975 → 29.99
    // Black/S now maps to the supplier's cheaper duplicate listing, on the same Shopify variant.
    const blackS = updated.product.variants.nodes.find((v) => v.sku === "TEE-BLACK-S");
    expect(blackS).toMatchObject({
      id: created.product.variants.nodes[0]?.id,
      metafield: { value: "12000036999999999" },
    });
    expect(updated.product.metafields.nodes.find((m) => m.key === "imported_at")?.value).toBe(
      "2026-12-01T09:00:00Z",
    );
  });
});
