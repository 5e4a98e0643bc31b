import type { GraphQLResolveInfo } from "graphql";
import { parseGid } from "../gid.js";
import type { ConnectionArgs } from "../graphql/connection.js";
import { codedError } from "../graphql/errors.js";
import { filterBySearch } from "../graphql/search-query.js";
import { API_VERSION } from "../schema.js";
import { byId, resolveConnection, type ResolverContext, type View } from "./context.js";
import { metafieldDefinitionQueries } from "./metafield-definitions.js";
import { customerSearch, orderSearch, productSearch } from "./search-schemas.js";
import { customerSortKey, orderSortKey, productSortKey } from "./sort-keys.js";
import {
  appSubscriptionView,
  bulkOperationView,
  customerView,
  fileView,
  mediaView,
  metafieldFields,
  metafieldView,
  orderView,
  productTranslatableContent,
  productView,
  shopView,
  translationView,
  usageRecordView,
  variantView,
  webhookSubscriptionView,
} from "./views.js";

type SearchArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null };

/** Resolves any supported GID to its view, or null (as Shopify's `node`). */
export function resolveNode(id: string, ctx: ResolverContext): View | null {
  const gid = parseGid(id);
  if (!gid) throw codedError(`Invalid global id '${id}'`, "argumentLiteralsIncompatible");
  const { store } = ctx;
  const currency = store.shop.currencyCode;
  switch (gid.type) {
    case "Product": {
      const product = store.getProduct(gid.id);
      return product ? productView(product, currency) : null;
    }
    case "ProductVariant": {
      const product = store.productOfVariant(gid.id);
      const variant = product?.variants.find((v) => v.id === gid.id);
      return product && variant ? variantView(variant, product, currency) : null;
    }
    case "MediaImage": {
      for (const product of store.products.values()) {
        const media = product.media.find((m) => m.id === gid.id);
        if (media) return mediaView(media);
      }
      const file = store.files.get(gid.id);
      return file ? fileView(file) : null;
    }
    case "GenericFile": {
      const file = store.files.get(gid.id);
      return file ? fileView(file) : null;
    }
    case "Metafield": {
      for (const product of store.products.values()) {
        const metafield = product.metafields.find((m) => m.id === gid.id);
        if (metafield) return metafieldView(metafield, "PRODUCT", () => productView(product, currency));
      }
      return null;
    }
    case "Customer": {
      const customer = store.customers.get(gid.id);
      return customer ? customerView(customer, ctx) : null;
    }
    case "Order": {
      const order = store.orders.get(gid.id);
      return order ? orderView(order, ctx) : null;
    }
    case "BulkOperation": {
      const op = store.bulkOperations.get(gid.id);
      return op ? bulkOperationView(op, ctx) : null;
    }
    case "WebhookSubscription": {
      const sub = store.webhookSubscriptions.get(gid.id);
      return sub ? webhookSubscriptionView(sub, API_VERSION) : null;
    }
    case "AppSubscription": {
      const sub = store.appSubscriptions.get(gid.id);
      return sub ? appSubscriptionView(sub, ctx) : null;
    }
    case "AppUsageRecord": {
      const record = store.usageRecords.get(gid.id);
      return record ? usageRecordView(record, ctx) : null;
    }
    case "Shop":
      return gid.id === store.shop.id ? shopView(store.shop) : null;
    default:
      return null;
  }
}

/** Counts cap at `limit` (10,000 by default, none when null), as Shopify's `*Count` fields. */
function countView(n: number, limit: number | null | undefined): View {
  const cap = limit === undefined ? 10_000 : limit === null ? Number.POSITIVE_INFINITY : limit;
  return n > cap ? { count: cap, precision: "AT_LEAST" } : { count: n, precision: "EXACT" };
}

/** The emulated Query root fields. Anything else on QueryRoot answers NOT_EMULATED. */
export const queryRoot: Record<
  string,
  (args: never, ctx: ResolverContext, info: GraphQLResolveInfo) => unknown
