// View objects: what the GraphQL layer sees of the store's records. graphql-js's default field
// resolver reads a property, or calls it with (args, context, info) when it is a function.
import { createHash } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import { toGid } from "../gid.js";
import { filterBySearch } from "../graphql/search-query.js";
import type { ConnectionArgs } from "../graphql/connection.js";
import type {
  AddressRecord,
  AppSubscriptionRecord,
  AppUsageRecordRecord,
  BulkOperationRecord,
  CustomerRecord,
  FileRecord,
  LineItemRecord,
  MediaRecord,
  MetafieldRecord,
  OrderRecord,
  ProductRecord,
  ShopRecord,
  TranslationRecord,
  VariantRecord,
  WebhookSubscriptionRecord,
} from "../store/types.js";
import { byId, byPosition, resolveConnection, type ResolverContext, type View } from "./context.js";
import { orderSearch } from "./search-schemas.js";
import { orderSortKey } from "./sort-keys.js";

export function money(amount: string | number, currencyCode: string): View {
  return { amount: typeof amount === "number" ? amount.toFixed(2) : amount, currencyCode };
}

export function moneyBag(amount: string | number, currencyCode: string): View {
  const value = money(amount, currencyCode);
  return { shopMoney: value, presentmentMoney: value };
}

const count = (n: number): View => ({ count: n, precision: "EXACT" });

