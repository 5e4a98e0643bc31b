import { randomBytes } from "node:crypto";
import { gidNumber, parseGid, toGid } from "../gid.js";
import { resolveNode } from "./query.js";
import { planBulkQuery } from "../bulk/plan.js";
import { API_VERSION, loadAdminSchema } from "../schema.js";
import type { AppSubscriptionLineItemRecord, FileRecord } from "../store/types.js";
import type { ResolverContext, View } from "./context.js";
import {
  appSubscriptionView,
  bulkOperationView,
  fileView,
  productTranslatableContent,
  translationView,
  usageRecordView,
  webhookSubscriptionView,
} from "./views.js";
import { guessMime } from "./product-input.js";

interface WebhookSubscriptionInput {
  uri?: string | null;
  callbackUrl?: string | null;
  format?: "JSON" | "XML" | null;
  filter?: string | null;
  includeFields?: string[] | null;
  metafieldNamespaces?: string[] | null;
  name?: string | null;
}

interface MoneyInput {
  amount: string | number;
  currencyCode: string;
}

interface LineItemInput {
  plan: {
    appRecurringPricingDetails?: { price: MoneyInput; interval?: "ANNUAL" | "EVERY_30_DAYS" | null } | null;
    appUsagePricingDetails?: { cappedAmount: MoneyInput; terms: string } | null;
  };
}

/** Only https endpoints, except on loopback where local test servers speak plain http. */
function uriProblem(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return "Address is invalid";
  }
  if (url.protocol === "https:") return null;
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol === "http:" && loopback) return null;
  if (url.protocol === "pubsub:" || url.protocol === "arn:") return null;
  return `Address protocol ${url.protocol}// is not supported`;
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const amountOf = (money: MoneyInput): number => Number(money.amount);

/** Adds or removes tags on a product, customer or order, announcing the change like an edit. */
function changeTags(
  args: { id: string; tags: string[] },
  ctx: ResolverContext,
  change: (current: string[]) => string[],
): View {
  const { store } = ctx;
  const gid = parseGid(args.id);
  const tags = args.tags.map((t) => t.trim()).filter(Boolean);
  if (tags.length === 0)
    return { node: null, userErrors: [{ field: ["tags"], message: "Tags can't be blank" }] };
  let found = false;
  if (gid?.type === "Product")
    found = store.updateProduct(gid.id, (p) => (p.tags = change(p.tags))) !== undefined;
  else if (gid?.type === "Customer")
    found = store.updateCustomer(gid.id, (c) => (c.tags = change(c.tags))) !== undefined;
  else if (gid?.type === "Order")
    found = store.updateOrder(gid.id, (o) => (o.tags = change(o.tags))) !== undefined;
  if (!found) return { node: null, userErrors: [{ field: ["id"], message: "Resource does not exist" }] };
  return { node: resolveNode(args.id, ctx), userErrors: [] };
}

