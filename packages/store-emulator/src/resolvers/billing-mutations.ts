// App billing: appSubscriptionCreate (confirmed through the emulator), appSubscriptionCancel, appUsageRecordCreate.
import { gidNumber } from "../gid.js";
import type { AppSubscriptionLineItemRecord } from "../store/types.js";
import type { ResolverContext, View } from "./context.js";
import { appSubscriptionView, usageRecordView } from "./views.js";

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

const amountOf = (money: MoneyInput): number => Number(money.amount);

export const billingMutations = {
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
