import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProductJsonLd } from "../../../packages/core/src/seo/jsonld.js";
import { parseMetafieldValue, PRODUCT_JSONLD_PROPERTIES } from "../src/contract.js";
import { campaign, faq, HOSTILE, jsonLd, pageState, sweater } from "./support/fixtures.js";
import { expectInert } from "./support/html.js";
import { extractJsonLd, validateBreadcrumbList, validateProduct } from "./support/schema-org.js";
import {
  createShopifyLiquid,
  EXTENSION_DIR,
  renderBlock,
  type ProductFixture,
} from "./support/shopify-liquid.js";

const liquid = createShopifyLiquid({ appId: "4921337" });

async function render(product: ProductFixture | undefined, settings: Record<string, boolean> = {}) {
  const state = pageState();
  if (product) state.product = product;
  else delete state.product;
  const html = await renderBlock(liquid, { block: "seo-embed", state, settings });
  return { html, nodes: extractJsonLd(html) as Record<string, unknown>[] };
}

describe("SEO app embed", () => {
  it("outputs a valid Product with the builder's fields and a live AggregateOffer", async () => {
    const { nodes } = await render(sweater());
    const product = nodes.find((n) => n["@type"] === "Product");
    expect(validateProduct(product)).toEqual({ errors: [], missingRecommended: [] });
    expect(product).toMatchObject({
      "@context": "https://schema.org",
      name: "Merino Crew Sweater",
      gtin13: "4006381333931",
      material: "Merino wool",
      brand: { "@type": "Brand", name: "Alpine Knits" },
      offers: {
        "@type": "AggregateOffer",
        lowPrice: 89,
        highPrice: 95,
        priceCurrency: "EUR",
        offerCount: 3,
        availability: "https://schema.org/InStock",
      },
    });
    const offers = (product?.offers as { offers: Record<string, unknown>[] }).offers;
    expect(offers.map((o) => [o.sku, o.price, o.availability])).toEqual([
      ["MCS-NAVY-S", 89, "https://schema.org/InStock"],
      ["MCS-NAVY-M", 89, "https://schema.org/OutOfStock"],
      ["MCS-GREY-L", 95, "https://schema.org/InStock"],
    ]);
    expect(offers[0]?.url).toBe("https://alpine-knits.example/products/merino-crew-sweater?variant=4401");
  });

  it("renders what @ninjalead/core's builder produces, through the contract, end to end", async () => {
    const built = buildProductJsonLd(
      {
        title: "Linen Shirt",
        descriptionHtml: "<p>Washed linen, <b>relaxed</b> fit.</p>",
        handle: "linen-shirt",
        vendor: "Atelier Nord",
        productType: "Shirts",
        images: [{ src: "https://cdn.shopify.com/s/files/1/0001/linen-shirt.jpg", alt: "Linen shirt" }],
        variants: [{ sku: "LS-1", barcode: "4006381333931", price: 59, available: true }],
        currency: "EUR",
      },
      {
        shop: { name: "Atelier Nord", domain: "atelier-nord.example" },
        collection: { title: "Shirts", handle: "shirts" },
      },
    );
    // What the app writes: the builder's output, checked against the contract.
    const value = parseMetafieldValue("jsonld", { version: 1, ...built });
    const { nodes } = await render(sweater({ jsonld: value }));
    const product = nodes.find((n) => n["@type"] === "Product");
    expect(validateProduct(product)).toEqual({ errors: [], missingRecommended: [] });
    expect(product).toMatchObject({
      name: "Linen Shirt",
      description: "Washed linen, relaxed fit.",
      brand: { "@type": "Brand", name: "Atelier Nord" },
      category: "Shirts",
      gtin: "4006381333931",
    });
    const crumbs = nodes.find((n) => n["@type"] === "BreadcrumbList");
    expect(validateBreadcrumbList(crumbs)).toEqual({ errors: [], missingRecommended: [] });
    expect(crumbs?.itemListElement).toEqual(built.breadcrumbs.itemListElement);
  });

  it("renders exactly the contract's Product properties", () => {
    const source = readFileSync(join(EXTENSION_DIR, "blocks", "seo-embed.liquid"), "utf8");
    const list = /assign properties = '([^']+)' \| split: ','/.exec(source)?.[1]?.split(",");
    expect(list).toEqual(PRODUCT_JSONLD_PROPERTIES);
  });

  it("uses a single Offer for a one-variant product and ignores stale offers in the metafield", async () => {
    const stale = { ...jsonLd, product: { ...jsonLd.product, offers: { "@type": "Offer", price: 1 } } };
    const product = {
      ...sweater({ jsonld: stale }),
      variants: [{ id: 7, title: "Default Title", price: 12950, available: false }],
    };
    const { nodes } = await render(product);
    const node = nodes.find((n) => n["@type"] === "Product");
    expect(validateProduct(node).errors).toEqual([]);
    expect(node?.offers).toEqual({
      "@type": "Offer",
      price: 129.5,
      priceCurrency: "EUR",
      availability: "https://schema.org/OutOfStock",
      url: "https://alpine-knits.example/products/merino-crew-sweater?variant=7",
    });
  });

  it("outputs a valid BreadcrumbList", async () => {
    const { nodes } = await render(sweater());
    const crumbs = nodes.find((n) => n["@type"] === "BreadcrumbList");
    expect(validateBreadcrumbList(crumbs)).toEqual({ errors: [], missingRecommended: [] });
    expect(crumbs?.itemListElement).toHaveLength(3);
  });

  it("honours the per-type toggles", async () => {
    const noOffers = await render(sweater(), { offers: false });
    const product = noOffers.nodes.find((n) => n["@type"] === "Product");
    expect(product).toBeDefined();
    expect(product).not.toHaveProperty("offers");

    const noProduct = await render(sweater(), { product_jsonld: false });
    expect(noProduct.nodes.map((n) => n["@type"])).toEqual(["BreadcrumbList"]);

    const noCrumbs = await render(sweater(), { breadcrumb: false });
    expect(noCrumbs.nodes.map((n) => n["@type"])).toEqual(["Product"]);
  });

  it("renders nothing without the metafield, with another version, or off product pages", async () => {
    expect((await render(sweater({ faq }))).html.trim()).toBe("");
    expect((await render(sweater({ jsonld: { ...jsonLd, version: 2 } }))).html.trim()).toBe("");
    expect((await render(undefined)).html.trim()).toBe("");
  });

  it("reads the app-reserved namespace only, not a look-alike public namespace", async () => {
    const product = { ...sweater({}), metafields: { app: { jsonld: { type: "json", value: jsonLd } } } };
    expect((await render(product)).html.trim()).toBe("");
  });

  it.each(HOSTILE)("keeps hostile merchant text inside the JSON string: %s", async (evil) => {
    const hostile = {
      ...jsonLd,
      product: { ...jsonLd.product, name: evil, description: evil, brand: { "@type": "Brand", name: evil } },
      breadcrumbs: {
        "@type": "BreadcrumbList",
        itemListElement: [{ "@type": "ListItem", position: 1, name: evil }],
      },
    };
    const { html, nodes } = await render(sweater({ jsonld: hostile, campaign }));
    // Exactly our two script elements: nothing closed them early or opened another.
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/script>/gi)).toHaveLength(2);
    expectInert(html, evil, false);
    expect(html).not.toContain("\u2028");
    const product = nodes.find((n) => n["@type"] === "Product");
    expect(product?.name).toBe(evil);
    expect(product?.brand).toEqual({ "@type": "Brand", name: evil });
  });
});
