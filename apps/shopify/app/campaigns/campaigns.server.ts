/**
 * Marketing campaigns of a shop: written by core for a persona + 1–5 products from the mirror, one
 * row per channel, in one or more languages, with an optional B variant, A/B results and core's
 * significance verdict, exports per channel, storefront publishing and archiving. Used by the admin
 * routes and the public API.
 *
 * Stable API (all scoped to `deps.shop` / `shop`; refused input throws `MarketingError`):
 *   createCampaigns(deps, input)                          → CampaignView[] one per channel; campaign.generated per row
 *   listCampaigns(prisma, shop, { status?, cursor?, limit? }) → { campaigns: CampaignSummary[], nextCursor }
 *   getCampaign(prisma, shop, id, language)               → CampaignView   (verdict message in `language`)
 *   updateCampaign(deps, id, { name?, startsAt?, endsAt? }) → CampaignView
 *   updateCampaignCopy(deps, id, { variant, language, content }) → CampaignView  content within the channel's limits
 *   addVariantB(deps, id, { template? })                  → CampaignView   another template, or a fresh AI answer
 *   recordCampaignResults(deps, id, { A, B? })            → CampaignView   { sent, conversions } per variant
 *   exportCampaign(prisma, shop, id, { format, variant?, language? }, adminLanguage) → { filename, contentType, body }
 *   publishShopCampaign(deps, ctx, id) / unpublishShopCampaign(deps, ctx, id) → CampaignView (storefront banner)
 *   archiveCampaign(deps, ctx, id)                        → CampaignView   (taken off the storefront first)
 * Every change is audited (recordAudit) in the transaction that writes it.
 */
import type { Campaign as CampaignRow, Prisma, PrismaClient } from "@prisma/client";
import {
  CHANNELS,
  channelContentSchema,
  evaluateAbTest,
  generateCampaign,
  localizeCampaign,
  TEMPLATE_IDS,
  TEMPLATE_VARIABLES,
  templatesForSegment,
  validateChannelContent,
  type AbEvaluation,
  type Campaign,
  type Channel,
  type ChannelContent,
  type TemplateId,
} from "@ninjalead/core/campaigns";
import { isNinjaLeadError } from "@ninjalead/core/errors";
import { LANGUAGES, type Language } from "@ninjalead/core/i18n";
import type { Persona } from "@ninjalead/core/personas";
import { segmentLabel, type Segment } from "@ninjalead/core/segments";
import { z } from "zod";
import {
  withAiErrors,
  dottedPath,
  MarketingError,
  parseInput,
  type FieldErrors,
  type FieldOf,
} from "~/personas/errors.server.js";
import { shopName, type MarketingDeps } from "~/personas/personas.server.js";
import {
  publishCampaign,
  StorefrontPublishError,
  unpublishCampaign,
  type StorefrontContext,
} from "~/storefront/metafields.server.js";
import { t } from "~/i18n/t.js";
import { recordAudit } from "~/trust/audit.server.js";
import { emitEvent } from "~/trust/outgoing-webhooks.server.js";
import {
  CAMPAIGN_STATUSES,
  EXPORT_FORMATS,
  VARIANTS,
  type CampaignStatus,
  type ExportFormat,
  type VariantId,
} from "./campaign-types.js";
import { contentFields } from "./content-fields.js";

export {
  CAMPAIGN_STATUSES,
  EXPORT_FORMATS,
  VARIANTS,
  type CampaignStatus,
  type ExportFormat,
  type VariantId,
};

/** The `variants` column: core campaigns per variant and language. */
type Variants = Partial<Record<VariantId, Partial<Record<Language, Campaign>>>>;
/** The `results` column. */
type Results = Partial<Record<VariantId, { sent: number; conversions: number }>>;

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;
const productId = z.string().regex(/^[1-9]\d{0,18}$/, { message: "marketing.error.products" });
const dateField = (key: "marketing.error.startsAt" | "marketing.error.endsAt") =>
  z.union([z.literal("").transform(() => null), z.coerce.date({ message: key })]).nullish();

export const offerSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,32}$/, { message: "marketing.error.offerCode" }),
  discountPercent: z
    .number({ message: "marketing.error.discount" })
    .int({ message: "marketing.error.discount" })
    .min(1, { message: "marketing.error.discount" })
    .max(90, { message: "marketing.error.discount" }),
  hours: z
    .number({ message: "marketing.error.hours" })
    .int({ message: "marketing.error.hours" })
    .min(1, { message: "marketing.error.hours" })
    .max(168, { message: "marketing.error.hours" })
    .nullish(),
  season: z
    .string()
    .trim()
    .min(1, { message: "marketing.error.season" })
    .max(40, { message: "marketing.error.season" })
    .nullish(),
});

