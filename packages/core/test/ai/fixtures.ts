import { z } from "zod";
import { startOpenAIEmulator, type Emulator, type EmulatorOptions } from "@ninjalead/openai-emulator";
import { createAI, defineTask, offlineText, type AIConfig, type AIEngine } from "../../src/ai/index.js";

export interface Product {
  title: string;
  body: string;
  keyword: string;
}

/** A product-copy task like the ones capabilities define: schema, limits, offline generator. */
export const productCopy = defineTask({
  name: "test.product-copy",
  schema: z.object({
    title: z.string().min(3).max(70),
    description: z.string().min(20).max(400),
    tags: z.array(z.string().min(1).max(30)).min(1).max(5),
  }),
  promptTokenBudget: 600,
  prompt: (p: Product, ctx) => ({
    system: `You write product copy for a Shopify store in the language "${ctx.language}". Answer in JSON.`,
    user: `${p.keyword} ${p.title}\n${offlineText.truncate(p.body, 1_500)}`,
    maxOutputTokens: 300,
  }),
  offline: (p, ctx) => ({
    title: offlineText.truncate(p.title, 70),
    description: offlineText.truncate(
      `${offlineText.phrase(ctx.language, "intro", { title: p.title, summary: offlineText.summarize(p.body, 200) })} ${offlineText.phrase(ctx.language, "cta")}`,
      400,
    ),
    tags: [offlineText.truncate(p.keyword, 30)],
  }),
  check: (out, p) =>
    `${out.title} ${out.description}`.toLowerCase().includes(p.keyword.toLowerCase())
      ? []
      : [`title or description must contain the keyword "${p.keyword}"`],
});

export const PRODUCTS: Product[] = [
  {
    title: "Linen summer shirt",
    body: "A breathable shirt in washed linen. Light, soft and cool on hot days.",
    keyword: "linen",
  },
  {
    title: "Merino beanie",
    body: "Warm merino wool beanie for winter walks. Itch-free and machine washable.",
    keyword: "merino",
  },
  {
    title: "Ceramic pour-over",
    body: "Hand-glazed ceramic coffee dripper. Brews a clean, bright cup.",
    keyword: "ceramic",
  },
];

export function product(i: number): Product {
  const base = PRODUCTS[i % PRODUCTS.length] ?? {
    title: "Item",
    body: "A fine item for everyday use.",
    keyword: "item",
  };
  return { ...base, title: `${base.title} v${i}` };
}

export interface Servers {
  openai: Emulator;
  xai: Emulator;
  close(): Promise<void>;
}

export async function startServers(
  options: { openai?: EmulatorOptions; xai?: EmulatorOptions } = {},
): Promise<Servers> {
  const openai = await startOpenAIEmulator({ apiKey: "sk-test-openai", ...options.openai });
  const xai = await startOpenAIEmulator({ flavor: "xai", apiKey: "xai-test", ...options.xai });
  return {
    openai,
    xai,
    close: async () => {
      await Promise.all([openai.close(), xai.close()]);
    },
  };
}

/** An engine on both emulators with retries fast enough for tests. */
export function engineFor(servers: Partial<Pick<Servers, "openai" | "xai">>, extra: AIConfig = {}): AIEngine {
  return createAI({
    ...(servers.openai ? { openai: { apiKey: "sk-test-openai", baseURL: servers.openai.baseURL } } : {}),
    ...(servers.xai ? { xai: { apiKey: "xai-test", baseURL: servers.xai.baseURL } } : {}),
    ...extra,
    retry: { baseDelayMs: 5, maxDelayMs: 20, ...extra.retry },
  });
}

export function chatRequests(server: Emulator): number {
  return server.stats().byPath["POST /v1/chat/completions"] ?? 0;
}
