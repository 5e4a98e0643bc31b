/**
 * A consented storefront lead becomes (or updates) the shop's Shopify customer, subscribed to email
 * marketing with the consent time the shopper gave. Without consent nothing is written to the
 * store. A failure never loses the lead: it is recorded on the row (`syncError`, no personal data)
 * and retried by the server's ticker ({@link retryLeadSyncs}) until it goes through.
 */
import type { Lead, PrismaClient } from "@prisma/client";
import type { AdminClient } from "~/shopify/admin-client.server.js";
import {
  CUSTOMER_BY_EMAIL,
  CUSTOMER_CREATE,
  CUSTOMER_EMAIL_MARKETING_CONSENT_UPDATE,
} from "~/shopify/graphql/storefront.js";
import type { Sealer } from "./capture.server.js";

export interface LeadSyncDeps {
  prisma: PrismaClient;
  admin: (shop: string) => AdminClient;
  sealer: Pick<Sealer, "decrypt">;
  now?: () => Date;
}

export type LeadSyncOutcome =
  | { status: "synced"; customerId: string; created: boolean }
  /** No consent (nothing may be written), or already written since the last consent. */
  | { status: "skipped" }
  | { status: "failed"; error: string };

interface UserError {
  field?: string[] | null;
  message: string;
}

interface ExistingCustomer {
  id: string;
  emailMarketingConsent: { marketingState: string; consentUpdatedAt: string | null } | null;
}

class LeadSyncError extends Error {}

/** True when the lead carries a consent the store has not received yet. */
export function needsCustomerSync(lead: Pick<Lead, "consent" | "consentAt" | "syncedAt">): boolean {
  if (!lead.consent || !lead.consentAt) return false;
  return lead.syncedAt === null || lead.consentAt > lead.syncedAt;
}

async function findCustomer(admin: AdminClient, email: string): Promise<ExistingCustomer | null> {
  const data = await admin.request<{ customers: { nodes: ExistingCustomer[] } }>(CUSTOMER_BY_EMAIL, {
    query: `email:"${email}"`,
  });
  return data.customers.nodes[0] ?? null;
}

function failIf(operation: string, userErrors: readonly UserError[] | undefined): void {
  if (userErrors && userErrors.length > 0) {
    throw new LeadSyncError(
      `${operation}: ${userErrors.map((e) => `${e.field?.join(".") ?? ""} ${e.message}`.trim()).join("; ")}`,
    );
  }
}

/** Writes one lead to the store; the outcome is also recorded on the Lead row. */
export async function syncLeadToCustomer(deps: LeadSyncDeps, lead: Lead): Promise<LeadSyncOutcome> {
  if (!needsCustomerSync(lead) || !lead.consentAt) return { status: "skipped" };
  const consent = {
    marketingState: "SUBSCRIBED",
    marketingOptInLevel: "SINGLE_OPT_IN",
    consentUpdatedAt: lead.consentAt.toISOString(),
  };
  try {
    const email = deps.sealer.decrypt(lead.email);
    const admin = deps.admin(lead.shop);
    let customer = await findCustomer(admin, email);
    let created = false;
    if (!customer) {
      const data = await admin.request<{
        customerCreate: { customer: { id: string } | null; userErrors: UserError[] } | null;
      }>(CUSTOMER_CREATE, {
        input: {
          email,
          ...(lead.locale ? { locale: lead.locale } : {}),
          emailMarketingConsent: consent,
        },
      });
      const taken = data.customerCreate?.userErrors.some(
        (e) => e.field?.includes("email") && /taken/i.test(e.message),
      );
      if (taken) {
        // Shopify's customer search trails writes: the customer exists, update it instead.
        customer = await findCustomer(admin, email);
        if (!customer) throw new LeadSyncError("customerCreate: email taken but customer not found yet");
      } else {
        failIf("customerCreate", data.customerCreate?.userErrors);
        const id = data.customerCreate?.customer?.id;
        if (!id) throw new LeadSyncError("customerCreate returned no customer");
        customer = { id, emailMarketingConsent: null };
        created = true;
      }
    }
    if (!created && customer.emailMarketingConsent?.marketingState !== "SUBSCRIBED") {
      const data = await admin.request<{
        customerEmailMarketingConsentUpdate: { userErrors: UserError[] } | null;
      }>(CUSTOMER_EMAIL_MARKETING_CONSENT_UPDATE, {
        input: { customerId: customer.id, emailMarketingConsent: consent },
      });
      failIf("customerEmailMarketingConsentUpdate", data.customerEmailMarketingConsentUpdate?.userErrors);
    }
    await deps.prisma.lead.update({
      where: { id: lead.id },
      data: { customerId: customer.id, syncedAt: deps.now?.() ?? new Date(), syncError: null },
    });
    return { status: "synced", customerId: customer.id, created };
  } catch (error) {
    // Shopify's messages and our own name fields, never the email itself.
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    await deps.prisma.lead.update({ where: { id: lead.id }, data: { syncError: message } });
    return { status: "failed", error: message };
  }
}

/** Leads of installed shops whose consent has not reached the store, oldest first. */
export async function retryLeadSyncs(
  deps: LeadSyncDeps,
  options: { limit?: number; minAgeMs?: number } = {},
): Promise<{ attempted: number; synced: number; failed: number }> {
  const now = deps.now?.() ?? new Date();
  // A lead just captured is synced by the request itself; retries wait a little behind it.
  const cutoff = new Date(now.getTime() - (options.minAgeMs ?? 60_000));
  const rows = await deps.prisma.$queryRaw<{ id: string }[]>`
    SELECT l.id FROM "Lead" l JOIN "Shop" s ON s.domain = l.shop AND s."uninstalledAt" IS NULL
     WHERE l.consent AND l."consentAt" IS NOT NULL
       AND (l."syncedAt" IS NULL OR l."consentAt" > l."syncedAt")
       AND l."updatedAt" < ${cutoff}
     ORDER BY l."updatedAt" ASC
     LIMIT ${options.limit ?? 50}`;
  let synced = 0;
  let failed = 0;
  for (const { id } of rows) {
    const lead = await deps.prisma.lead.findUnique({ where: { id } });
    if (!lead) continue;
    const outcome = await syncLeadToCustomer(deps, lead);
    if (outcome.status === "synced") synced++;
    if (outcome.status === "failed") failed++;
  }
  return { attempted: rows.length, synced, failed };
}
