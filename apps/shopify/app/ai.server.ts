import { aiConfigFromEnv, type AIEngine } from "@ninjalead/core/ai";
import { createPlanEngines } from "./billing/ai.server.js";
import { services } from "./services.server.js";

// Held on globalThis like the other services (the custom server and the Remix build each load
// their own copy of this module).
const registry = globalThis as { __ninjaleadPlanEngines?: Promise<ReturnType<typeof createPlanEngines>> };

/**
 * The AI engine for a shop's work: OpenAI → xAI → offline from the environment (offline only
 * when no key is set: the demo), on the shared cache, metered against the shop's plan credits.
 * Pass `shopId: shop` to `run`/`map`/`image` so the call is charged to the shop.
 */
export async function aiForShop(shop: string): Promise<AIEngine> {
  registry.__ninjaleadPlanEngines ??= services().then(({ cache, logger }) =>
    createPlanEngines({ ...aiConfigFromEnv(process.env), cache, logger }),
  );
  const engines = await registry.__ninjaleadPlanEngines;
  const { db } = await services();
  const row = await db.prisma.shop.findUnique({ where: { domain: shop }, select: { plan: true } });
  return engines(row?.plan);
}
