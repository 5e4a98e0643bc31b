/**
 * The persona AI task. The prompt carries a bounded summary (at most 20 numbered products and
 * one line per non-empty segment), and the model refers to products and segments by number, so
 * it cannot invent a product id and the prompt stays small whatever the shop's size.
 */
import { z } from "zod";
import { defineTask } from "../ai/index.js";
import { LANGUAGE_NAMES, translate, type Language } from "../i18n/index.js";
import { CHANNELS, type Channel } from "../campaigns/channels.js";
import type { Segment } from "../segments/rules.js";
import { SEGMENT_LABELS } from "../segments/labels.js";
import { AGE_RANGE, ARCHETYPE_OF, ARCHETYPE_TEXT, FIRST_NAMES, SUMMARY } from "./archetypes.js";

export const MAX_PROMPT_PRODUCTS = 20;

/** One non-empty segment as the prompt sees it. */
export interface PromptSegment {
  segment: Segment;
  customers: number;
  shareOfCustomers: number;
  shareOfRevenue: number;
  averageOrderValue: number;
  averageOrders: number;
  averageRecencyDays: number;
  averageClv: number | null;
  /** 1-based indexes into `products`. */
  products: number[];
  categories: string[];
  countries: string[];
  languages: string[];
  emailSubscribers: number;
  smsSubscribers: number;
}

export interface PersonaTaskInput {
  shop: string;
  currency: string;
  productCount: number;
  priceRange: { min: number; median: number; max: number } | null;
  categories: { name: string; share: number }[];
  products: { id: string; title: string; category: string | null; price: number | null }[];
  segments: PromptSegment[];
}

const list = (min: number, max: number, length: number) =>
  z.array(z.string().min(3).max(length)).min(min).max(max);

export const personaOutputSchema = z.object({
  personas: z
    .array(
      z.object({
        name: z.string().min(2).max(60),
        summary: z.string().min(10).max(240),
        ageMin: z.number().int().min(16).max(90),
        ageMax: z.number().int().min(16).max(90),
        locations: z.array(z.string().min(2).max(60)).max(3),
        goals: list(2, 4, 140),
        pains: list(2, 4, 140),
        objections: list(2, 4, 140),
        buyingTriggers: list(2, 4, 140),
        preferredChannels: z.array(z.enum(CHANNELS)).min(1).max(3),
        toneOfVoice: z.string().min(3).max(140),
        /** 1-based numbers of the products listed in the prompt. */
        favouriteProducts: z.array(z.number().int().min(1).max(MAX_PROMPT_PRODUCTS)).max(3),
        /** 1-based number of the segment listed in the prompt. */
        segment: z.number().int().min(1).max(11),
      }),
    )
    .min(3)
    .max(6),
});
export type PersonaTaskOutput = z.infer<typeof personaOutputSchema>;

const pct = (v: number): string => `${Math.round(v * 100)}%`;
const clip = (s: string, n: number): string =>
  [...s].length > n ? `${[...s].slice(0, n - 1).join("")}…` : s;

function regionName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

function money(value: number, currency: string, language: Language): string {
  try {
    return new Intl.NumberFormat(language, { style: "currency", currency, maximumFractionDigits: 0 }).format(
      value,
    );
  } catch {
    return `${Math.round(value)} ${currency}`;
  }
}

/** The offline persona for slot `slot`, grounded in `segment` (also used to translate offline). */
export function offlinePersona(
  input: PersonaTaskInput,
  segmentNumber: number,
  slot: number,
  language: Language,
): PersonaTaskOutput["personas"][number] {
  const s = input.segments[segmentNumber - 1];
  if (!s) throw new RangeError(`segment ${segmentNumber} is not in the input`);
  const archetype = ARCHETYPE_OF[s.segment];
  const text = ARCHETYPE_TEXT[language][archetype];
  const names = FIRST_NAMES[language];
  // Personas sharing a segment (small shops) get different favourites.
  const rotation = Math.floor(slot / Math.max(1, input.segments.length));
  const favourites =
    s.products.length > 0 ? [...s.products.slice(rotation), ...s.products.slice(0, rotation)] : [];
  const favourite = input.products[(favourites[0] ?? 1) - 1]?.title ?? input.shop;
  const channels: Channel[] = ["email"];
  if (s.smsSubscribers >= 0.15) channels.push("sms");
  channels.push(archetype === "newcomer" ? "instagram" : archetype === "devoted" ? "facebook" : "meta_ad");
  const [ageMin, ageMax] = AGE_RANGE[archetype];
  return {
    name: `${names[slot % names.length] ?? "Alex"} — ${translate(SEGMENT_LABELS, language, `${s.segment}.name`)}`,
    summary: clip(
      SUMMARY[language].replace(/\{(\w+)\}/g, (match, key: string) => {
        const values: Record<string, string> = {
          share: new Intl.NumberFormat(language, { style: "percent" }).format(s.shareOfCustomers),
          orders: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(s.averageOrders),
          aov: money(s.averageOrderValue, input.currency, language),
          recency: String(Math.round(s.averageRecencyDays)),
          product: clip(favourite, 60),
        };
        return values[key] ?? match;
      }),
      240,
    ),
    ageMin,
    ageMax,
    locations: s.countries.slice(0, 3).map((c) => regionName(c, language)),
    goals: [...text.goals],
    pains: [...text.pains],
    objections: [...text.objections],
    buyingTriggers: [...text.triggers],
    preferredChannels: channels,
    toneOfVoice: text.tone,
    favouriteProducts: favourites.slice(0, 3),
    segment: segmentNumber,
  };
}

