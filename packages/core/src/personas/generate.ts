/**
 * Buyer personas from segment statistics and a catalog summary, through the AI engine (offline
 * when no provider is configured), each with an avatar; and their translation on demand.
 */
import { z } from "zod";
import { createOfflineAvatarSvg, defineTask, type AIEngine, type ProviderName } from "../ai/index.js";
import { ValidationError } from "../errors/index.js";
import { LANGUAGE_NAMES, type Language } from "../i18n/index.js";
import type { Channel } from "../campaigns/channels.js";
import type { Segment } from "../segments/rules.js";
import type { SegmentStatistics } from "../segments/stats.js";
import type { CatalogSummary } from "./catalog.js";
import {
  MAX_PROMPT_PRODUCTS,
  offlinePersona,
  personaOutputSchema,
  personaTask,
  type PersonaTaskInput,
  type PersonaTaskOutput,
} from "./task.js";

export interface Persona {
  /** Stable within a set: "persona-1"… */
  id: string;
  name: string;
  summary: string;
  demographics: { ageRange: [number, number]; locations: string[] };
  goals: string[];
  pains: string[];
  objections: string[];
  buyingTriggers: string[];
  preferredChannels: Channel[];
  toneOfVoice: string;
  /** Real product ids from the input catalog/statistics, never invented. */
  favouriteProductIds: string[];
  /** The segment the persona is grounded in. */
  segment: Segment;
  avatar: { key: string; contentType: string; provider: ProviderName } | null;
}

export interface PersonaSet {
  language: Language;
  personas: Persona[];
  generatedBy: ProviderName;
  model: string;
}

export interface PersonaRequest {
  shopName: string;
  currency: string;
  /** From `analyzeCustomers(...).statistics`. */
  statistics: readonly SegmentStatistics[];
  catalog: CatalogSummary;
}

/**
 * The bounded prompt input: non-empty segments by share of revenue, and at most 20 products
 * (each segment's top products first, then the catalog's featured ones), numbered.
 *
 * @example
 * const input = preparePersonaInput({ shopName: "Maison Thé", currency: "EUR", statistics, catalog });
 */
export function preparePersonaInput(request: PersonaRequest): PersonaTaskInput {
  const segments = request.statistics
    .filter((s) => s.customers > 0)
    .sort((a, b) => b.shareOfRevenue - a.shareOfRevenue || b.customers - a.customers);
  if (segments.length === 0)
    throw new ValidationError("Personas need at least one customer with an order", [
      { path: "statistics", message: "every segment is empty" },
    ]);
  const products: PersonaTaskInput["products"] = [];
  const indexOf = new Map<string, number>();
  const add = (p: {
    id: string;
    title: string | null;
    category?: string | null;
    price?: number | null;
  }): void => {
    if (indexOf.has(p.id) || products.length >= MAX_PROMPT_PRODUCTS) return;
    const known = request.catalog.featured.find((f) => f.id === p.id);
    products.push({
      id: p.id,
      title: p.title ?? known?.title ?? p.id,
      category: p.category ?? known?.category ?? null,
      price: p.price ?? known?.price ?? null,
    });
    indexOf.set(p.id, products.length);
  };
  // Round-robin over segments so each gets its favourites in before the list is full.
  for (let rank = 0; rank < 3; rank++)
    for (const s of segments) {
      const top = s.topProducts[rank];
      if (top) add(top);
    }
  for (const f of request.catalog.featured) add(f);
  return {
    shop: request.shopName,
    currency: request.currency,
    productCount: request.catalog.productCount,
    priceRange: request.catalog.priceRange,
    categories: request.catalog.categories.slice(0, 8).map((c) => ({ name: c.name, share: c.share })),
    products,
    segments: segments.map((s) => ({
      segment: s.segment,
      customers: s.customers,
      shareOfCustomers: s.shareOfCustomers,
      shareOfRevenue: s.shareOfRevenue,
      averageOrderValue: s.averageOrderValue,
      averageOrders: s.averageOrders,
      averageRecencyDays: s.averageRecencyDays,
      averageClv: s.averageClv,
      products: s.topProducts
        .slice(0, 3)
        .map((p) => indexOf.get(p.id))
        .filter((i): i is number => i !== undefined),
      categories: s.topCategories.slice(0, 2).map((c) => c.name),
      countries: s.countries.slice(0, 3).map((c) => c.key),
      languages: s.languages.slice(0, 2).map((l) => l.key),
      emailSubscribers: s.emailSubscribers,
      smsSubscribers: s.smsSubscribers,
    })),
  };
}

function toPersonas(output: PersonaTaskOutput, input: PersonaTaskInput): Omit<Persona, "avatar">[] {
  return output.personas.map((p, i) => ({
    id: `persona-${i + 1}`,
    name: p.name,
    summary: p.summary,
    demographics: { ageRange: [p.ageMin, p.ageMax], locations: p.locations },
    goals: p.goals,
    pains: p.pains,
    objections: p.objections,
    buyingTriggers: p.buyingTriggers,
    preferredChannels: [...new Set(p.preferredChannels)],
    toneOfVoice: p.toneOfVoice,
    favouriteProductIds: [...new Set(p.favouriteProducts)]
      .map((n) => input.products[n - 1]?.id)
      .filter((id): id is string => id !== undefined),
    segment: input.segments[p.segment - 1]?.segment ?? input.segments[0]?.segment ?? "loyal",
  }));
}

