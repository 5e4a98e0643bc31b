import type { Prisma, PrismaClient } from "@prisma/client";
import type { AdminClient } from "../shopify/admin-client.server.js";
import {
  ACTIVE_SUBSCRIPTIONS,
  APP_SUBSCRIPTION_CREATE,
  APP_USAGE_RECORD_CREATE,
} from "../shopify/graphql/billing.js";
import { recordAudit, type Actor } from "../trust/audit.server.js";
import { PLANS, planOf, type Plan, type PlanId } from "./plans.js";

/** Usage is charged in blocks, so a busy shop does not become one Shopify usage record per call. */
export const USAGE_BLOCK_CREDITS = 50;

export class BillingError extends Error {
  override readonly name = "BillingError";
  constructor(
    message: string,
    readonly userErrors: { field: string[] | null; message: string }[] = [],
  ) {
    super(message);
  }
}

interface BillingSettings {
  subscriptionId?: string;
  usageLineItemId?: string;
  test?: boolean;
}

function billingOf(settings: Prisma.JsonValue): BillingSettings {
  const value = (settings as { billing?: BillingSettings } | null)?.billing;
  return value && typeof value === "object" ? value : {};
}

/**
 * Asks Shopify for a subscription to a paid plan (a recurring charge plus, where the plan has
 * overage, a capped usage charge). The merchant approves it at `confirmationUrl`; test charges
 * outside production.
 */
export async function startSubscription(
  admin: AdminClient,
  input: { plan: Exclude<PlanId, "free">; returnUrl: string; test: boolean },
): Promise<{ confirmationUrl: string; subscriptionId: string }> {
  const plan = PLANS[input.plan];
  const lineItems: Record<string, unknown>[] = [
    {
      plan: {
        appRecurringPricingDetails: {
          price: { amount: plan.monthlyPriceUsd, currencyCode: "USD" },
          interval: "EVERY_30_DAYS",
        },
      },
    },
  ];
  if (plan.overage) {
    lineItems.push({
      plan: {
        appUsagePricingDetails: {
          cappedAmount: { amount: plan.overage.capUsd, currencyCode: "USD" },
          terms: `$${plan.overage.usdPerCredit} per AI credit beyond ${plan.monthlyCredits} credits a month`,
        },
      },
    });
  }
  const data = await admin.request<{
    appSubscriptionCreate: {
      appSubscription: { id: string } | null;
      confirmationUrl: string | null;
      userErrors: { field: string[] | null; message: string }[];
    };
  }>(APP_SUBSCRIPTION_CREATE, { name: plan.name, lineItems, returnUrl: input.returnUrl, test: input.test });
  const result = data.appSubscriptionCreate;
  if (result.userErrors.length > 0 || !result.confirmationUrl || !result.appSubscription) {
    throw new BillingError(
      result.userErrors.map((e) => e.message).join("; ") || "Shopify refused the subscription",
      result.userErrors,
    );
  }
  return { confirmationUrl: result.confirmationUrl, subscriptionId: result.appSubscription.id };
}

interface ActiveSubscription {
  id: string;
  name: string;
  status: string;
  test: boolean;
  lineItems: { id: string; plan: { pricingDetails: { __typename: string } } }[];
}

/**
 * Reads the shop's active subscription from Shopify and records the plan it pays for (Free when
 * none). Shopify is the source of truth: this runs on return from approval and on the
 * app_subscriptions/update webhook. A change is written with its audit record in one transaction.
 */
