/**
 * NinjaLead's plans. Credits pay for AI work (1 per text generation, 4 per image); paid plans
 * may go beyond their monthly credits, billed per credit through Shopify up to a capped amount.
 * Plain data: the UI, the API gates and the billing code all read this one table.
 */
export const PLAN_IDS = ["free", "pro", "business"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export interface Plan {
  id: PlanId;
  /** Shown in Shopify's approval screen and invoices. */
  name: string;
  monthlyPriceUsd: number;
  monthlyCredits: number;
  /** Usage billing beyond the monthly credits; absent on Free (work stops at the limit). */
  overage?: { usdPerCredit: number; capUsd: number };
  /** Writes through the public API (imports, audits) are a paid feature. */
  apiWrite: boolean;
}

export const PLANS: Readonly<Record<PlanId, Plan>> = {
  free: { id: "free", name: "NinjaLead Free", monthlyPriceUsd: 0, monthlyCredits: 100, apiWrite: false },
  pro: {
    id: "pro",
    name: "NinjaLead Pro",
    monthlyPriceUsd: 19,
    monthlyCredits: 2_000,
    overage: { usdPerCredit: 0.01, capUsd: 50 },
    apiWrite: true,
  },
  business: {
    id: "business",
    name: "NinjaLead Business",
    monthlyPriceUsd: 79,
    monthlyCredits: 10_000,
    overage: { usdPerCredit: 0.008, capUsd: 200 },
    apiWrite: true,
  },
};

export function planOf(id: string | null | undefined): Plan {
  return PLANS[(PLAN_IDS as readonly string[]).includes(id ?? "") ? (id as PlanId) : "free"];
}

/**
 * The most credits a shop may spend in a month: its monthly credits plus what the capped usage
 * charge can pay for. The AI quota ledger enforces this, so usage billing never hits the cap.
 */
export function creditCeiling(plan: Plan): number {
  if (!plan.overage) return plan.monthlyCredits;
  return plan.monthlyCredits + Math.floor(plan.overage.capUsd / plan.overage.usdPerCredit + 1e-9);
}
