import { createAI, type AIConfig, type AIEngine } from "@ninjalead/core/ai";
import { creditCeiling, planOf, type PlanId } from "./plans.js";

/** The AI quota ledger's window: credits renew every 30 days. */
export const CREDIT_WINDOW_MS = 30 * 24 * 3_600_000;

/** The ledger's window index for a time, used as the billing period of usage charges. */
export function creditPeriod(now = Date.now()): string {
  return String(Math.floor(now / CREDIT_WINDOW_MS));
}

/**
 * One AI engine per plan, each with that plan's credit ceiling. The ledger keeps its counts in the
 * shared cache per shop, so engines of different plans see the same balances: changing plan
 * changes the ceiling, not what was spent.
 */
export function createPlanEngines(
  base: Omit<AIConfig, "quota">,
): (plan: string | null | undefined) => AIEngine {
  const engines = new Map<PlanId, AIEngine>();
  return (planId) => {
    const plan = planOf(planId);
    let engine = engines.get(plan.id);
    if (!engine) {
      engine = createAI({
        ...base,
        quota: { creditsPerShop: creditCeiling(plan), windowMs: CREDIT_WINDOW_MS },
      });
      engines.set(plan.id, engine);
    }
    return engine;
  };
}
