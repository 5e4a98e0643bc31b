// The shop, the app's own objects (webhook subscriptions, bulk operations, files, billing).
import type { GraphQLResolveInfo } from "graphql";
import { toGid } from "../gid.js";
import type { ConnectionArgs } from "../graphql/connection.js";
import type {
  AppSubscriptionRecord,
  AppUsageRecordRecord,
  BulkOperationRecord,
  FileRecord,
  ShopRecord,
  WebhookSubscriptionRecord,
} from "../store/types.js";
import { byId, resolveConnection, type ResolverContext, type View } from "./context.js";
import { metafieldFields, money } from "./common-views.js";
import { mediaView } from "./product-views.js";

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
    const view = mediaView({
      id: file.id,
      alt: file.alt,
      url: file.url,
      width: 1024,
      height: 1024,
      mimeType: file.mimeType,
      createdAt: file.createdAt,
    });
    return { ...view, updatedAt: file.updatedAt };
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