/**
 * Generates 3–6 personas in `language`, with avatars (AI images, or offline SVGs).
 *
 * @example
 * const set = await generatePersonas(ai, { shopName: "Maison Thé", currency: "EUR", statistics, catalog }, { language: "fr" });
 * set.personas[0].favouriteProductIds // ids from the input only
 */
export async function generatePersonas(
  ai: AIEngine,
  request: PersonaRequest,
  options: { language: Language; shopId?: string; signal?: AbortSignal; avatars?: boolean },
): Promise<PersonaSet> {
  const input = preparePersonaInput(request);
  const result = await ai.run(personaTask, input, {
    language: options.language,
    ...(options.shopId === undefined ? {} : { shopId: options.shopId }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const personas: Persona[] = [];
  for (const p of toPersonas(result.output, input)) {
    let avatar: Persona["avatar"] = null;
    if (options.avatars !== false) {
      const image = await ai.image({
        prompt: `Friendly flat illustration portrait avatar of a customer persona: ${p.name}, ${p.demographics.ageRange.join("–")} years old. ${p.summary}`,
        ...(options.shopId === undefined ? {} : { shopId: options.shopId }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        offlineSvg: () => createOfflineAvatarSvg(`${request.shopName}/${p.id}/${p.segment}`, p.name),
      });
      avatar = { key: image.key, contentType: image.contentType, provider: image.provider };
    }
    personas.push({ ...p, avatar });
  }
  return { language: options.language, personas, generatedBy: result.provider, model: result.model };
}

const personaTextSchema = z.object({
  name: z.string().min(2).max(60),
  summary: z.string().min(10).max(240),
  locations: z.array(z.string().min(2).max(60)).max(3),
  goals: z.array(z.string().min(3).max(140)).max(4),
  pains: z.array(z.string().min(3).max(140)).max(4),
  objections: z.array(z.string().min(3).max(140)).max(4),
  buyingTriggers: z.array(z.string().min(3).max(140)).max(4),
  toneOfVoice: z.string().min(3).max(140),
});
type PersonaText = z.infer<typeof personaTextSchema>;

interface TranslateInput {
  from: Language;
  texts: PersonaText[];
  /** The offline answer, precomputed from the statistics in the target language. */
  offline: PersonaText[];
}

export const personaTranslateTask = defineTask({
  name: "personas.translate.v1",
  schema: z.object({ personas: z.array(personaTextSchema).min(1).max(6) }),
  promptTokenBudget: 4_000,
  prompt: (input: TranslateInput, ctx) => ({
    system: `Translate these buyer personas from ${LANGUAGE_NAMES[input.from]} to ${LANGUAGE_NAMES[ctx.language]}. Keep the same number of personas, the same order and the same number of list items; keep people's first names. Answer in JSON.`,
    user: JSON.stringify({ personas: input.texts }),
    maxOutputTokens: 3_000,
  }),
  offline: (input) => ({ personas: input.offline }),
  check: (output, input) => {
    if (output.personas.length !== input.texts.length)
      return [`expected ${input.texts.length} personas, got ${output.personas.length}`];
    return output.personas.flatMap((p, i) => {
      const source = input.texts[i];
      if (!source) return [];
      return (["goals", "pains", "objections", "buyingTriggers"] as const)
        .filter((k) => p[k].length !== source[k].length)
        .map((k) => `personas.${i}.${k}: expected ${source[k].length} items`);
    });
  },
});

/**
 * Translates a persona set into another of the ten languages; ids, segments, products, ages,
 * channels and avatars are kept. Offline, the text is rebuilt from the statistics in the target
 * language (the same words the offline generator would write).
 *
 * @example
 * const german = await translatePersonas(ai, request, set, "de");
 */
export async function translatePersonas(
  ai: AIEngine,
  request: PersonaRequest,
  set: PersonaSet,
  language: Language,
  options: { shopId?: string; signal?: AbortSignal } = {},
): Promise<PersonaSet> {
  if (language === set.language) return set;
  const input = preparePersonaInput(request);
  const text = (p: Omit<PersonaText, "locations"> & { locations: string[] }): PersonaText => ({
    name: p.name,
    summary: p.summary,
    locations: p.locations,
    goals: p.goals,
    pains: p.pains,
    objections: p.objections,
    buyingTriggers: p.buyingTriggers,
    toneOfVoice: p.toneOfVoice,
  });
  const offline = set.personas.map((p, slot) => {
    const segmentNumber = Math.max(1, input.segments.findIndex((s) => s.segment === p.segment) + 1);
    return text(offlinePersona(input, segmentNumber, slot, language));
  });
  const result = await ai.run(
    personaTranslateTask,
    {
      from: set.language,
      texts: set.personas.map((p) => text({ ...p, locations: p.demographics.locations })),
      offline,
    },
    {
      language,
      ...(options.shopId === undefined ? {} : { shopId: options.shopId }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    },
  );
  return {
    language,
    generatedBy: result.provider,
    model: result.model,
    personas: set.personas.map((p, i) => {
      const t = result.output.personas[i] ?? text({ ...p, locations: p.demographics.locations });
      return {
        ...p,
        name: t.name,
        summary: t.summary,
        demographics: { ageRange: p.demographics.ageRange, locations: t.locations },
        goals: t.goals,
        pains: t.pains,
        objections: t.objections,
        buyingTriggers: t.buyingTriggers,
        toneOfVoice: t.toneOfVoice,
      };
    }),
  };
}

export { personaOutputSchema };