export async function syncSubscription(
  admin: AdminClient,
  prisma: PrismaClient,
  shop: string,
  actor: Actor,
): Promise<Plan> {
  const data = await admin.request<{ currentAppInstallation: { activeSubscriptions: ActiveSubscription[] } }>(
    ACTIVE_SUBSCRIPTIONS,
  );
  const active = data.currentAppInstallation.activeSubscriptions.find((s) => s.status === "ACTIVE");
  const plan = Object.values(PLANS).find((p) => p.name === active?.name) ?? PLANS.free;
  const usageLine = active?.lineItems.find((l) => l.plan.pricingDetails.__typename === "AppUsagePricing");
  const billing: BillingSettings = active
    ? {
        subscriptionId: active.id,
        test: active.test,
        ...(usageLine ? { usageLineItemId: usageLine.id } : {}),
      }
    : {};
  await prisma.$transaction(async (tx) => {
    const current = await tx.shop.findUnique({ where: { domain: shop } });
    const settings: Record<string, unknown> = {
      ...((current?.settings as Record<string, unknown> | null) ?? {}),
      billing: { ...billing },
    };
    await tx.shop.upsert({
      where: { domain: shop },
      create: { domain: shop, plan: plan.id, settings: settings as Prisma.InputJsonObject },
      update: { plan: plan.id, settings: settings as Prisma.InputJsonObject },
    });
    if ((current?.plan ?? "free") !== plan.id) {
      await recordAudit(tx, {
        shop,
        actor,
        action: "plan.changed",
        summary: { before: current?.plan ?? "free", after: plan.id },
      });
    }
  });
  return plan;
}

/**
 * Charges, through Shopify usage records, every full block of credits the shop used beyond its
 * monthly credits in `period` and has not been charged yet. Idempotent: each block is a unique
 * row and carries a Shopify idempotency key, so a retried or concurrent run never charges twice.
 */
export async function billOverage(
  admin: AdminClient,
  prisma: PrismaClient,
  input: { shop: string; period: string; creditsCharged: number },
): Promise<{ charged: number; amountUsd: number }> {
  const row = await prisma.shop.findUnique({ where: { domain: input.shop } });
  const plan = planOf(row?.plan);
  const lineItemId = row ? billingOf(row.settings).usageLineItemId : undefined;
  if (!plan.overage || !lineItemId) return { charged: 0, amountUsd: 0 };
  const beyond = Math.max(0, input.creditsCharged - plan.monthlyCredits);
  const billable = Math.floor(beyond / USAGE_BLOCK_CREDITS) * USAGE_BLOCK_CREDITS;
  let charged = 0;
  let amountUsd = 0;
  for (let from = 0; from < billable; from += USAGE_BLOCK_CREDITS) {
    const exists = await prisma.usageCharge.findUnique({
      where: { shop_period_fromCredit: { shop: input.shop, period: input.period, fromCredit: from } },
    });
    if (exists?.shopifyRecordId) continue;
    const amount = Math.round(USAGE_BLOCK_CREDITS * plan.overage.usdPerCredit * 100) / 100;
    const data = await admin.request<{
      appUsageRecordCreate: {
        appUsageRecord: { id: string } | null;
        userErrors: { field: string[] | null; message: string }[];
      };
    }>(APP_USAGE_RECORD_CREATE, {
      lineItemId,
      price: { amount, currencyCode: "USD" },
      description: `${USAGE_BLOCK_CREDITS} AI credits beyond the ${plan.name} monthly credits`,
      idempotencyKey: `${input.shop}:${input.period}:${from}`,
    });
    const record = data.appUsageRecordCreate;
    if (!record.appUsageRecord)
      throw new BillingError(record.userErrors.map((e) => e.message).join("; "), record.userErrors);
    await prisma.usageCharge.upsert({
      where: { shop_period_fromCredit: { shop: input.shop, period: input.period, fromCredit: from } },
      create: {
        shop: input.shop,
        period: input.period,
        fromCredit: from,
        credits: USAGE_BLOCK_CREDITS,
        amountUsd: amount,
        shopifyRecordId: record.appUsageRecord.id,
      },
      update: { shopifyRecordId: record.appUsageRecord.id },
    });
    charged += USAGE_BLOCK_CREDITS;
    amountUsd += amount;
  }
  return { charged, amountUsd: Math.round(amountUsd * 100) / 100 };
}
