// Products, variants, media and translations as the GraphQL layer sees them.
import type { GraphQLResolveInfo } from "graphql";
import { toGid } from "../gid.js";
import type { ConnectionArgs } from "../graphql/connection.js";
import type { MediaRecord, ProductRecord, TranslationRecord, VariantRecord } from "../store/types.js";
import { byId, byPosition, resolveConnection, type ResolverContext, type View } from "./context.js";
import { contentDigest, count, metafieldFields, money } from "./common-views.js";

export function mediaView(media: MediaRecord): View {
  const image: View = {
    id: toGid("ImageSource", media.id),
    url: media.url,
    src: media.url,
    originalSrc: media.url,
    transformedSrc: media.url,
    altText: media.alt,
    width: media.width,
    height: media.height,
    thumbhash: null,
    translations: [],
  };
  return {
    __typename: "MediaImage",
    id: toGid("MediaImage", media.id),
    alt: media.alt,
    mediaContentType: "IMAGE",
    status: "READY",
    fileStatus: "READY",
    mimeType: media.mimeType,
    image,
    preview: { image, status: "READY" },
    originalSource: { url: media.url, fileSize: null },
    mediaErrors: [],
    mediaWarnings: [],
    fileErrors: [],
    createdAt: media.createdAt,
    updatedAt: media.createdAt,
    translations: [],
  };
}

function imageView(media: MediaRecord): View {
  return {
    id: toGid("ProductImage", media.id),
    url: media.url,
    src: media.url,
    originalSrc: media.url,
    transformedSrc: media.url,
    altText: media.alt,
    width: media.width,
    height: media.height,
    thumbhash: null,
    translations: [],
  };
}

export function variantView(variant: VariantRecord, product: ProductRecord, currency: string): View {
  const self: View = {
    __typename: "ProductVariant",
    id: toGid("ProductVariant", variant.id),
    legacyResourceId: String(variant.id),
    title: variant.title,
    displayName: `${product.title} - ${variant.title}`,
    sku: variant.sku,
    barcode: variant.barcode,
    price: variant.price,
    compareAtPrice: variant.compareAtPrice,
    inventoryQuantity: variant.inventoryQuantity,
    inventoryPolicy: variant.inventoryPolicy,
    availableForSale: variant.inventoryQuantity > 0 || variant.inventoryPolicy === "CONTINUE",
    sellableOnlineQuantity: Math.max(variant.inventoryQuantity, 0),
    position: variant.position,
    taxable: variant.taxable,
    taxCode: null,
    requiresComponents: false,
    showUnitPrice: false,
    selectedOptions: variant.selectedOptions.map((option) => ({
      name: option.name,
      value: option.value,
      optionValue: optionValueView(product, option.name, option.value),
    })),
    inventoryItem: {
      __typename: "InventoryItem",
      id: toGid("InventoryItem", variant.inventoryItemId),
      legacyResourceId: String(variant.inventoryItemId),
      sku: variant.sku,
      tracked: true,
      requiresShipping: true,
      unitCost: null,
      countryCodeOfOrigin: null,
      harmonizedSystemCode: null,
      createdAt: variant.createdAt,
      updatedAt: variant.updatedAt,
    },
    image: () => {
      const first = product.media[0];
      return first ? imageView(first) : null;
    },
    media: (args: ConnectionArgs, ctx: ResolverContext, info: GraphQLResolveInfo) =>
      resolveConnection(product.media.slice(0, 1), args, ctx, info, byId, mediaView),
    product: () => productView(product, currency),
    createdAt: variant.createdAt,
    updatedAt: variant.updatedAt,
    unitPrice: null,
    translations: () => [],
  };
  Object.assign(
    self,
    metafieldFields(
      () => variant.metafields,
      "PRODUCTVARIANT",
      () => self,
    ),
  );
  return self;
}

function optionValueView(product: ProductRecord, optionName: string, value: string): View {
  const option = product.options.find((o) => o.name === optionName);
  const found = option?.values.find((v) => v.name === value);
  return {
    __typename: "ProductOptionValue",
    id: toGid("ProductOptionValue", found?.id ?? 0),
    name: value,
    hasVariants: true,
    linkedMetafieldValue: null,
    swatch: null,
    translations: [],
  };
}

export function translationView(translation: TranslationRecord, currentDigest: string | null): View {
  return {
    key: translation.key,
    locale: translation.locale,
    value: translation.value,
    outdated: currentDigest !== null && currentDigest !== translation.digest,
    updatedAt: translation.updatedAt,
    market: null,
  };
}