export const campaignCreateSchema = z
  .object({
    name: z
      .string({ message: "marketing.error.name" })
      .trim()
      .min(1, { message: "marketing.error.name" })
      .max(120, { message: "marketing.error.name" }),
    /** A persona's id (any of its languages); null writes for all customers. */
    personaId: z.string().trim().min(1).max(64).nullish(),
    productIds: z
      .array(productId, { message: "marketing.error.products" })
      .min(1, { message: "marketing.error.products" })
      .max(5, { message: "marketing.error.products" })
      .refine(unique, { message: "marketing.error.products" }),
    channels: z
      .array(z.enum(CHANNELS, { message: "marketing.error.channel" }), { message: "marketing.error.channel" })
      .min(1, { message: "marketing.error.channel" })
      .refine(unique, { message: "marketing.error.channel" }),
    /** The first language is the one written; the others are localised from it. */
    languages: z
      .array(z.enum(LANGUAGES, { message: "marketing.error.language" }), {
        message: "marketing.error.language",
      })
      .min(1, { message: "marketing.error.language" })
      .refine(unique, { message: "marketing.error.language" }),
    /** A template from the library, or null to start from scratch (the model writes; offline: the best template). */
    template: z.enum(TEMPLATE_IDS, { message: "marketing.error.template" }).nullish(),
    offer: offerSchema.nullish(),
    startsAt: dateField("marketing.error.startsAt"),
    endsAt: dateField("marketing.error.endsAt"),
  })
  .strict()
  .refine((v) => !v.startsAt || !v.endsAt || v.endsAt > v.startsAt, {
    message: "marketing.error.endsAt",
    path: ["endsAt"],
  });
export type CampaignCreateInput = z.input<typeof campaignCreateSchema>;

export const campaignUpdateSchema = z
  .object({
    name: campaignCreateSchema.shape.name,
    startsAt: dateField("marketing.error.startsAt"),
    endsAt: dateField("marketing.error.endsAt"),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "marketing.error.nothingToSave", path: ["form"] });

export const copyEditSchema = z
  .object({
    variant: z.enum(VARIANTS, { message: "marketing.error.variant" }),
    language: z.enum(LANGUAGES, { message: "marketing.error.language" }),
    content: channelContentSchema,
  })
  .strict();

export const variantBSchema = z
  .object({ template: z.enum(TEMPLATE_IDS, { message: "marketing.error.template" }).nullish() })
  .strict();

const countSchema = z
  .number({ message: "marketing.error.count" })
  .int({ message: "marketing.error.count" })
  .min(0, { message: "marketing.error.count" })
  .max(1_000_000_000, { message: "marketing.error.count" });
const resultSchema = z
  .object({ sent: countSchema, conversions: countSchema })
  .strict()
  .refine((r) => r.conversions <= r.sent, { message: "marketing.error.conversions", path: ["conversions"] });
export const resultsSchema = z.object({ A: resultSchema, B: resultSchema.nullish() }).strict();

export const exportSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS, { message: "marketing.error.format" }),
    variant: z.enum(VARIANTS, { message: "marketing.error.variant" }).nullish(),
    language: z.enum(LANGUAGES, { message: "marketing.error.language" }).nullish(),
  })
  .strict();

export interface CopyView {
  language: Language;
  content: ChannelContent;
  generatedBy: string;
  model: string;
  /** Template the copy was rendered from (null once edited or written by a model). */
  template: TemplateId | null;
  /** Limits the copy breaks (empty when it fits; merchant edits are refused when not). */
  violations: { path: string; message: string }[];
}

export interface CampaignSummary {
  id: string;
  name: string;
  channel: Channel;
  languages: Language[];
  segment: Segment | null;
  segmentName: string | null;
  status: CampaignStatus;
  hasVariantB: boolean;
  generatedBy: string;
  offline: boolean;
  startsAt: string | null;
  endsAt: string | null;
  createdAt: string;
}

export interface CampaignView extends CampaignSummary {
  personaId: string | null;
  personaName: string | null;
  template: TemplateId | null;
  products: { id: string; title: string | null }[];
  publishedAt: string | null;
  updatedAt: string;
  variants: { id: VariantId; copies: CopyView[] }[];
  results: Results;
  /** Core's A/B verdict, once both variants have results. */
  verdict: AbEvaluation | null;
}

const variantsOf = (row: CampaignRow) => (row.variants ?? {}) as Variants;
const resultsOf = (row: CampaignRow) => (row.results ?? {}) as Results;
const json = (v: unknown) => v as Prisma.InputJsonObject;
const offlineOf = (generatedBy: string) => generatedBy === "offline";
const auditRequest = (deps: MarketingDeps) => (deps.requestId ? { requestId: deps.requestId } : {});