function segmentLine(s: PromptSegment, i: number): string {
  return [
    `S${i + 1} ${s.segment}`,
    `customers ${pct(s.shareOfCustomers)}`,
    `revenue ${pct(s.shareOfRevenue)}`,
    `AOV ${s.averageOrderValue.toFixed(0)}`,
    `orders/customer ${s.averageOrders.toFixed(1)}`,
    `days since last order ${Math.round(s.averageRecencyDays)}`,
    s.averageClv === null ? "" : `CLV 12m ${s.averageClv.toFixed(0)}`,
    s.products.length ? `products ${s.products.map((p) => `P${p}`).join(",")}` : "",
    s.categories.length ? `categories ${s.categories.join(", ")}` : "",
    s.countries.length ? `countries ${s.countries.join(",")}` : "",
    s.languages.length ? `languages ${s.languages.join(",")}` : "",
    `email opt-in ${pct(s.emailSubscribers)}`,
    `sms opt-in ${pct(s.smsSubscribers)}`,
  ]
    .filter(Boolean)
    .join("; ");
}

export const personaTask = defineTask({
  name: "personas.generate.v1",
  schema: personaOutputSchema,
  promptTokenBudget: 2_000,
  prompt: (input: PersonaTaskInput, ctx) => ({
    system: [
      `You are a senior e-commerce marketer. Create 3 to 6 buyer personas for the Shopify store "${clip(input.shop, 60)}".`,
      "Ground every persona in ONE segment below (give its number S#) and use only its figures; never invent numbers.",
      "favouriteProducts: numbers P# from the product list only; pick from the segment's own products when it has some.",
      "ageMin/ageMax: a plausible range (an estimate: the data has no ages). locations: from the segment's countries.",
      `preferredChannels: from ${CHANNELS.join(", ")}, guided by opt-in rates.`,
      `Write every text field in ${LANGUAGE_NAMES[ctx.language]}. Answer in JSON.`,
    ].join("\n"),
    user: [
      `Catalog: ${input.productCount} products` +
        (input.priceRange
          ? `, prices ${input.priceRange.min}–${input.priceRange.max} ${input.currency} (median ${input.priceRange.median})`
          : "") +
        (input.categories.length
          ? `; categories ${input.categories.map((c) => `${clip(c.name, 30)} ${pct(c.share)}`).join(", ")}`
          : ""),
      "Products:",
      ...input.products.map(
        (p, i) =>
          `P${i + 1} ${clip(p.title, 48)}${p.category ? ` [${clip(p.category, 24)}]` : ""}${p.price === null ? "" : ` ${p.price}`}`,
      ),
      "Segments:",
      ...input.segments.map(segmentLine),
    ].join("\n"),
    maxOutputTokens: 3_000,
  }),
  offline: (input, ctx) => {
    const count = Math.min(6, Math.max(3, input.segments.length));
    return {
      personas: Array.from({ length: count }, (_, slot) =>
        offlinePersona(input, (slot % Math.max(1, input.segments.length)) + 1, slot, ctx.language),
      ),
    };
  },
  check: (output, input) => {
    const problems: string[] = [];
    output.personas.forEach((p, i) => {
      if (p.segment > input.segments.length)
        problems.push(`personas.${i}.segment: S${p.segment} does not exist (S1–S${input.segments.length})`);
      for (const n of p.favouriteProducts)
        if (n > input.products.length)
          problems.push(
            `personas.${i}.favouriteProducts: P${n} does not exist (P1–P${input.products.length})`,
          );
      if (p.ageMin > p.ageMax) problems.push(`personas.${i}: ageMin ${p.ageMin} > ageMax ${p.ageMax}`);
    });
    return problems;
  },
});