/** The translatable content of a product, as `translatableResource` exposes it. */
export function productTranslatableContent(product: ProductRecord, locale: string): View[] {
  const entries: [string, string | null, string][] = [
    ["title", product.title, "SINGLE_LINE_TEXT_FIELD"],
    ["body_html", product.descriptionHtml, "HTML"],
    ["handle", product.handle, "URI"],
    ["product_type", product.productType, "SINGLE_LINE_TEXT_FIELD"],
    ["meta_title", product.seo.title, "SINGLE_LINE_TEXT_FIELD"],
    ["meta_description", product.seo.description, "MULTI_LINE_TEXT_FIELD"],
  ];
  return entries
    .filter((entry): entry is [string, string, string] => entry[1] !== null && entry[1] !== "")
    .map(([key, value, type]) => ({ key, value, digest: contentDigest(value), locale, type }));
}

export function productView(product: ProductRecord, currency: string): View {
  const prices = product.variants.map((v) => Number(v.price));
  const min = prices.length ? Math.min(...prices) : 0;
  const max = prices.length ? Math.max(...prices) : 0;
  const totalInventory = product.variants.reduce((sum, v) => sum + v.inventoryQuantity, 0);
  const plain = product.descriptionHtml
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const self: View = {
    __typename: "Product",
    id: toGid("Product", product.id),
    legacyResourceId: String(product.id),
    title: product.title,
    handle: product.handle,
    descriptionHtml: product.descriptionHtml,
    bodyHtml: product.descriptionHtml,
    description: (args: { truncateAt?: number | null }) =>
      args.truncateAt && plain.length > args.truncateAt
        ? `${plain.slice(0, Math.max(args.truncateAt - 3, 0))}...`
        : plain,
    vendor: product.vendor,
    productType: product.productType,
    status: product.status,
    tags: product.tags,
    templateSuffix: product.templateSuffix,
    giftCardTemplateSuffix: null,
    isGiftCard: false,
    requiresSellingPlan: false,
    hasVariantsThatRequiresComponents: false,
    combinedListingRole: null,
    category: null,
    seo: { title: product.seo.title, description: product.seo.description },
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    publishedAt: product.publishedAt,
    onlineStoreUrl:
      product.status === "ACTIVE" && product.publishedAt
        ? `https://example.com/products/${product.handle}`
        : null,
    onlineStorePreviewUrl: `https://example.com/products/${product.handle}`,
    totalInventory,
    tracksInventory: true,
    hasOnlyDefaultVariant: product.variants.length === 1 && product.variants[0]?.title === "Default Title",
    hasOutOfStockVariants: product.variants.some((v) => v.inventoryQuantity <= 0),
    priceRangeV2: { minVariantPrice: money(min, currency), maxVariantPrice: money(max, currency) },
    compareAtPriceRange: null,
    options: (args: { first?: number | null }) =>
      product.options.slice(0, args.first ?? undefined).map((option) => ({
        __typename: "ProductOption",
        id: toGid("ProductOption", option.id),
        name: option.name,
        position: option.position,
        values: option.values.map((v) => v.name),
        optionValues: option.values.map((v) => optionValueView(product, option.name, v.name)),
        linkedMetafield: null,
        translations: [],
      })),
    variants: (
      args: ConnectionArgs & { sortKey?: string | null },
      ctx: ResolverContext,
      info: GraphQLResolveInfo,
    ) =>
      resolveConnection(product.variants, args, ctx, info, args.sortKey === "ID" ? byId : byPosition, (v) =>
        variantView(v, product, currency),
      ),
    variantsCount: count(product.variants.length),
    media: (args: ConnectionArgs, ctx: ResolverContext, info: GraphQLResolveInfo) =>
      resolveConnection(
        product.media,
        args,
        ctx,
        info,
        (m) => ({ id: m.id, value: product.media.indexOf(m) }),
        mediaView,
      ),
    mediaCount: count(product.media.length),
    featuredMedia: () => {
      const first = product.media[0];
      return first ? mediaView(first) : null;
    },
    featuredImage: () => {
      const first = product.media[0];
      return first ? imageView(first) : null;
    },
    images: (args: ConnectionArgs, ctx: ResolverContext, info: GraphQLResolveInfo) =>
      resolveConnection(
        product.media,
        args,
        ctx,
        info,
        (m) => ({ id: m.id, value: product.media.indexOf(m) }),
        imageView,
      ),
    translations: (args: { locale: string }) => {
      const current = new Map(
        productTranslatableContent(product, args.locale).map((c) => [c.key, c.digest as string]),
      );
      return product.translations
        .filter((t) => t.locale === args.locale)
        .map((t) => translationView(t, current.get(t.key) ?? null));
    },
  };
  Object.assign(
    self,
    metafieldFields(
      () => product.metafields,
      "PRODUCT",
      () => self,
    ),
  );
  return self;
}