> = {
  shop: (_args: Record<string, never>, ctx: ResolverContext) => shopView(ctx.store.shop),

  node: (args: { id: string }, ctx: ResolverContext) => resolveNode(args.id, ctx),
  nodes: (args: { ids: string[] }, ctx: ResolverContext) => args.ids.map((id) => resolveNode(id, ctx)),

  product: (args: { id: string }, ctx: ResolverContext) => {
    const view = resolveNode(args.id, ctx);
    return view?.__typename === "Product" ? view : null;
  },
  productByIdentifier: (
    args: { identifier: { id?: string | null; handle?: string | null } },
    ctx: ResolverContext,
  ) => {
    if (args.identifier.id) {
      const view = resolveNode(args.identifier.id, ctx);
      return view?.__typename === "Product" ? view : null;
    }
    const product = args.identifier.handle ? ctx.store.productByHandle(args.identifier.handle) : undefined;
    return product ? productView(product, ctx.store.shop.currencyCode) : null;
  },
  productByHandle: (args: { handle: string }, ctx: ResolverContext) => {
    const product = ctx.store.productByHandle(args.handle);
    return product ? productView(product, ctx.store.shop.currencyCode) : null;
  },
  productVariant: (args: { id: string }, ctx: ResolverContext) => {
    const view = resolveNode(args.id, ctx);
    return view?.__typename === "ProductVariant" ? view : null;
  },
  products: (args: SearchArgs, ctx: ResolverContext, info: GraphQLResolveInfo) => {
    const items = filterBySearch(ctx.store.products.values(), args.query, productSearch);
    const currency = ctx.store.shop.currencyCode;
    return resolveConnection(items, args, ctx, info, productSortKey(args.sortKey ?? "ID"), (p) =>
      productView(p, currency),
    );
  },
  productsCount: (args: { query?: string | null; limit?: number | null }, ctx: ResolverContext) =>
    countView(filterBySearch(ctx.store.products.values(), args.query, productSearch).length, args.limit),

  customer: (args: { id: string }, ctx: ResolverContext) => {
    const view = resolveNode(args.id, ctx);
    return view?.__typename === "Customer" ? view : null;
  },
  customers: (args: SearchArgs, ctx: ResolverContext, info: GraphQLResolveInfo) => {
    const items = filterBySearch(ctx.store.customers.values(), args.query, customerSearch(ctx.store));
    return resolveConnection(items, args, ctx, info, customerSortKey(args.sortKey ?? "ID"), (c) =>
      customerView(c, ctx),
    );
  },
  customersCount: (args: { query?: string | null; limit?: number | null }, ctx: ResolverContext) =>
    countView(
      filterBySearch(ctx.store.customers.values(), args.query, customerSearch(ctx.store)).length,
      args.limit,
    ),

  order: (args: { id: string }, ctx: ResolverContext) => {
    const view = resolveNode(args.id, ctx);
    return view?.__typename === "Order" ? view : null;
  },
  orders: (args: SearchArgs, ctx: ResolverContext, info: GraphQLResolveInfo) => {
    const items = filterBySearch(ctx.store.orders.values(), args.query, orderSearch(ctx.store));
    return resolveConnection(items, args, ctx, info, orderSortKey(args.sortKey ?? "ID", ctx.store), (o) =>
      orderView(o, ctx),
    );
  },
  ordersCount: (args: { query?: string | null; limit?: number | null }, ctx: ResolverContext) =>
    countView(
      filterBySearch(ctx.store.orders.values(), args.query, orderSearch(ctx.store)).length,
      args.limit,
    ),

  currentBulkOperation: (args: { type?: string | null }, ctx: ResolverContext) => {
    if (args.type === "MUTATION") return null;
    let latest: View | null = null;
    let latestId = -1;
    for (const op of ctx.store.bulkOperations.values()) {
      if (op.id > latestId) {
        latestId = op.id;
        latest = bulkOperationView(op, ctx);
      }
    }
    return latest;
  },
  bulkOperation: (args: { id: string }, ctx: ResolverContext) => {
    const view = resolveNode(args.id, ctx);
    return view?.__typename === "BulkOperation" ? view : null;
  },

  webhookSubscriptions: (
    args: ConnectionArgs & { topics?: string[] | null; uri?: string | null; callbackUrl?: string | null },
    ctx: ResolverContext,
    info: GraphQLResolveInfo,
  ) => {
    let items = [...ctx.store.webhookSubscriptions.values()];
    if (args.topics) {
      const topics = new Set(args.topics);
      items = items.filter((s) => topics.has(s.topic));
    }
    const uri = args.uri ?? args.callbackUrl;
    if (uri) items = items.filter((s) => s.uri === uri);
    return resolveConnection(items, args, ctx, info, byId, (s) => webhookSubscriptionView(s, API_VERSION));
  },
  webhookSubscription: (args: { id: string }, ctx: ResolverContext) => {
    const view = resolveNode(args.id, ctx);
    return view?.__typename === "WebhookSubscription" ? view : null;
  },
  webhookSubscriptionsCount: (_args: Record<string, never>, ctx: ResolverContext) =>
    countView(ctx.store.webhookSubscriptions.size, null),

  translatableResource: (args: { resourceId: string }, ctx: ResolverContext) => {
    const gid = parseGid(args.resourceId);
    const product = gid?.type === "Product" ? ctx.store.getProduct(gid.id) : undefined;
    if (!product) return null;
    const primary = ctx.store.shop.primaryLocale;
    return {
      resourceId: args.resourceId,
      translatableContent: () => productTranslatableContent(product, primary),
      translations: (a: { locale: string; outdated?: boolean | null }) => {
        const current = new Map(
          productTranslatableContent(product, primary).map((c) => [c.key, c.digest as string]),
        );
        return product.translations
          .filter((t) => t.locale === a.locale)
          .map((t) => translationView(t, current.get(t.key) ?? null))
          .filter((t) => a.outdated === undefined || a.outdated === null || t.outdated === a.outdated);
      },
    };
  },

  files: (args: ConnectionArgs, ctx: ResolverContext, info: GraphQLResolveInfo) =>
    resolveConnection([...ctx.store.files.values()], args, ctx, info, byId, fileView),

  currentAppInstallation: (_args: Record<string, never>, ctx: ResolverContext) => appInstallationView(ctx),

  // Called through (not spread): metafield-definitions imports this module back.
  metafieldDefinitions: (
    args: Parameters<typeof metafieldDefinitionQueries.metafieldDefinitions>[0],
    ctx: ResolverContext,
    info: GraphQLResolveInfo,
  ) => metafieldDefinitionQueries.metafieldDefinitions(args, ctx, info),
  metafieldDefinition: (
    args: Parameters<typeof metafieldDefinitionQueries.metafieldDefinition>[0],
    ctx: ResolverContext,
  ) => metafieldDefinitionQueries.metafieldDefinition(args, ctx),
};