/** The row's `generatedBy`: core says "template" both offline and after a model's invalid answer. */
function generatedByOf(c: Campaign): string {
  return c.generatedBy === "template" && c.model !== "template-library" ? "offline" : c.generatedBy;
}

function summaryOf(row: CampaignRow, language: Language): CampaignSummary {
  const segment = (row.segment as Segment | null) ?? null;
  return {
    id: row.id,
    name: row.name,
    channel: row.channel as Channel,
    languages: row.languages as Language[],
    segment,
    segmentName: segment ? segmentLabel(segment, language).name : null,
    status: row.status as CampaignStatus,
    hasVariantB: variantsOf(row).B !== undefined,
    generatedBy: row.generatedBy,
    offline: offlineOf(row.generatedBy),
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Core's verdict when both variants have figures; null before (or without a B variant). */
export function campaignVerdict(results: Results, language: Language): AbEvaluation | null {
  const { A, B } = results;
  if (!A || !B) return null;
  return evaluateAbTest(
    {
      variants: [
        { id: "A", visitors: A.sent, conversions: A.conversions },
        { id: "B", visitors: B.sent, conversions: B.conversions },
      ],
    },
    language,
  );
}

async function findRow(prisma: PrismaClient, shop: string, id: string): Promise<CampaignRow> {
  const row =
    typeof id === "string" && id.length <= 64
      ? await prisma.campaign.findFirst({ where: { id, shop } })
      : null;
  if (!row) throw new MarketingError("not_found", "marketing.error.campaignNotFound");
  return row;
}

async function toView(prisma: PrismaClient, row: CampaignRow, language: Language): Promise<CampaignView> {
  const ids = row.productIds.filter((id) => /^\d{1,19}$/.test(id));
  const [products, persona] = await Promise.all([
    prisma.product.findMany({
      where: { shop: row.shop, id: { in: ids.map((id) => BigInt(id)) } },
      select: { id: true, title: true },
    }),
    row.personaId ? prisma.persona.findFirst({ where: { shop: row.shop, id: row.personaId } }) : null,
  ]);
  const titles = new Map(products.map((p) => [p.id.toString(), p.title]));
  const variants = variantsOf(row);
  const results = resultsOf(row);
  return {
    ...summaryOf(row, language),
    personaId: row.personaId,
    personaName: persona?.name ?? null,
    template: (row.template as TemplateId | null) ?? null,
    products: row.productIds.map((id) => ({ id, title: titles.get(id) ?? null })),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    variants: VARIANTS.flatMap((v) => {
      const copies = variants[v];
      if (!copies) return [];
      return [
        {
          id: v,
          copies: (row.languages as Language[]).flatMap((l) => {
            const c = copies[l];
            if (!c) return [];
            return [
              {
                language: l,
                content: c.content,
                generatedBy: generatedByOf(c),
                model: c.model,
                template: c.template?.id ?? null,
                violations: validateChannelContent(c.content, { language }).map((x) => ({
                  path: x.path,
                  message: x.message,
                })),
              },
            ];
          }),
        },
      ];
    }),
    results,
    verdict: campaignVerdict(results, language),
  };
}

export async function getCampaign(
  prisma: PrismaClient,
  shop: string,
  id: string,
  language: Language,
): Promise<CampaignView> {
  return toView(prisma, await findRow(prisma, shop, id), language);
}

export const CAMPAIGNS_PAGE_SIZE = 25;

/** The shop's campaigns, newest first, optionally by status, with a cursor (the last row's id). */
export async function listCampaigns(
  prisma: PrismaClient,
  shop: string,
  options: {
    status?: CampaignStatus | null;
    cursor?: string | null;
    limit?: number;
    language?: Language;
  } = {},
): Promise<{ campaigns: CampaignSummary[]; nextCursor: string | null }> {
  const take = Math.min(Math.max(options.limit ?? CAMPAIGNS_PAGE_SIZE, 1), 100);
  const after = options.cursor
    ? await prisma.campaign.findFirst({ where: { shop, id: options.cursor }, select: { id: true } })
    : null;
  const rows = await prisma.campaign.findMany({
    where: { shop, ...(options.status ? { status: options.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(after ? { cursor: { id: after.id }, skip: 1 } : {}),
  });
  const more = rows.length > take;
  const page = more ? rows.slice(0, take) : rows;
  return {
    campaigns: page.map((r) => summaryOf(r, options.language ?? "en")),
    nextCursor: more ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Offer fields are named one level deep (`offer.code`): the form shows each under its own input. */
const offerField: FieldOf = (path) =>
  path[0] === "offer" && path[1] !== undefined ? `offer.${String(path[1])}` : String(path[0] ?? "");

/** What a template needs that the request must give, as field errors (empty when it can render). */
function templateNeeds(
  template: TemplateId,
  input: { offer?: z.output<typeof offerSchema> | null; productIds: string[] },
): FieldErrors {
  const keys = Object.keys(TEMPLATE_VARIABLES[template].shape);
  const errors: FieldErrors = {};
  if ((keys.includes("code") || keys.includes("discountPercent")) && !input.offer)
    errors["offer.code"] = { key: "marketing.error.offerNeeded" };
  if (keys.includes("hours") && !input.offer?.hours) errors["offer.hours"] = { key: "marketing.error.hours" };
  if (keys.includes("season") && !input.offer?.season)
    errors["offer.season"] = { key: "marketing.error.season" };
  if (keys.includes("secondProduct") && input.productIds.length < 2)
    errors.productIds = { key: "marketing.error.twoProducts" };
  return errors;
}

/** The campaign request's products from the mirror (in the order asked), with their storefront URLs. */
async function mirrorProducts(prisma: PrismaClient, shop: string, ids: readonly string[]) {
  const rows = await prisma.$queryRaw<{ id: bigint; title: string; handle: string; price: string | null }[]>`
    SELECT p.id, p.title, p.handle, min(v.price)::text AS price
    FROM "Product" p LEFT JOIN "Variant" v ON v.shop = p.shop AND v."productId" = p.id
    WHERE p.shop = ${shop} AND p.id = ANY(${ids.map((id) => BigInt(id))}::bigint[])
    GROUP BY p.id, p.title, p.handle`;
  const byId = new Map(rows.map((r) => [r.id.toString(), r]));
  if (ids.some((id) => !byId.has(id)))
    throw new MarketingError("invalid_input", "marketing.error.form", {
      productIds: { key: "marketing.error.productMissing" },
    });
  return ids.map((id) => {
    const r = byId.get(id);
    return {
      id,
      title: r?.title.trim() || id,
      url: `https://${shop}/products/${encodeURIComponent(r?.handle ?? id)}`,
      price: r?.price === null || r?.price === undefined ? null : Number(r.price),
    };
  });
}

/** The persona row for a campaign, in the campaign's language when translated. */
async function personaFor(
  prisma: PrismaClient,
  shop: string,
  id: string | null | undefined,
  language: Language,
) {
  if (!id) return null;
  const row = await prisma.persona.findFirst({ where: { shop, id } });
  if (!row)
    throw new MarketingError("invalid_input", "marketing.error.form", {
      personaId: { key: "marketing.error.personaNotFound" },
    });
  const localized = await prisma.persona.findFirst({ where: { shop, groupId: row.groupId, language } });
  return { row, persona: (localized ?? row).data as unknown as Persona };
}

/** Core errors from generation that mean "the request cannot be written" become field errors. */
async function generation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await withAiErrors(work);
  } catch (error) {
    if (isNinjaLeadError(error) && error.code === "validation_failed")
      throw new MarketingError("invalid_input", "marketing.error.form", {
        form: { key: "marketing.error.invalid", params: { detail: error.message } },
      });
    throw error;
  }
}

/** Writes one channel's copy in the first language and localises it to the others. */
async function writeCopies(
  deps: MarketingDeps,
  request: Parameters<typeof generateCampaign>[1],
  languages: readonly Language[],
): Promise<Partial<Record<Language, Campaign>>> {
  const first = await generation(() => generateCampaign(deps.ai, request, { shopId: deps.shop }));
  const all = await generation(() => localizeCampaign(deps.ai, first, languages, { shopId: deps.shop }));
  return Object.fromEntries(all.map(({ translated: _translated, ...c }) => [c.language, c]));
}

/**
 * Checks a campaign request without writing anything (no AI call): the schema, what the template
 * needs, the products in the mirror and the persona in this shop. Throws the same `invalid_input`
 * MarketingError as `createCampaigns` (the marketing jobs check a request with it before queueing).
 */
export async function campaignRequestOrThrow(prisma: PrismaClient, shop: string, input: unknown) {
  const values = parseInput(campaignCreateSchema, input, offerField);
  if (values.template) {
    const needs = templateNeeds(values.template, values);
    if (Object.keys(needs).length > 0)
      throw new MarketingError("invalid_input", "marketing.error.form", needs);
  }
  const [first = "en"] = values.languages;
  const [products, persona] = await Promise.all([
    mirrorProducts(prisma, shop, values.productIds),
    personaFor(prisma, shop, values.personaId, first),
  ]);
  return { values, products, persona };
}

/**
 * Writes a campaign per channel for the persona and products, in every language, and stores them
 * with their audit event and a `campaign.generated` webhook event, all in one transaction.
 */
export async function createCampaigns(deps: MarketingDeps, input: unknown): Promise<CampaignView[]> {
  const { values, products, persona } = await campaignRequestOrThrow(deps.prisma, deps.shop, input);
  const languages = values.languages;
  const [first = "en"] = languages;
  const shop = { name: shopName(deps.shop), url: `https://${deps.shop}` };
  const offer = values.offer ?? null;
  const written: { channel: Channel; copies: Partial<Record<Language, Campaign>> }[] = [];
  for (const channel of values.channels) {
    const copies = await writeCopies(
      deps,
      {
        shop,
        persona: persona?.persona ?? null,
        products,
        channel,
        language: first,
        offer,
        template: values.template ?? null,
      },
      languages,
    );
    written.push({ channel, copies });
  }
  const rows = await deps.prisma.$transaction(async (tx) => {
    const out: CampaignRow[] = [];
    for (const { channel, copies } of written) {
      const lead = copies[first];
      if (!lead) continue;
      const row = await tx.campaign.create({
        data: {
          shop: deps.shop,
          name: values.name,
          personaId: persona?.row.id ?? null,
          segment: persona?.persona.segment ?? null,
          channel,
          languages: [...languages],
          productIds: products.map((p) => p.id),
          template: lead.template?.id ?? values.template ?? null,
          variants: json({ A: copies }),
          results: json({}),
          startsAt: values.startsAt ?? null,
          endsAt: values.endsAt ?? null,
          generatedBy: generatedByOf(lead),
        },
      });
      await recordAudit(tx, {
        shop: deps.shop,
        actor: deps.actor,
        action: "campaign.created",
        target: { type: "campaign", id: row.id },
        summary: {
          name: row.name,
          channel,
          languages,
          template: row.template,
          generatedBy: row.generatedBy,
          products: row.productIds.length,
        },
        ...auditRequest(deps),
      });
      await emitEvent(tx, {
        shop: deps.shop,
        event: "campaign.generated",
        data: {
          campaignId: row.id,
          variant: "A",
          channel,
          languages,
          personaId: row.personaId,
          segment: row.segment,
          productIds: row.productIds,
          generatedBy: row.generatedBy,
        },
      });
      out.push(row);
    }
    return out;
  });
  return Promise.all(rows.map((r) => toView(deps.prisma, r, first)));
}

/** Refuses changes to an archived campaign. */
function assertEditable(row: CampaignRow): void {
  if (row.status === "archived") throw new MarketingError("conflict", "marketing.error.archived");
}

export async function updateCampaign(deps: MarketingDeps, id: string, input: unknown): Promise<CampaignView> {
  const edit = parseInput(campaignUpdateSchema, input);
  const row = await findRow(deps.prisma, deps.shop, id);
  assertEditable(row);
  const startsAt = edit.startsAt === undefined ? row.startsAt : edit.startsAt;
  const endsAt = edit.endsAt === undefined ? row.endsAt : edit.endsAt;
  if (startsAt && endsAt && endsAt <= startsAt)
    throw new MarketingError("invalid_input", "marketing.error.form", {
      endsAt: { key: "marketing.error.endsAt" },
    });
  const saved = await deps.prisma.$transaction(async (tx) => {
    const updated = await tx.campaign.update({
      where: { id: row.id },
      data: { ...(edit.name === undefined ? {} : { name: edit.name }), startsAt, endsAt },
    });
    await recordAudit(tx, {
      shop: deps.shop,
      actor: deps.actor,
      action: "campaign.updated",
      target: { type: "campaign", id: row.id },
      summary: {
        fields: Object.keys(edit),
        name: { before: row.name, after: updated.name },
        endsAt: { before: row.endsAt?.toISOString() ?? null, after: updated.endsAt?.toISOString() ?? null },
      },
      ...auditRequest(deps),
    });
    return updated;
  });
  return toView(deps.prisma, saved, firstLanguage(row));
}

/** Saves the merchant's copy for one variant and language; refused when it breaks a channel limit. */
export async function updateCampaignCopy(
  deps: MarketingDeps,
  id: string,
  input: unknown,
): Promise<CampaignView> {
  const edit = parseInput(copyEditSchema, input, dottedPath);
  const row = await findRow(deps.prisma, deps.shop, id);
  assertEditable(row);
  const variants = variantsOf(row);
  const current = variants[edit.variant]?.[edit.language];
  if (!current) throw new MarketingError("not_found", "marketing.error.copyNotFound");
  if (edit.content.channel !== row.channel)
    throw new MarketingError("invalid_input", "marketing.error.form", {
      "content.channel": { key: "marketing.error.channel" },
    });
  const violations = validateChannelContent(edit.content, { language: edit.language });
  if (violations.length > 0) {
    const fields: FieldErrors = {};
    for (const v of violations)
      fields[`content.${v.path}`] ??= { key: "marketing.error.limit", params: { detail: v.message } };
    throw new MarketingError("invalid_input", "marketing.error.form", fields);
  }
  // Edited copy is the merchant's: no longer a template render (localisation translates it instead).
  const next: Variants = {
    ...variants,
    [edit.variant]: {
      ...variants[edit.variant],
      [edit.language]: { ...current, content: edit.content, template: null },
    },
  };
  const saved = await deps.prisma.$transaction(async (tx) => {
    const updated = await tx.campaign.update({ where: { id: row.id }, data: { variants: json(next) } });
    await recordAudit(tx, {
      shop: deps.shop,
      actor: deps.actor,
      action: "campaign.copy_updated",
      target: { type: "campaign", id: row.id },
      summary: { variant: edit.variant, language: edit.language, channel: row.channel },
      ...auditRequest(deps),
    });
    return updated;
  });
  return toView(deps.prisma, saved, edit.language);
}

/** The engine, skipping the response cache (a B variant must not be A's cached answer). */
function freshAnswers(ai: MarketingDeps["ai"]): MarketingDeps["ai"] {
  return new Proxy(ai, {
    get(target, property, receiver) {
      if (property === "run")
        return ((task, value, options) =>
          target.run(task, value, { ...options, cache: "bypass" })) as typeof ai.run;
      const member: unknown = Reflect.get(target, property, receiver);
      return typeof member === "function" ? (member as (...a: unknown[]) => unknown).bind(target) : member;
    },
  });
}

/**
 * Adds variant B in every language: the given template, else another template suited to the
 * segment than A's (template copy), else a fresh answer from the model.
 */
export async function addVariantB(deps: MarketingDeps, id: string, input: unknown): Promise<CampaignView> {
  const { template } = parseInput(variantBSchema, input ?? {});
  const row = await findRow(deps.prisma, deps.shop, id);
  assertEditable(row);
  const variants = variantsOf(row);
  if (variants.B) throw new MarketingError("conflict", "marketing.error.variantExists");
  const languages = row.languages as Language[];
  const [first = "en"] = languages;
  const lead = variants.A?.[first];
  if (!lead) throw new MarketingError("not_found", "marketing.error.copyNotFound");
  const offer = offerOf(lead);
  if (template) {
    const needs = templateNeeds(template, { offer, productIds: row.productIds });
    if (Object.keys(needs).length > 0)
      throw new MarketingError("invalid_input", "marketing.error.form", needs);
  }
  const segment = (row.segment as Segment | null) ?? null;
  // A's copy may have been edited (its template dropped): the row still says what A was rendered from.
  const usedTemplate = lead.template?.id ?? (row.template as TemplateId | null) ?? null;
  const alternative =
    template ??
    (usedTemplate
      ? [...(segment ? templatesForSegment(segment) : []), ...TEMPLATE_IDS].find(
          (t) =>
            t !== usedTemplate &&
            Object.keys(templateNeeds(t, { offer, productIds: row.productIds })).length === 0,
        )
      : undefined) ??
    null;
  const [products, persona] = await Promise.all([
    mirrorProducts(deps.prisma, deps.shop, row.productIds),
    personaFor(deps.prisma, deps.shop, row.personaId, first).catch(() => null),
  ]);
  const copies = await writeCopies(
    { ...deps, ai: freshAnswers(deps.ai) },
    {
      shop: { name: shopName(deps.shop), url: `https://${deps.shop}` },
      persona: persona?.persona ?? null,
      products,
      channel: row.channel as Channel,
      language: first,
      offer,
      template: alternative,
    },
    languages,
  );
  const saved = await deps.prisma.$transaction(async (tx) => {
    const updated = await tx.campaign.update({
      where: { id: row.id },
      data: { variants: json({ ...variants, B: copies }) },
    });
    await recordAudit(tx, {
      shop: deps.shop,
      actor: deps.actor,
      action: "campaign.variant_added",
      target: { type: "campaign", id: row.id },
      summary: { variant: "B", template: copies[first]?.template?.id ?? null, languages },
      ...auditRequest(deps),
    });
    await emitEvent(tx, {
      shop: deps.shop,
      event: "campaign.generated",
      data: { campaignId: row.id, variant: "B", channel: row.channel, languages },
    });
    return updated;
  });
  return toView(deps.prisma, saved, first);
}

/** The offer a template copy was rendered with (kept for variant B). */
function offerOf(c: Campaign): z.output<typeof offerSchema> | null {
  const v = c.template?.variables ?? {};
  if (typeof v.code !== "string" || typeof v.discountPercent !== "number") return null;
  return {
    code: v.code,
    discountPercent: v.discountPercent,
    hours: typeof v.hours === "number" ? v.hours : null,
    season: typeof v.season === "string" ? v.season : null,
  };
}

/** Stores the A/B figures (sent and conversions per variant); the view carries core's verdict. */
export async function recordCampaignResults(
  deps: MarketingDeps,
  id: string,
  input: unknown,
  language: Language = "en",
): Promise<CampaignView> {
  const results = parseInput(resultsSchema, input, dottedPath);
  const row = await findRow(deps.prisma, deps.shop, id);
  if (results.B && !variantsOf(row).B)
    throw new MarketingError("invalid_input", "marketing.error.form", {
      B: { key: "marketing.error.noVariantB" },
    });
  const next: Results = { A: results.A, ...(results.B ? { B: results.B } : {}) };
  const verdict = campaignVerdict(next, "en");
  const saved = await deps.prisma.$transaction(async (tx) => {
    const updated = await tx.campaign.update({ where: { id: row.id }, data: { results: json(next) } });
    await recordAudit(tx, {
      shop: deps.shop,
      actor: deps.actor,
      action: "campaign.results_recorded",
      target: { type: "campaign", id: row.id },
      summary: {
        before: resultsOf(row),
        after: next,
        verdict: verdict?.status ?? null,
        winner: verdict?.winner ?? null,
      },
      ...auditRequest(deps),
    });
    return updated;
  });
  return toView(deps.prisma, saved, language);
}

const csvCell = (v: string) => {
  // A leading = + - @ would run as a formula in a spreadsheet: prefix it with a quote.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const escapeHtml = (v: string) =>
  v
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
const safeUrl = (v: string) => (/^https?:\/\//i.test(v) ? v : "#");

/** A sendable HTML email (table layout, inline styles, hidden preheader); merge tags kept for the sender. */
export function emailHtml(
  content: Extract<ChannelContent, { channel: "email" }>,
  language: Language,
): string {
  const paragraphs = (body: string) =>
    body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map(
        (p) =>
          `<p style="margin:0 0 16px;font-size:16px;line-height:1.5">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`,
      )
      .join("");
  return [
    "<!DOCTYPE html>",
    `<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f6f6f7;font-family:Helvetica,Arial,sans-serif;color:#202223">',
    `<span style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preheader)}</span>`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">',
    '<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px"><tr><td style="padding:32px">',
    ...content.sections.map(
      (s) =>
        `${s.heading ? `<h2 style="margin:0 0 12px;font-size:20px">${escapeHtml(s.heading)}</h2>` : ""}${paragraphs(s.body)}`,
    ),
    `<a href="${escapeHtml(safeUrl(content.cta.url))}" style="display:inline-block;padding:12px 24px;background:#008060;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(content.cta.label)}</a>`,
    "</td></tr></table></td></tr></table></body></html>",
  ].join("\n");
}

const slug = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_]+/g, "-")
    .toLowerCase()
    .slice(0, 60) || "campaign";

/**
 * The campaign's copy as a file: plain text (every language of the variant, or one), CSV (one row
 * per variant × language, one column per field: ready for a spreadsheet or an ads editor), or
 * the HTML email (email campaigns, one language).
 */
export async function exportCampaign(
  prisma: PrismaClient,
  shop: string,
  id: string,
  input: unknown,
  /** The merchant's admin language, for the exports' field labels. */
  adminLanguage: Language = "en",
): Promise<{ filename: string; contentType: string; body: string }> {
  const options = parseInput(exportSchema, input);
  const row = await findRow(prisma, shop, id);
  const variants = variantsOf(row);
  const languages = (row.languages as Language[]).filter((l) => !options.language || l === options.language);
  const variantIds = VARIANTS.filter((v) => variants[v] && (!options.variant || v === options.variant));
  const copies = variantIds.flatMap((v) =>
    languages.flatMap((l) => {
      const c = variants[v]?.[l];
      return c ? [{ variant: v, language: l, content: c.content }] : [];
    }),
  );
  if (copies.length === 0) throw new MarketingError("not_found", "marketing.error.copyNotFound");
  const base = `${slug(row.name)}-${row.channel}`;
  switch (options.format) {
    case "text":
      return {
        filename: `${base}.txt`,
        contentType: "text/plain; charset=utf-8",
        body: copies
          .map((c) =>
            [
              `# ${row.name} · ${row.channel} · ${c.variant} · ${c.language}`,
              ...contentFields(c.content, adminLanguage).map(([k, v]) => `${k}:\n${v}`),
            ].join("\n\n"),
          )
          .join("\n\n----------\n\n"),
      };
    case "csv": {
      const labels: string[] = [];
      for (const c of copies)
        for (const [k] of contentFields(c.content, adminLanguage)) if (!labels.includes(k)) labels.push(k);
      const lines = [
        [t(adminLanguage, "campaigns.export.columnVariant"), t(adminLanguage, "personas.language"), ...labels]
          .map(csvCell)
          .join(","),
        ...copies.map((c) => {
          const fields = new Map(contentFields(c.content, adminLanguage));
          return [c.variant, c.language, ...labels.map((k) => fields.get(k) ?? "")].map(csvCell).join(",");
        }),
      ];
      // The BOM makes spreadsheet apps read UTF-8 (accents, Japanese) correctly.
      return {
        filename: `${base}.csv`,
        contentType: "text/csv; charset=utf-8",
        body: `\uFEFF${lines.join("\r\n")}\r\n`,
      };
    }
    case "html": {
      const copy = copies[0];
      if (row.channel !== "email" || !copy || copy.content.channel !== "email")
        throw new MarketingError("invalid_input", "marketing.error.form", {
          format: { key: "marketing.error.htmlEmailOnly" },
        });
      return {
        filename: `${base}-${copy.variant}-${copy.language}.html`,
        contentType: "text/html; charset=utf-8",
        body: emailHtml(copy.content, copy.language),
      };
    }
  }
}

/** A storefront refusal as the services' error (`endsAt` is the field the merchant can fix). */
function publishError(error: unknown): never {
  if (error instanceof StorefrontPublishError) {
    if (error.code === "not_found") throw new MarketingError("not_found", "marketing.error.campaignNotFound");
    if (error.issues.some((i) => i.path === "endsAt"))
      throw new MarketingError("invalid_input", "marketing.error.form", {
        endsAt: { key: "marketing.error.endsAtNeeded" },
      });
    if (error.issues.some((i) => i.path === "status"))
      throw new MarketingError("conflict", "marketing.error.archived");
    throw new MarketingError("invalid_input", "marketing.error.form", {
      form: { key: "marketing.error.invalid", params: { detail: error.message } },
    });
  }
  throw error;
}

/** The language a campaign view opens in: its first one. */
const firstLanguage = (row: { languages: string[] }): Language =>
  (row.languages[0] as Language | undefined) ?? "en";

/** Publishes the campaign (variant A) as the storefront banner; the previously published one goes back to draft. */
export async function publishShopCampaign(
  deps: MarketingDeps,
  ctx: StorefrontContext,
  id: string,
): Promise<CampaignView> {
  const row = await findRow(deps.prisma, deps.shop, id);
  assertEditable(row);
  await publishCampaign(ctx, deps.shop, row.id, { actor: deps.actor, ...auditRequest(deps) }).catch(
    publishError,
  );
  return getCampaign(deps.prisma, deps.shop, row.id, firstLanguage(row));
}

/** Takes the campaign off the storefront (back to draft). */
export async function unpublishShopCampaign(
  deps: MarketingDeps,
  ctx: StorefrontContext,
  id: string,
): Promise<CampaignView> {
  const row = await findRow(deps.prisma, deps.shop, id);
  await unpublishCampaign(ctx, deps.shop, row.id, { actor: deps.actor, ...auditRequest(deps) }).catch(
    publishError,
  );
  return getCampaign(deps.prisma, deps.shop, row.id, firstLanguage(row));
}

/** Archives the campaign (read-only from then on), taking it off the storefront first if live. */
export async function archiveCampaign(
  deps: MarketingDeps,
  ctx: StorefrontContext,
  id: string,
): Promise<CampaignView> {
  const row = await findRow(deps.prisma, deps.shop, id);
  if (row.status === "archived") return toView(deps.prisma, row, firstLanguage(row));
  if (row.status === "published")
    await unpublishCampaign(ctx, deps.shop, row.id, { actor: deps.actor, ...auditRequest(deps) }).catch(
      publishError,
    );
  const saved = await deps.prisma.$transaction(async (tx) => {
    const updated = await tx.campaign.update({
      where: { id: row.id },
      data: { status: "archived", publishedAt: null },
    });
    await recordAudit(tx, {
      shop: deps.shop,
      actor: deps.actor,
      action: "campaign.archived",
      target: { type: "campaign", id: row.id },
      summary: { status: { before: row.status, after: "archived" } },
      ...auditRequest(deps),
    });
    return updated;
  });
  return toView(deps.prisma, saved, firstLanguage(row));
}
