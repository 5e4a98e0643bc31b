import { aiConfigFromEnv, createAI, type AIEngine } from "@ninjalead/core/ai";
import { services } from "~/services.server.js";

// One engine per process (held on globalThis like the other services: the custom server and the
// Remix build load their own copies of this module). No provider keys → the offline generator.
const registry = globalThis as { __ninjaleadAdminAi?: Promise<AIEngine> };

/**
 * The admin pages' AI engine: OpenAI/xAI when OPENAI_API_KEY / XAI_API_KEY are set (core reads and
 * validates them), else offline suggestions built from the product's own data (the demo).
 */
export function adminAI(): Promise<AIEngine> {
  registry.__ninjaleadAdminAi ??= services().then(({ cache, logger }) =>
    createAI({ ...aiConfigFromEnv(process.env), cache, logger }),
  );
  return registry.__ninjaleadAdminAi;
}
