import { describe, expect, it } from "vitest";
import {
  buildProductJsonLd,
  jsonLdScriptTag,
  serializeJsonLd,
  type SeoProductInput,
} from "../../src/seo/index.js";

const product: SeoProductInput = {
  title: "Linen shirt </script><script>alert(1)</script>",
  handle: "linen-shirt",
  descriptionHtml: "<p>Soft &amp; light.</p><script>x()</script><p>Line\u2028separator.</p>",
  vendor: "Acme & Co",
  productType: "Shirts\u2028Tops\u2029Linen",
  images: [
    { src: "https://cdn.example/1.jpg", alt: "" },
    { src: "https://cdn.example/2.jpg", alt: "" },
  ],
  variants: [
    { sku: "LS-S", barcode: "4006381333931", price: 79, available: true },
    { sku: "LS-M", barcode: "", price: "89.5", available: false },
  ],
  currency: "EUR",
  shopDomain: "acme.example",
};

describe("buildProductJsonLd", () => {
  const { product: ld, breadcrumbs } = buildProductJsonLd(product, {
    shop: { name: "Acme" },
    reviews: { ratingValue: 4.6, reviewCount: 12 },
    collection: { title: "Shirts", handle: "shirts" },
  });

  it("builds a schema.org Product with only the product's own data", () => {
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Product",
      name: product.title,
      description: "Soft & light. Line separator.",
      category: "Shirts\u2028Tops\u2029Linen",
      image: ["https://cdn.example/1.jpg", "https://cdn.example/2.jpg"],
      sku: "LS-S",
      gtin: "4006381333931",
      brand: { "@type": "Brand", name: "Acme & Co" },
      url: "https://acme.example/products/linen-shirt",
      aggregateRating: { "@type": "AggregateRating", ratingValue: 4.6, reviewCount: 12, bestRating: 5 },
    });
  });

  it("uses an AggregateOffer for several variants", () => {
    expect(ld.offers).toMatchObject({
      "@type": "AggregateOffer",
      lowPrice: 79,
      highPrice: 89.5,
      offerCount: 2,
      priceCurrency: "EUR",
      offers: [
        {
          "@type": "Offer",
          price: 79,
          priceCurrency: "EUR",
          availability: "https://schema.org/InStock",
          gtin13: "4006381333931",
        },
        { "@type": "Offer", price: 89.5, availability: "https://schema.org/OutOfStock", sku: "LS-M" },
      ],
    });
  });

  it("uses a single Offer for one variant and omits unknown fields", () => {
    const single = buildProductJsonLd({ title: "Mug", variants: [{ price: 12 }] }).product;
    expect(single.offers).toEqual({ "@type": "Offer", price: 12 });
    expect(single).not.toHaveProperty("brand");
    expect(single).not.toHaveProperty("gtin");
  });

  it("builds the breadcrumb trail", () => {
    expect(breadcrumbs).toEqual({
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Acme", item: "https://acme.example/" },
        { "@type": "ListItem", position: 2, name: "Shirts", item: "https://acme.example/collections/shirts" },
        {
          "@type": "ListItem",
          position: 3,
          name: product.title,
          item: "https://acme.example/products/linen-shirt",
        },
      ],
    });
  });

  it("rejects invalid options with the field named", () => {
    expect(() => buildProductJsonLd(product, { currency: "euro" })).toThrow(/currency/);
  });
});

describe("serializeJsonLd", () => {
  it("escapes <, >, & and U+2028/2029 so the JSON cannot break out of <script>", () => {
    const { product: ld } = buildProductJsonLd(product);
    const json = serializeJsonLd(ld);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain("\\u003c/script\\u003e");
    // Still valid JSON that round-trips to the same data.
    expect(JSON.parse(json)).toEqual(ld);
    const tag = jsonLdScriptTag(ld);
    expect(tag.match(/<\/script>/g)).toHaveLength(1);
    expect(tag.startsWith('<script type="application/ld+json">')).toBe(true);
  });
});