export function appInstallationView(ctx: ResolverContext): View {
  const { app, baseUrl } = ctx.services;
  const subscriptions = () => [...ctx.store.appSubscriptions.values()];
  const appView: View = {
    __typename: "App",
    id: `gid://shopify/App/${app.id}`,
    title: app.title,
    handle: app.handle,
    apiKey: app.apiKey,
    embedded: true,
    developerName: "NinjaLead",
    installation: () => appInstallationView(ctx),
  };
  return {
    __typename: "AppInstallation",
    id: `gid://shopify/AppInstallation/${app.id}`,
    app: appView,
    launchUrl: `${baseUrl()}/admin/apps/${app.handle}`,
    uninstallUrl: null,
    accessScopes: app.scopes.map((handle) => ({ handle, description: handle })),
    activeSubscriptions: () =>
      subscriptions()
        .filter((s) => s.status === "ACTIVE")
        .map((s) => appSubscriptionView(s, ctx)),
    allSubscriptions: (args: ConnectionArgs, c: ResolverContext, info: GraphQLResolveInfo) =>
      resolveConnection(subscriptions(), args, c, info, byId, (s) => appSubscriptionView(s, c)),
    ...metafieldFields(
      () => ctx.store.appMetafields,
      "API_PERMISSION",
      () => appInstallationView(ctx),
    ),
  };
}
