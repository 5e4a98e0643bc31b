/**
 * Campaign generation through the AI engine: one persona × products × channel × language at a
 * time, validated against the channel's limits. Offline (no keys), or when a model's answer
 * still breaks a limit after the engine's repair round-trip, the copy comes from the template
 * library instead, so a campaign is always valid and says who wrote it.
 */
import { z } from "zod";
import { defineTask, type AIEngine, type AITask, type ProviderName } from "../ai/index.js";
import { isNinjaLeadError } from "../errors/index.js";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "../i18n/index.js";
import { parseOrThrow } from "../internal/zod.js";
import type { Persona } from "../personas/generate.js";
import type { Segment } from "../segments/rules.js";
import {
  CHANNEL_LIMITS,
  CHANNELS,
  validateChannelContent,
  type Channel,
  type ChannelContent,
} from "./channels.js";
import { contentTexts, markerProblems, protectTokens, restoreTokens, withContentTexts } from "./localize.js";
import {
  renderTemplate,
  TEMPLATE_VARIABLES,
  templatesForSegment,
  type TemplateId,
  type TemplateVariables,
} from "./templates.js";
import { TEMPLATE_IDS } from "./copy.js";

export const campaignRequestSchema = z.object({
  shop: z.object({ name: z.string().trim().min(1).max(80), url: z.url() }),
  products: z
    .array(
      z.object({
        id: z.string().min(1),
        title: z.string().trim().min(1),
        url: z.url(),
        price: z.number().nonnegative().nullish(),
      }),
    )
    .min(1)
    .max(5),
  channel: z.enum(CHANNELS),
  language: z.enum(LANGUAGES),
  /** An offer to include (needed by the win-back, flash sale, VIP, seasonal and bundle templates). */
  offer: z
    .object({
      code: z.string().regex(/^[A-Za-z0-9_-]{2,32}$/),
      discountPercent: z.number().int().min(1).max(90),
      hours: z.number().int().min(1).max(168).nullish(),
      season: z.string().trim().min(1).max(40).nullish(),
    })
    .nullish(),
  /** Force a template for the offline copy; by default the best one for the persona's segment. */
  template: z.enum(TEMPLATE_IDS).nullish(),
});
export type CampaignRequest = z.input<typeof campaignRequestSchema> & { persona?: Persona | null };

export interface Campaign {
  channel: Channel;
  language: Language;
  content: ChannelContent;
  personaId: string | null;
  segment: Segment | null;
  productIds: string[];
  /** Set when the copy came from the template library (it can then be re-rendered exactly). */
  template: { id: TemplateId; variables: Record<string, unknown> } | null;
  generatedBy: ProviderName | "template";
  model: string;
  /** Why the template copy replaced the model's answer, when it did. */
  fallbackReason?: string;
}

type ParsedRequest = z.output<typeof campaignRequestSchema>;

/** The first template for the segment whose variables this request can fill. */
export function chooseTemplate(segment: Segment | null, request: ParsedRequest): TemplateId {
  const offer = request.offer;
  const possible = (id: TemplateId): boolean => {
    const keys = Object.keys(TEMPLATE_VARIABLES[id].shape);
    if ((keys.includes("code") || keys.includes("discountPercent")) && !offer) return false;
    if (keys.includes("hours") && !offer?.hours) return false;
    if (keys.includes("season") && !offer?.season) return false;
    if (keys.includes("secondProduct") && request.products.length < 2) return false;
    return true;
  };
  if (request.template && possible(request.template)) return request.template;
  const preferred = (segment ? templatesForSegment(segment) : []).filter(possible);
  // With an offer, a template that carries it comes first: the merchant created it for a reason.
  const usesOffer = (id: TemplateId): boolean => "code" in TEMPLATE_VARIABLES[id].shape;
  return (offer ? preferred.find(usesOffer) : undefined) ?? preferred[0] ?? "new_arrival";
}

function templateVariables(id: TemplateId, request: ParsedRequest): Record<string, unknown> {
  const [first, second] = request.products;
  const all: Record<string, unknown> = {
    shop: request.shop.name,
    url: first?.url ?? request.shop.url,
    product: first?.title,
    secondProduct: second?.title,
    code: request.offer?.code,
    discountPercent: request.offer?.discountPercent,
    hours: request.offer?.hours ?? undefined,
    season: request.offer?.season ?? undefined,
  };
  const keys = Object.keys(TEMPLATE_VARIABLES[id].shape);
  return Object.fromEntries(keys.map((k) => [k, all[k]]));
}