export const otherMutations = {
  bulkOperationRunQuery: (
    args: { query: string; groupObjects?: boolean | null },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    for (const op of store.bulkOperations.values()) {
      if (op.status === "CREATED" || op.status === "RUNNING") {
        return {
          bulkOperation: null,
          userErrors: [
            {
              field: null,
              message: `A bulk query operation for this app and shop is already in progress: ${toGid("BulkOperation", op.id)}.`,
              code: "OPERATION_IN_PROGRESS",
            },
          ],
        };
      }
    }
    const plan = planBulkQuery(loadAdminSchema(), args.query);
    if ("error" in plan)
      return {
        bulkOperation: null,
        userErrors: [{ field: ["query"], message: plan.error, code: "INVALID" }],
      };
    const op = {
      id: store.nextId(),
      query: args.query,
      groupObjects: args.groupObjects ?? false,
      status: "CREATED" as const,
      errorCode: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      filePath: null,
      createdAt: store.now(),
      completedAt: null,
    };
    store.bulkOperations.set(op.id, op);
    ctx.services.startBulkQuery(op.id);
    return { bulkOperation: bulkOperationView(op, ctx), userErrors: [] };
  },

  bulkOperationCancel: (args: { id: string }, ctx: ResolverContext): View => {
    const id = gidNumber(args.id, "BulkOperation");
    const op = id === null ? undefined : ctx.store.bulkOperations.get(id);
    if (!op)
      return {
        bulkOperation: null,
        userErrors: [{ field: ["id"], message: "Bulk operation does not exist" }],
      };
    if (op.status !== "CREATED" && op.status !== "RUNNING") {
      return {
        bulkOperation: bulkOperationView(op, ctx),
        userErrors: [
          {
            field: null,
            message: `A bulk operation cannot be canceled when it is ${op.status.toLowerCase()}`,
          },
        ],
      };
    }
    op.status = "CANCELING";
    return { bulkOperation: bulkOperationView(op, ctx), userErrors: [] };
  },

  tagsAdd: (args: { id: string; tags: string[] }, ctx: ResolverContext): View =>
    changeTags(args, ctx, (current) => [
      ...new Set([...current, ...args.tags.map((t) => t.trim()).filter(Boolean)]),
    ]),

  tagsRemove: (args: { id: string; tags: string[] }, ctx: ResolverContext): View => {
    const removed = new Set(args.tags.map((t) => t.trim().toLowerCase()));
    return changeTags(args, ctx, (current) => current.filter((t) => !removed.has(t.toLowerCase())));
  },

  webhookSubscriptionCreate: (
    args: { topic: string; webhookSubscription: WebhookSubscriptionInput },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    const uri = args.webhookSubscription.uri ?? args.webhookSubscription.callbackUrl ?? "";
    const problem = uri ? uriProblem(uri) : "Address can't be blank";
    if (problem)
      return {
        webhookSubscription: null,
        userErrors: [{ field: ["webhookSubscription", "callbackUrl"], message: problem }],
      };
    for (const sub of store.webhookSubscriptions.values()) {
      if (
        sub.topic === args.topic &&
        sub.uri === uri &&
        sub.filter === (args.webhookSubscription.filter ?? null)
      ) {
        return {
          webhookSubscription: null,
          userErrors: [
            {
              field: ["webhookSubscription", "callbackUrl"],
              message: "Address for this topic has already been taken",
            },
          ],
        };
      }
    }
    const now = store.now();
    const sub = {
      id: store.nextId(),
      topic: args.topic,
      uri,
      format: args.webhookSubscription.format ?? "JSON",
      filter: args.webhookSubscription.filter ?? null,
      includeFields: args.webhookSubscription.includeFields ?? [],
      metafieldNamespaces: args.webhookSubscription.metafieldNamespaces ?? [],
      name: args.webhookSubscription.name ?? null,
      createdAt: now,
      updatedAt: now,
    };
    store.webhookSubscriptions.set(sub.id, sub);
    return { webhookSubscription: webhookSubscriptionView(sub, API_VERSION), userErrors: [] };
  },

  webhookSubscriptionDelete: (args: { id: string }, ctx: ResolverContext): View => {
    const id = gidNumber(args.id, "WebhookSubscription");
    if (id === null || !ctx.store.webhookSubscriptions.delete(id)) {
      return {
        deletedWebhookSubscriptionId: null,
        userErrors: [{ field: ["id"], message: "Webhook subscription does not exist" }],
      };
    }
    return { deletedWebhookSubscriptionId: args.id, userErrors: [] };
  },

  translationsRegister: (
    args: {
      resourceId: string;
      translations: {
        locale: string;
        key: string;
        value: string;
        translatableContentDigest: string;
        marketId?: string | null;
      }[];
    },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    const gid = parseGid(args.resourceId);
    const product = gid?.type === "Product" ? store.getProduct(gid.id) : undefined;
    if (!product)
      return {
        translations: null,
        userErrors: [
          {
            field: ["resourceId"],
            message: `Resource ${args.resourceId} does not exist`,
            code: "RESOURCE_NOT_FOUND",
          },
        ],
      };
    const content = new Map(
      productTranslatableContent(product, store.shop.primaryLocale).map((c) => [
        c.key as string,
        c.digest as string,
      ]),
    );
    const userErrors: View[] = [];
    for (const [index, t] of args.translations.entries()) {
      const path = ["translations", String(index)];
      if (!store.shop.locales.includes(t.locale))
        userErrors.push({
          field: [...path, "locale"],
          message: `Locale is not enabled for this shop: ${t.locale}`,
          code: "INVALID_LOCALE_FOR_SHOP",
        });
      const digest = content.get(t.key);
      if (digest === undefined)
        userErrors.push({
          field: [...path, "key"],
          message: `Key ${t.key} is not a valid translatable field`,
          code: "INVALID_KEY_FOR_MODEL",
        });
      else if (digest !== t.translatableContentDigest)
        userErrors.push({
          field: [...path, "translatableContentDigest"],
          message: "Translatable content hash is invalid",
          code: "INVALID_TRANSLATABLE_CONTENT",
        });
      if (t.value.trim() === "")
        userErrors.push({ field: [...path, "value"], message: "Value can't be blank", code: "BLANK" });
      if (t.marketId)
        userErrors.push({
          field: [...path, "marketId"],
          message: "Market-specific translations are not emulated",
          code: "MARKET_CUSTOM_CONTENT_NOT_ALLOWED",
        });
    }
    if (userErrors.length) return { translations: null, userErrors };
    const now = store.now();
    const saved = args.translations.map((t) => {
      const existing = product.translations.find((x) => x.locale === t.locale && x.key === t.key);
      const record = existing ?? {
        locale: t.locale,
        key: t.key,
        value: t.value,
        digest: t.translatableContentDigest,
        updatedAt: now,
      };
      record.value = t.value;
      record.digest = t.translatableContentDigest;
      record.updatedAt = now;
      if (!existing) product.translations.push(record);
      return translationView(record, content.get(t.key) ?? null);
    });
    return { translations: saved, userErrors: [] };
  },

  stagedUploadsCreate: (
    args: {
      input: {
        filename: string;
        mimeType: string;
        resource: string;
        fileSize?: string | number | null;
        httpMethod?: "POST" | "PUT" | null;
      }[];
    },
    ctx: ResolverContext,
  ): View => {
    const base = ctx.services.baseUrl();
    const userErrors: View[] = [];
    for (const [index, input] of args.input.entries()) {
      if (!input.filename.trim())
        userErrors.push({ field: ["input", String(index), "filename"], message: "Filename can't be blank" });
      if (
        (input.resource === "VIDEO" || input.resource === "MODEL_3D") &&
        (input.fileSize === undefined || input.fileSize === null)
      ) {
        userErrors.push({
          field: ["input", String(index), "fileSize"],
          message: "File size is required for this resource",
        });
      }
    }
    if (userErrors.length) return { stagedTargets: null, userErrors };
    const targets = args.input.map((input) => {
      const token = randomBytes(12).toString("hex");
      const resourceUrl = `${base}/staged-uploads/${token}/${encodeURIComponent(input.filename)}`;
      ctx.store.stagedUploads.set(resourceUrl, {
        resourceUrl,
        filename: input.filename,
        mimeType: input.mimeType,
        bytes: null,
      });
      const method = input.httpMethod ?? "PUT";
      return {
        url:
          method === "PUT" ? `${resourceUrl}?X-Goog-Signature=emulated` : `${base}/staged-uploads/${token}`,
        resourceUrl,
        parameters:
          method === "PUT"
            ? [
                { name: "content_type", value: input.mimeType },
                { name: "acl", value: "private" },
              ]
            : [
                { name: "Content-Type", value: input.mimeType },
                { name: "key", value: `tmp/${token}/${input.filename}` },
                { name: "policy", value: "emulated" },
              ],
      };
    });
    return { stagedTargets: targets, userErrors: [] };
  },

  fileCreate: (
    args: {
      files: {
        originalSource: string;
        alt?: string | null;
        contentType?: string | null;
        filename?: string | null;
      }[];
    },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    const userErrors: View[] = [];
    for (const [index, file] of args.files.entries()) {
      if (!isHttpUrl(file.originalSource))
        userErrors.push({
          field: ["files", String(index), "originalSource"],
          message: "Image URL is invalid",
          code: "INVALID_IMAGE_SOURCE_URL",
        });
      if (file.alt && file.alt.length > 512)
        userErrors.push({
          field: ["files", String(index), "alt"],
          message: "The alt value exceeds the maximum limit of 512 characters.",
          code: "ALT_VALUE_LIMIT_EXCEEDED",
        });
    }
    if (userErrors.length) return { files: null, userErrors };
    const now = store.now();
    const created = args.files.map((file) => {
      const staged = store.stagedUploads.get(file.originalSource);
      const mimeType = staged?.mimeType ?? guessMime(file.originalSource);
      const isImage = file.contentType ? file.contentType === "IMAGE" : mimeType.startsWith("image/");
      const record: FileRecord = {
        id: store.nextId(),
        kind: isImage ? "MediaImage" : "GenericFile",
        alt: file.alt ?? null,
        url: file.originalSource,
        mimeType,
        fileSize: staged?.bytes?.length ?? null,
        createdAt: now,
        updatedAt: now,
      };
      store.files.set(record.id, record);
      return fileView(record);
    });
    return { files: created, userErrors: [] };
  },

  appSubscriptionCreate: (
    args: {
      name: string;
      lineItems: LineItemInput[];
      returnUrl: string;
      test?: boolean | null;
      trialDays?: number | null;
      replacementBehavior?: string | null;
    },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    const fail = (field: string[], message: string): View => ({
      appSubscription: null,
      confirmationUrl: null,
      userErrors: [{ field, message }],
    });
    if (!args.name.trim()) return fail(["name"], "Name can't be blank");
    if (args.lineItems.length === 0) return fail(["lineItems"], "Line items can't be blank");
    const items: AppSubscriptionLineItemRecord[] = [];
    for (const [index, item] of args.lineItems.entries()) {
      const recurring = item.plan.appRecurringPricingDetails;
      const usage = item.plan.appUsagePricingDetails;
      if ((recurring ? 1 : 0) + (usage ? 1 : 0) !== 1)
        return fail(
          ["lineItems", String(index), "plan"],
          "Exactly one pricing detail must be given per line item",
        );
      const money = recurring ? recurring.price : (usage as NonNullable<typeof usage>).cappedAmount;
      if (!(amountOf(money) > 0) && !(recurring && amountOf(money) === 0))
        return fail(["lineItems", String(index), "plan"], "Price must be greater than zero");
      items.push({
        id: store.nextId(),
        kind: recurring ? "recurring" : "usage",
        price: { amount: amountOf(money).toFixed(2), currencyCode: money.currencyCode },
        interval: recurring?.interval ?? "EVERY_30_DAYS",
        terms: usage?.terms ?? null,
      });
    }
    if (
      items.filter((i) => i.kind === "recurring").length > 1 ||
      items.filter((i) => i.kind === "usage").length > 1
    ) {
      return fail(["lineItems"], "At most one recurring and one usage line item are allowed");
    }
    let url: URL;
    try {
      url = new URL(args.returnUrl);
    } catch {
      return fail(["returnUrl"], "Return url is invalid");
    }
    const subscription = {
      id: store.nextId(),
      name: args.name,
      status: "PENDING" as const,
      test: args.test ?? false,
      trialDays: args.trialDays ?? 0,
      returnUrl: url.toString(),
      lineItems: items,
      createdAt: store.now(),
      currentPeriodEnd: null,
    };
    store.appSubscriptions.set(subscription.id, subscription);
    return {
      appSubscription: appSubscriptionView(subscription, ctx),
      confirmationUrl: `${ctx.services.baseUrl()}/admin/charges/${subscription.id}/confirm`,
      userErrors: [],
    };
  },

  appSubscriptionCancel: (args: { id: string; prorate?: boolean | null }, ctx: ResolverContext): View => {
    const id = gidNumber(args.id, "AppSubscription");
    const sub = id === null ? undefined : ctx.store.appSubscriptions.get(id);
    if (!sub)
      return {
        appSubscription: null,
        userErrors: [{ field: ["id"], message: "Couldn't find RecurringApplicationCharge" }],
      };
    sub.status = "CANCELLED";
    ctx.store.emit({ topic: "app_subscriptions/update", subscription: sub });
    return { appSubscription: appSubscriptionView(sub, ctx), userErrors: [] };
  },

  appUsageRecordCreate: (
    args: {
      subscriptionLineItemId: string;
      price: MoneyInput;
      description: string;
      idempotencyKey?: string | null;
    },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    const fail = (field: string[], message: string): View => ({
      appUsageRecord: null,
      userErrors: [{ field, message }],
    });
    const lineItemId = gidNumber(args.subscriptionLineItemId, "AppSubscriptionLineItem");
    const sub = [...store.appSubscriptions.values()].find((s) =>
      s.lineItems.some((li) => li.id === lineItemId),
    );
    const item = sub?.lineItems.find((li) => li.id === lineItemId);
    if (!sub || !item || item.kind !== "usage")
      return fail(
        ["subscriptionLineItemId"],
        "Subscription line item does not exist or is not a usage line item",
      );
    if (sub.status !== "ACTIVE")
      return fail(["subscriptionLineItemId"], "The app subscription is not active");
    if (args.idempotencyKey) {
      const previous = [...store.usageRecords.values()].find(
        (r) => r.idempotencyKey === args.idempotencyKey && r.lineItemId === item.id,
      );
      if (previous) return { appUsageRecord: usageRecordView(previous, ctx), userErrors: [] };
    }
    const amount = amountOf(args.price);
    if (!(amount > 0)) return fail(["price"], "Price must be greater than zero");
    if (args.price.currencyCode !== item.price.currencyCode)
      return fail(["price"], "Currency must match the subscription's currency");
    const used = [...store.usageRecords.values()]
      .filter((r) => r.lineItemId === item.id)
      .reduce((sum, r) => sum + Number(r.price.amount), 0);
    if (used + amount > Number(item.price.amount) + 1e-9)
      return fail([], "Total price exceeds balance remaining");
    const record = {
      id: store.nextId(),
      lineItemId: item.id,
      subscriptionId: sub.id,
      description: args.description,
      idempotencyKey: args.idempotencyKey ?? null,
      price: { amount: amount.toFixed(2), currencyCode: args.price.currencyCode },
      createdAt: store.now(),
    };
    store.usageRecords.set(record.id, record);
    return { appUsageRecord: usageRecordView(record, ctx), userErrors: [] };
  },
};
