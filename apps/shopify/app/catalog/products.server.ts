import type { Media, PrismaClient, Product, Variant } from "@prisma/client";
import type { SeoProductInput } from "@ninjalead/core/seo";

export interface ProductWithParts {
  product: Product;
  variants: Variant[];
  media: Media[];
}

/** Loads variants and media for a page of products in two queries (never one per product). */
export async function withParts(
  prisma: PrismaClient,
  shop: string,
  products: Product[],
): Promise<ProductWithParts[]> {
  const ids = products.map((p) => p.id);
  const [variants, media] = await Promise.all([
    prisma.variant.findMany({ where: { shop, productId: { in: ids } }, orderBy: { position: "asc" } }),
    prisma.media.findMany({ where: { shop, productId: { in: ids } }, orderBy: { position: "asc" } }),
  ]);
  return products.map((product) => ({
    product,
    variants: variants.filter((v) => v.productId === product.id),
    media: media.filter((m) => m.productId === product.id),
  }));
}

/** The synced product as the SEO audit reads it. */
export function toSeoInput(
  { product, variants, media }: ProductWithParts,
  language: string,
  shopDomain: string,
): SeoProductInput {
  return {
    id: product.id.toString(),
    title: product.title,
    descriptionHtml: product.descriptionHtml,
    handle: product.handle,
    seoTitle: product.seoTitle,
    metaDescription: product.seoDescription,
    images: media.map((m) => ({ src: m.url, alt: m.alt })),
    variants: variants.map((v) => ({
      sku: v.sku,
      barcode: v.barcode,
      price: v.price.toString(),
      compareAtPrice: v.compareAtPrice?.toString() ?? null,
      title: v.title,
    })),
    vendor: product.vendor,
    productType: product.productType,
    tags: product.tags,
    language,
    shopDomain,
  };
}