/** What the model writes per channel; URLs and paths are added by us, never by the model. */
function aiSchema(channel: Channel, wide: boolean) {
  const l = CHANNEL_LIMITS;
  // Google counts CJK characters double: halve the schema limits, `check` verifies exactly.
  const g = wide ? 2 : 1;
  switch (channel) {
    case "email":
      return z.object({
        subject: z.string().min(1).max(l.email.subject),
        preheader: z.string().min(1).max(l.email.preheader),
        sections: z
          .array(
            z.object({
              heading: z.string().max(l.email.heading).nullable(),
              body: z.string().min(1).max(1000),
            }),
          )
          .min(1)
          .max(3),
        ctaLabel: z.string().min(1).max(l.email.ctaLabel),
      });
    case "sms":
      return z.object({ text: z.string().min(1).max(250) });
    case "instagram":
      return z.object({
        caption: z.string().min(1).max(2000),
        hashtags: z.array(z.string().min(1).max(40)).max(10),
      });
    case "facebook":
      return z.object({ text: z.string().min(1).max(2000) });
    case "meta_ad":
      return z.object({
        primaryText: z.string().min(1).max(l.meta_ad.primaryText),
        headline: z.string().min(1).max(l.meta_ad.headline),
        description: z.string().min(1).max(l.meta_ad.description),
      });
    case "google_rsa":
      return z.object({
        headlines: z
          .array(
            z
              .string()
              .min(1)
              .max(l.google_rsa.headline / g),
          )
          .min(3)
          .max(15),
        descriptions: z
          .array(
            z
              .string()
              .min(1)
              .max(l.google_rsa.description / g),
          )
          .min(2)
          .max(4),
      });
  }
}

interface WriteInput {
  request: ParsedRequest;
  persona: Persona | null;
  /** The template copy: the offline answer, and a style hint for the model. */
  fallback: ChannelContent;
}

