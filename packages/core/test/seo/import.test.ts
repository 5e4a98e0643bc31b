import { describe, expect, it } from "vitest";
import { detectLanguage, productFromShopifyJson, productsFromShopifyCsv } from "../../src/seo/index.js";

describe("detectLanguage", () => {
  it.each([
    ["This shirt is made of linen and it is very soft for the summer.", "en"],
    ["Cette chemise est en lin et elle est très douce pour l'été.", "fr"],
    ["Esta camisa es de lino y es muy suave para el verano.", "es"],
    ["Dieses Hemd ist aus Leinen und es ist sehr weich für den Sommer.", "de"],
    ["Questa camicia è di lino ed è molto morbida per l'estate.", "it"],
    ["Esta camisa é de linho e é muito macia para o verão, com um toque suave.", "pt-BR"],
    ["Dit overhemd is van linnen en het is heel zacht voor de zomer.", "nl"],
    ["Ta koszula jest z lnu i jest bardzo miękka na lato, nie gniecie się.", "pl"],
    ["このシャツはリネン製です。", "ja"],
    ["这件衬衫是亚麻的。", "zh-CN"],
  ] as const)("%s → %s", (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
  it("falls back when there is no signal", () => {
    expect(detectLanguage("", "de")).toBe("de");
    expect(detectLanguage("XL-42 / 100%", "fr")).toBe("fr");
  });
});

describe("Shopify export mapping", () => {
  it("groups CSV rows by handle and keeps variant and image rows", async () => {
    const rows = [
      {
        Handle: "a",
        Title: "A",
        "Body (HTML)": "<p>x</p>",
        "Variant SKU": "A1",
        "Variant Price": "9.90",
        "Image Src": "1.jpg",
        "Image Alt Text": "front",
      },
      { Handle: "a", "Variant SKU": "A2", "Variant Price": "9.90", "Image Src": "2.jpg" },
      { Handle: "b", Title: "B", "Variant Price": "5" },
    ];
    const out = [];
    for await (const p of productsFromShopifyCsv(rows)) out.push(p);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({
      handle: "a",
      title: "A",
      variants: [{ sku: "A1", price: "9.90" }, { sku: "A2" }],
    });
    expect(out[0]?.images).toEqual([
      { src: "1.jpg", alt: "front" },
      { src: "2.jpg", alt: "" },
    ]);
  });

  it("maps REST and GraphQL JSON products", () => {
    expect(
      productFromShopifyJson({
        id: 1,
        title: "T",
        body_html: "<p>x</p>",
        tags: "a, b",
        variants: [{ price: "3", inventory_quantity: 0 }],
      }),
    ).toMatchObject({
      id: "1",
      descriptionHtml: "<p>x</p>",
      tags: ["a", "b"],
      variants: [{ price: "3", available: false }],
    });
    expect(
      productFromShopifyJson({
        title: "T",
        handle: "t",
        descriptionHtml: "<p>y</p>",
        seo: { title: "S", description: "D" },
        images: { nodes: [{ url: "u.jpg", altText: "alt" }] },
        variants: { nodes: [{ sku: "s", price: { amount: "4" }, availableForSale: true }] },
      }),
    ).toMatchObject({
      seoTitle: "S",
      metaDescription: "D",
      images: [{ src: "u.jpg", alt: "alt" }],
      variants: [{ sku: "s", price: "4", available: true }],
    });
  });
});