/** Digest Shopify computes over translatable content (sha256 hex of the value). */
export function contentDigest(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

// ── metafields ────────────────────────────────────────────────────────────────────────────────

export function metafieldView(metafield: MetafieldRecord, ownerType: string, owner: () => View | null): View {
  return {
    __typename: "Metafield",
    id: toGid("Metafield", metafield.id),
    legacyResourceId: String(metafield.id),
    namespace: metafield.namespace,
    key: metafield.key,
    type: metafield.type,
    value: metafield.value,
    jsonValue: () => parseJsonValue(metafield),
    compareDigest: contentDigest(`${metafield.namespace}.${metafield.key}:${metafield.value}`),
    createdAt: metafield.createdAt,
    updatedAt: metafield.updatedAt,
    ownerType,
    owner,
    definition: null,
    description: null,
    reference: null,
    sizeInBytes: Buffer.byteLength(metafield.value),
    translations: [],
  };
}

function parseJsonValue(metafield: MetafieldRecord): unknown {
  if (metafield.type === "json" || metafield.type.startsWith("list.") || metafield.type === "rating") {
    try {
      return JSON.parse(metafield.value);
    } catch {
      return metafield.value;
    }
  }
  if (metafield.type === "number_integer") return Number.parseInt(metafield.value, 10);
  if (metafield.type === "number_decimal") return metafield.value;
  if (metafield.type === "boolean") return metafield.value === "true";
  return metafield.value;
}

interface MetafieldArgs extends ConnectionArgs {
  namespace?: string | null;
  keys?: string[] | null;
}

/** `metafield(namespace, key)` and `metafields(...)` fields for any owner. */
export function metafieldFields(
  metafields: () => MetafieldRecord[],
  ownerType: string,
  owner: () => View,
): View {
  return {
    metafield: (args: { namespace?: string | null; key: string }) => {
      const namespace = args.namespace ?? "$app";
      const found = metafields().find((m) => m.namespace === namespace && m.key === args.key);
      return found ? metafieldView(found, ownerType, owner) : null;
    },
    metafields: (args: MetafieldArgs, ctx: ResolverContext, info: GraphQLResolveInfo) => {
      let list = metafields();
      if (args.namespace) list = list.filter((m) => m.namespace === args.namespace);
      if (args.keys) {
        const wanted = new Set(args.keys);
        list = list.filter((m) => wanted.has(`${m.namespace}.${m.key}`));
      }
      return resolveConnection(list, args, ctx, info, byId, (m) => metafieldView(m, ownerType, owner));
    },
  };
}

// ── products ──────────────────────────────────────────────────────────────────────────────────

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

// ── customers and orders ──────────────────────────────────────────────────────────────────────

export function addressView(address: AddressRecord): View {
  return {
    __typename: "MailingAddress",
    id: toGid("MailingAddress", address.id),
    firstName: address.firstName,
    lastName: address.lastName,
    name: `${address.firstName} ${address.lastName}`,
    address1: address.address1,
    address2: null,
    city: address.city,
    province: address.province,
    provinceCode: address.provinceCode,
    country: address.country,
    countryCode: address.countryCode,
    countryCodeV2: address.countryCode,
    zip: address.zip,
    phone: address.phone,
    company: null,
    coordinatesValidated: false,
    latitude: null,
    longitude: null,
    timeZone: null,
    formattedArea: [address.city, address.province, address.country].filter(Boolean).join(", "),
    formatted: () => [address.address1, `${address.zip} ${address.city}`, address.country],
  };
}

export function customerView(customer: CustomerRecord, ctx: ResolverContext): View {
  const { store } = ctx;
  const currency = store.shop.currencyCode;
  const stats = () => store.customerStats(customer.id);
  const self: View = {
    __typename: "Customer",
    id: toGid("Customer", customer.id),
    legacyResourceId: String(customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: `${customer.firstName} ${customer.lastName}`.trim() || (customer.email ?? ""),
    email: customer.email,
    phone: customer.phone,
    defaultEmailAddress: customer.email
      ? {
          emailAddress: customer.email,
          marketingState: customer.emailMarketingState,
          marketingOptInLevel: customer.emailMarketingState === "SUBSCRIBED" ? "SINGLE_OPT_IN" : null,
          marketingUpdatedAt: customer.updatedAt,
          validFormat: true,
          openTrackingLevel: "UNKNOWN",
          marketingUnsubscribeUrl: `https://example.com/unsubscribe/${customer.id}`,
          openTrackingUrl: `https://example.com/open/${customer.id}`,
          sourceLocation: null,
        }
      : null,
    defaultPhoneNumber: null,
    emailMarketingConsent: customer.email
      ? {
          marketingState: customer.emailMarketingState,
          marketingOptInLevel: customer.emailMarketingState === "SUBSCRIBED" ? "SINGLE_OPT_IN" : null,
          consentUpdatedAt: customer.updatedAt,
          sourceLocation: null,
        }
      : null,
    smsMarketingConsent: null,
    locale: customer.locale,
    tags: customer.tags,
    note: customer.note,
    state: customer.state,
    verifiedEmail: customer.verifiedEmail,
    validEmailAddress: customer.email !== null,
    taxExempt: false,
    taxExemptions: [],
    dataSaleOptOut: false,
    canDelete: () => stats().count === 0,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
    numberOfOrders: () => String(stats().count),
    amountSpent: () => money(stats().spent, currency),
    lastOrder: () => {
      const last = stats().lastOrder;
      return last ? orderView(last, ctx) : null;
    },
    lifetimeDuration: "",
    defaultAddress: customer.address ? addressView(customer.address) : null,
    addresses: () => (customer.address ? [addressView(customer.address)] : []),
    addressesV2: (args: ConnectionArgs, c: ResolverContext, info: GraphQLResolveInfo) =>
      resolveConnection(customer.address ? [customer.address] : [], args, c, info, byId, addressView),
    orders: (
      args: ConnectionArgs & { query?: string | null; sortKey?: string | null },
      c: ResolverContext,
      info: GraphQLResolveInfo,
    ) =>
      resolveConnection(
        filterBySearch(store.customerOrders(customer.id), args.query, orderSearch(store)),
        args,
        c,
        info,
        orderSortKey(args.sortKey ?? "ID", store),
        (o) => orderView(o, c),
      ),
    statistics: { predictedSpendTier: null, rfmGroup: null },
    image: { url: "https://example.com/avatar.png", altText: null, width: 64, height: 64, id: null },
  };
  Object.assign(
    self,
    metafieldFields(
      () => customer.metafields,
      "CUSTOMER",
      () => self,
    ),
  );
  return self;
}

function lineItemView(item: LineItemRecord, order: OrderRecord, ctx: ResolverContext): View {
  const currency = order.currencyCode;
  const total = (Number(item.price) * item.quantity).toFixed(2);
  return {
    __typename: "LineItem",
    id: toGid("LineItem", item.id),
    title: item.title,
    name: item.variantTitle ? `${item.title} - ${item.variantTitle}` : item.title,
    variantTitle: item.variantTitle,
    sku: item.sku,
    vendor: item.vendor,
    quantity: item.quantity,
    currentQuantity: order.cancelledAt ? 0 : item.quantity,
    unfulfilledQuantity: order.fulfillmentStatus === "FULFILLED" ? 0 : item.quantity,
    refundableQuantity: item.quantity,
    nonFulfillableQuantity: 0,
    isGiftCard: false,
    requiresShipping: true,
    taxable: true,
    merchantEditable: true,
    restockable: true,
    customAttributes: [],
    discountAllocations: [],
    duties: [],
    taxLines: () => [],
    originalUnitPriceSet: moneyBag(item.price, currency),
    discountedUnitPriceSet: moneyBag(item.price, currency),
    discountedUnitPriceAfterAllDiscountsSet: moneyBag(item.price, currency),
    originalTotalSet: moneyBag(total, currency),
    discountedTotalSet: () => moneyBag(total, currency),
    totalDiscountSet: moneyBag("0.00", currency),
    unfulfilledDiscountedTotalSet: moneyBag(total, currency),
    unfulfilledOriginalTotalSet: moneyBag(total, currency),
    priceAfterAllDiscountsBeforeTaxesSet: moneyBag(total, currency),
    product: () => {
      const product = item.productId === null ? undefined : ctx.store.getProduct(item.productId);
      return product ? productView(product, ctx.store.shop.currencyCode) : null;
    },
    variant: () => {
      if (item.variantId === null) return null;
      const product = ctx.store.productOfVariant(item.variantId);
      const variant = product?.variants.find((v) => v.id === item.variantId);
      return product && variant ? variantView(variant, product, ctx.store.shop.currencyCode) : null;
    },
  };
}

const FINANCIAL_DISPLAY: Record<OrderRecord["financialStatus"], string> = {
  PAID: "PAID",
  PARTIALLY_REFUNDED: "PARTIALLY_REFUNDED",
  PENDING: "PENDING",
  REFUNDED: "REFUNDED",
  VOIDED: "VOIDED",
};

export function orderView(order: OrderRecord, ctx: ResolverContext): View {
  const currency = order.currencyCode;
  const quantity = order.lineItems.reduce((sum, item) => sum + item.quantity, 0);
  const refunded = order.financialStatus === "REFUNDED" ? order.totalPrice : "0.00";
  const self: View = {
    __typename: "Order",
    id: toGid("Order", order.id),
    legacyResourceId: String(order.id),
    name: `#${order.number}`,
    number: order.number,
    email: order.email,
    phone: null,
    note: null,
    poNumber: null,
    test: false,
    confirmed: true,
    closed: order.closedAt !== null,
    closedAt: order.closedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelledAt ? "CUSTOMER" : null,
    createdAt: order.createdAt,
    processedAt: order.processedAt,
    updatedAt: order.updatedAt,
    currencyCode: currency,
    presentmentCurrencyCode: currency,
    customerLocale: order.customerLocale,
    sourceName: order.sourceName,
    tags: order.tags,
    discountCode: order.discountCodes[0] ?? null,
    discountCodes: order.discountCodes,
    displayFinancialStatus: FINANCIAL_DISPLAY[order.financialStatus],
    displayFulfillmentStatus: order.fulfillmentStatus,
    fullyPaid: order.financialStatus === "PAID",
    unpaid: order.financialStatus === "PENDING",
    taxesIncluded: false,
    taxExempt: false,
    edited: false,
    customerAcceptsMarketing: false,
    subtotalLineItemsQuantity: quantity,
    currentSubtotalLineItemsQuantity: order.cancelledAt ? 0 : quantity,
    subtotalPriceSet: moneyBag(order.subtotalPrice, currency),
    currentSubtotalPriceSet: moneyBag(order.subtotalPrice, currency),
    totalPriceSet: moneyBag(order.totalPrice, currency),
    currentTotalPriceSet: moneyBag(order.totalPrice, currency),
    originalTotalPriceSet: moneyBag(order.totalPrice, currency),
    totalDiscountsSet: moneyBag(order.totalDiscounts, currency),
    currentTotalDiscountsSet: moneyBag(order.totalDiscounts, currency),
    totalShippingPriceSet: moneyBag(order.totalShipping, currency),
    currentShippingPriceSet: moneyBag(order.totalShipping, currency),
    totalTaxSet: moneyBag(order.totalTax, currency),
    currentTotalTaxSet: moneyBag(order.totalTax, currency),
    totalRefundedSet: moneyBag(refunded, currency),
    totalReceivedSet: moneyBag(order.financialStatus === "PENDING" ? "0.00" : order.totalPrice, currency),
    netPaymentSet: moneyBag(order.totalPrice, currency),
    totalOutstandingSet: moneyBag(order.financialStatus === "PENDING" ? order.totalPrice : "0.00", currency),
    shippingAddress: order.shippingAddress ? addressView(order.shippingAddress) : null,
    billingAddress: order.shippingAddress ? addressView(order.shippingAddress) : null,
    displayAddress: order.shippingAddress ? addressView(order.shippingAddress) : null,
    customer: () => {
      const customer = order.customerId === null ? undefined : ctx.store.customers.get(order.customerId);
      return customer ? customerView(customer, ctx) : null;
    },
    lineItems: (args: ConnectionArgs, c: ResolverContext, info: GraphQLResolveInfo) =>
      resolveConnection(order.lineItems, args, c, info, byId, (item) => lineItemView(item, order, c)),
  };
  Object.assign(
    self,
    metafieldFields(
      () => order.metafields,
      "ORDER",
      () => self,
    ),
  );
  return self;
}

// ── shop and app ──────────────────────────────────────────────────────────────────────────────

export function shopView(shop: ShopRecord): View {
  const self: View = {
    __typename: "Shop",
    id: toGid("Shop", shop.id),
    name: shop.name,
    email: shop.email,
    contactEmail: shop.email,
    myshopifyDomain: shop.domain,
    url: `https://${shop.domain}`,
    primaryDomain: {
      __typename: "Domain",
      id: toGid("Domain", shop.id),
      host: shop.domain,
      url: `https://${shop.domain}`,
      sslEnabled: true,
    },
    currencyCode: shop.currencyCode,
    enabledPresentmentCurrencies: [shop.currencyCode],
    ianaTimezone: shop.ianaTimezone,
    timezoneAbbreviation: "CET",
    timezoneOffset: "+0100",
    timezoneOffsetMinutes: 60,
    weightUnit: "KILOGRAMS",
    unitSystem: "METRIC_SYSTEM",
    taxesIncluded: true,
    taxShipping: false,
    setupRequired: false,
    checkoutApiSupported: true,
    createdAt: shop.createdAt,
    updatedAt: shop.createdAt,
    description: null,
    shopOwnerName: "Emulated Owner",
    orderNumberFormatPrefix: "#",
    orderNumberFormatSuffix: "",
    plan: {
      displayName: shop.planName,
      publicDisplayName: shop.planName,
      partnerDevelopment: true,
      shopifyPlus: false,
    },
    shipsToCountries: ["FR", "DE", "ES", "IT", "BE", "NL", "PT", "US", "GB", "JP"],
    translations: () => [],
  };
  Object.assign(
    self,
    metafieldFields(
      () => shop.metafields,
      "SHOP",
      () => self,
    ),
  );
  return self;
}

export function webhookSubscriptionView(sub: WebhookSubscriptionRecord, apiVersion: string): View {
  return {
    __typename: "WebhookSubscription",
    id: toGid("WebhookSubscription", sub.id),
    legacyResourceId: String(sub.id),
    topic: sub.topic,
    uri: sub.uri,
    callbackUrl: sub.uri,
    endpoint: { __typename: "WebhookHttpEndpoint", callbackUrl: sub.uri },
    format: sub.format,
    filter: sub.filter,
    includeFields: sub.includeFields,
    metafieldNamespaces: sub.metafieldNamespaces,
    metafields: [],
    name: sub.name,
    apiVersion: { handle: apiVersion, displayName: apiVersion, supported: true },
    createdAt: sub.createdAt,
    updatedAt: sub.updatedAt,
  };
}

export function bulkOperationView(op: BulkOperationRecord, ctx: ResolverContext): View {
  return {
    __typename: "BulkOperation",
    id: toGid("BulkOperation", op.id),
    status: op.status,
    errorCode: op.errorCode,
    query: op.query,
    type: "QUERY",
    createdAt: op.createdAt,
    completedAt: op.completedAt,
    objectCount: String(op.objectCount),
    rootObjectCount: String(op.rootObjectCount),
    fileSize: op.fileSize === null ? null : String(op.fileSize),
    url:
      op.status === "COMPLETED" && op.objectCount > 0
        ? `${ctx.services.baseUrl()}/bulk-results/${op.id}.jsonl`
        : null,
    partialDataUrl: null,
  };
}

export function fileView(file: FileRecord): View {
  if (file.kind === "MediaImage") {
    return mediaView({
      id: file.id,
      alt: file.alt,
      url: file.url,
      width: 1024,
      height: 1024,
      mimeType: file.mimeType,
      createdAt: file.createdAt,
    });
  }
  return {
    __typename: "GenericFile",
    id: toGid("GenericFile", file.id),
    alt: file.alt,
    url: file.url,
    mimeType: file.mimeType,
    originalFileSize: file.fileSize,
    fileStatus: "READY",
    fileErrors: [],
    preview: null,
    createdAt: file.createdAt,
    updatedAt: file.updatedAt,
  };
}

export function usageRecordView(record: AppUsageRecordRecord, ctx: ResolverContext): View {
  return {
    __typename: "AppUsageRecord",
    id: toGid("AppUsageRecord", record.id),
    description: record.description,
    idempotencyKey: record.idempotencyKey,
    price: money(record.price.amount, record.price.currencyCode),
    createdAt: record.createdAt,
    subscriptionLineItem: () => {
      const sub = ctx.store.appSubscriptions.get(record.subscriptionId);
      const item = sub?.lineItems.find((li) => li.id === record.lineItemId);
      return sub && item ? lineItemOfSubscription(sub, item, ctx) : null;
    },
  };
}

function lineItemOfSubscription(
  sub: AppSubscriptionRecord,
  item: AppSubscriptionRecord["lineItems"][number],
  ctx: ResolverContext,
): View {
  const records = () => [...ctx.store.usageRecords.values()].filter((r) => r.lineItemId === item.id);
  const used = () => records().reduce((sum, r) => sum + Number(r.price.amount), 0);
  return {
    id: toGid("AppSubscriptionLineItem", `${item.id}?v=1&index=${sub.lineItems.indexOf(item)}`),
    plan: {
      pricingDetails:
        item.kind === "recurring"
          ? {
              __typename: "AppRecurringPricing",
              price: money(item.price.amount, item.price.currencyCode),
              interval: item.interval,
              discount: null,
              planHandle: null,
            }
          : {
              __typename: "AppUsagePricing",
              cappedAmount: money(item.price.amount, item.price.currencyCode),
              balanceUsed: () => money(used(), item.price.currencyCode),
              interval: "EVERY_30_DAYS",
              terms: item.terms ?? "",
            },
    },
    usageRecords: (args: ConnectionArgs, c: ResolverContext, info: GraphQLResolveInfo) =>
      resolveConnection(records(), args, c, info, byId, (r) => usageRecordView(r, c)),
  };
}

export function appSubscriptionView(sub: AppSubscriptionRecord, ctx: ResolverContext): View {
  return {
    __typename: "AppSubscription",
    id: toGid("AppSubscription", sub.id),
    name: sub.name,
    status: sub.status,
    test: sub.test,
    trialDays: sub.trialDays,
    returnUrl: sub.returnUrl,
    createdAt: sub.createdAt,
    currentPeriodEnd: sub.currentPeriodEnd,
    lineItems: sub.lineItems.map((item) => lineItemOfSubscription(sub, item, ctx)),
  };
}