const hashtagOf = (text: string): string | null => {
  const tag = text.replace(/^#/, "").replace(/[^\p{L}\p{N}_]/gu, "");
  return tag.length > 1 ? `#${tag.slice(0, 40)}` : null;
};

/**
 * Turns the model's fields into channel content (adding URL, paths, clean hashtags). The engine
 * has validated `output` against `aiSchema(channel)`, hence the casts.
 */
function toContent(channel: Channel, output: Record<string, unknown>, input: WriteInput): ChannelContent {
  const url = input.request.products[0]?.url ?? input.request.shop.url;
  switch (channel) {
    case "email": {
      const e = output as unknown as {
        subject: string;
        preheader: string;
        sections: { heading: string | null; body: string }[];
        ctaLabel: string;
      };
      return {
        channel,
        subject: e.subject,
        preheader: e.preheader,
        sections: e.sections,
        cta: { label: e.ctaLabel, url },
      };
    }
    case "sms": {
      const s = output as unknown as { text: string };
      return { channel, text: s.text.includes(url) ? s.text : `${s.text.trim()} ${url}` };
    }
    case "instagram": {
      const i = output as unknown as { caption: string; hashtags: string[] };
      const tags = i.hashtags.map(hashtagOf).filter((t): t is string => t !== null);
      return { channel, caption: i.caption, hashtags: [...new Set(tags)] };
    }
    case "facebook": {
      const f = output as unknown as { text: string };
      return { channel, text: f.text.includes(url) ? f.text : `${f.text.trim()}\n\n${url}` };
    }
    case "meta_ad": {
      const m = output as unknown as { primaryText: string; headline: string; description: string };
      return { channel, ...m };
    }
    case "google_rsa": {
      const g = output as unknown as { headlines: string[]; descriptions: string[] };
      const fallback = input.fallback.channel === "google_rsa" ? input.fallback : null;
      return {
        channel,
        headlines: g.headlines,
        descriptions: g.descriptions,
        path1: fallback?.path1 ?? null,
        path2: null,
      };
    }
  }
}

/** The fields of template content, in the shape the model writes (the offline answer). */
function fromContent(content: ChannelContent): Record<string, unknown> {
  switch (content.channel) {
    case "email":
      return {
        subject: content.subject,
        preheader: content.preheader,
        sections: content.sections,
        ctaLabel: content.cta.label,
      };
    case "sms":
      return { text: content.text };
    case "instagram":
      return { caption: content.caption, hashtags: content.hashtags };
    case "facebook":
      return { text: content.text };
    case "meta_ad":
      return {
        primaryText: content.primaryText,
        headline: content.headline,
        description: content.description,
      };
    case "google_rsa":
      return { headlines: content.headlines, descriptions: content.descriptions };
  }
}

const tasks = new Map<string, AITask<WriteInput, Record<string, unknown>>>();

/** The write task for a channel (one per channel, and a CJK variant for Google's double width). */
export function campaignWriteTask(
  channel: Channel,
  language: Language,
): AITask<WriteInput, Record<string, unknown>> {
  const wide = channel === "google_rsa" && (language === "ja" || language === "zh-CN");
  const name = `campaigns.write.${channel}${wide ? ".wide" : ""}.v1`;
  const existing = tasks.get(name);
  if (existing) return existing;
  const task = defineTask<WriteInput, Record<string, unknown>>({
    name,
    schema: aiSchema(channel, wide),
    promptTokenBudget: 1_500,
    prompt: (input, ctx) => {
      const { request, persona } = input;
      const limits = JSON.stringify(CHANNEL_LIMITS[channel]);
      return {
        system: [
          `You write ${channel} marketing copy in ${LANGUAGE_NAMES[ctx.language]} for the Shopify store "${request.shop.name}".`,
          `Respect these limits exactly (characters): ${limits}.`,
          "Keep merge tags such as {{ customer.first_name }} exactly as written. Do not write URLs. Do not invent discounts or claims.",
          "Answer in JSON.",
        ].join("\n"),
        user: [
          persona
            ? `Persona: ${persona.name}. ${persona.summary}\nTone: ${persona.toneOfVoice}\nTriggers: ${persona.buyingTriggers.join("; ")}\nObjections: ${persona.objections.join("; ")}`
            : "Audience: all customers.",
          `Products: ${request.products.map((p) => `${p.title}${p.price === null || p.price === undefined ? "" : ` (${p.price})`}`).join("; ")}`,
          request.offer
            ? `Offer: ${request.offer.discountPercent}% off with code ${request.offer.code}${request.offer.hours ? ` for ${request.offer.hours} hours` : ""}${request.offer.season ? `, ${request.offer.season}` : ""}`
            : "No discount to offer.",
          `Example of the expected style: ${JSON.stringify(fromContent(input.fallback))}`,
        ].join("\n"),
        maxOutputTokens: 1_200,
      };
    },
    offline: (input) => fromContent(input.fallback),
    check: (output, input) => {
      const content = toContent(channel, output, input);
      const problems = validateChannelContent(content, { language: "en" }).map(
        (v) => `${v.path}: ${v.message}`,
      );
      const code = input.request.offer?.code;
      if (code && !contentTexts(content).some((t) => t.includes(code)))
        problems.push(`the offer code ${code} must appear`);
      return problems;
    },
  });
  tasks.set(name, task);
  return task;
}

/**
 * Writes one campaign for a persona, products, channel and language.
 *
 * @example
 * const email = await generateCampaign(ai, {
 *   shop: { name: "Maison Thé", url: "https://maison.example" },
 *   persona, products: [{ id: "42", title: "Earl Grey", url: "https://maison.example/p/42" }],
 *   channel: "email", language: "fr",
 * });
 */
export async function generateCampaign(
  ai: AIEngine,
  request: CampaignRequest,
  options: { shopId?: string; signal?: AbortSignal } = {},
): Promise<Campaign> {
  const { persona = null, ...rest } = request;
  const parsed = parseOrThrow(campaignRequestSchema, rest, "campaign request");
  const segment = persona?.segment ?? null;
  const templateId = chooseTemplate(segment, parsed);
  const variables = templateVariables(templateId, parsed);
  const fallback = renderTemplate(
    templateId,
    variables as TemplateVariables<typeof templateId>,
    parsed.language,
    parsed.channel,
  );
  const base = {
    channel: parsed.channel,
    language: parsed.language,
    personaId: persona?.id ?? null,
    segment,
    productIds: parsed.products.map((p) => p.id),
  };
  const input: WriteInput = { request: parsed, persona, fallback };
  try {
    const result = await ai.run(campaignWriteTask(parsed.channel, parsed.language), input, {
      language: parsed.language,
      ...(options.shopId === undefined ? {} : { shopId: options.shopId }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    if (result.provider === "offline")
      return {
        ...base,
        content: fallback,
        template: { id: templateId, variables },
        generatedBy: "template",
        model: result.model,
      };
    return {
      ...base,
      content: toContent(parsed.channel, result.output, input),
      template: null,
      generatedBy: result.provider,
      model: result.model,
    };
  } catch (error) {
    if (!isNinjaLeadError(error) || error.code !== "invalid_output") throw error;
    return {
      ...base,
      content: fallback,
      template: { id: templateId, variables },
      generatedBy: "template",
      model: "template-library",
      fallbackReason: error.message,
    };
  }
}

/**
 * Campaigns for every persona × channel × language (in that order), each with the persona's
 * favourite products among `products` first (up to 3), `concurrency` calls at a time (default 4).
 *
 * @example
 * const all = await generateCampaigns(ai, { shop, personas: set.personas, products, channels: ["email", "sms"], languages: ["fr", "en"] });
 */
export async function generateCampaigns(
  ai: AIEngine,
  request: {
    shop: CampaignRequest["shop"];
    personas: readonly Persona[];
    products: CampaignRequest["products"];
    channels: readonly Channel[];
    languages: readonly Language[];
    offer?: CampaignRequest["offer"];
  },
  options: { shopId?: string; signal?: AbortSignal; concurrency?: number } = {},
): Promise<Campaign[]> {
  const jobs: CampaignRequest[] = [];
  for (const persona of request.personas) {
    const favourites = request.products.filter((p) => persona.favouriteProductIds.includes(p.id));
    const others = request.products.filter((p) => !persona.favouriteProductIds.includes(p.id));
    const products = [...favourites, ...others].slice(0, 3);
    for (const channel of request.channels)
      for (const language of request.languages)
        jobs.push({
          shop: request.shop,
          persona,
          products,
          channel,
          language,
          ...(request.offer ? { offer: request.offer } : {}),
        });
  }
  // A few calls in flight; the engine's rate limiter keeps them within the provider's limits.
  const out = new Array<Campaign>(jobs.length);
  let next = 0;
  const { concurrency = 4, ...runOptions } = options;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index];
      if (job) out[index] = await generateCampaign(ai, job, runOptions);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker));
  return out;
}

interface TranslateInput {
  from: Language;
  channel: Channel;
  texts: string[];
  tokens: string[];
  fallbackContent: ChannelContent;
}

export const campaignTranslateTask = defineTask({
  name: "campaigns.translate.v1",
  schema: z.object({ texts: z.array(z.string()).min(1).max(40) }),
  promptTokenBudget: 3_000,
  prompt: (input: TranslateInput, ctx) => ({
    system: `Translate marketing copy (${input.channel}) from ${LANGUAGE_NAMES[input.from]} to ${LANGUAGE_NAMES[ctx.language]}. Return the same number of texts in the same order. Copy every marker like ⟦1⟧ exactly once, unchanged, where it belongs. Keep within the channel's limits: ${JSON.stringify(CHANNEL_LIMITS[input.channel])}. Answer in JSON.`,
    user: JSON.stringify({ texts: input.texts }),
    maxOutputTokens: 2_000,
  }),
  offline: (input) => ({ texts: input.texts }),
  check: (output, input, ctx) => {
    const problems = markerProblems(input.texts, output.texts);
    if (problems.length > 0) return problems;
    const content = withContentTexts(input.fallbackContent, restoreTokens(output.texts, input.tokens));
    return validateChannelContent(content, { language: ctx.language }).map((v) => `${v.path}: ${v.message}`);
  },
});

/**
 * The campaign in each of `languages`. Template copy is re-rendered in each language (exact,
 * offline); model-written copy is translated with merge tags, placeholders and URLs protected,
 * and checked to come back unchanged. Offline, or when the model's translation still loses a
 * marker after a repair, model-written copy is returned as it is with `translated: false`.
 *
 * @example
 * const versions = await localizeCampaign(ai, campaign, ["fr", "de", "ja"]);
 */
export async function localizeCampaign(
  ai: AIEngine,
  campaign: Campaign,
  languages: readonly Language[],
  options: { shopId?: string; signal?: AbortSignal } = {},
): Promise<(Campaign & { translated: boolean })[]> {
  const out: (Campaign & { translated: boolean })[] = [];
  for (const language of languages) {
    if (language === campaign.language) {
      out.push({ ...campaign, translated: true });
      continue;
    }
    if (campaign.template) {
      const { id, variables } = campaign.template;
      const content = renderTemplate(
        id,
        variables as TemplateVariables<typeof id>,
        language,
        campaign.channel,
      );
      out.push({
        ...campaign,
        language,
        content,
        generatedBy: "template",
        model: "template-library",
        translated: true,
      });
      continue;
    }
    const { texts, tokens } = protectTokens(contentTexts(campaign.content));
    try {
      const result = await ai.run(
        campaignTranslateTask,
        {
          from: campaign.language,
          channel: campaign.channel,
          texts,
          tokens,
          fallbackContent: campaign.content,
        },
        {
          language,
          ...(options.shopId === undefined ? {} : { shopId: options.shopId }),
          ...(options.signal === undefined ? {} : { signal: options.signal }),
        },
      );
      out.push({
        ...campaign,
        language,
        content: withContentTexts(campaign.content, restoreTokens(result.output.texts, tokens)),
        generatedBy: result.provider,
        model: result.model,
        translated: result.provider !== "offline",
      });
    } catch (error) {
      // A translation that lost a merge tag or broke a limit, even after a repair, is never
      // shipped: the source copy is kept and flagged.
      if (!isNinjaLeadError(error) || error.code !== "invalid_output") throw error;
      out.push({ ...campaign, language, translated: false, fallbackReason: error.message });
    }
  }
  return out;
}
