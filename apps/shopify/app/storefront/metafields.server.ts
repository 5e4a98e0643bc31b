/**
 * Storefront writers: what the merchant publishes in the admin, written live to the metafields the
 * theme extension reads (the contract: `@ninjalead/theme-extension/contract`, docs/storefront.md).
 *
 * Every writer
 * - builds the value from our tables and validates it against the contract before any write
 *   (nothing partial reaches the store);
 * - writes the value AND the matching app-data availability flag (`has_jsonld`, `has_faq`,
 *   `has_campaign`) in ONE `metafieldsSet` call, which Shopify applies all or nothing, so a block is
 *   never offered in the theme editor without data (unpublishing deletes the value, then sets the
 *   flag to whether anything of that kind is still published);
 * - then updates our row (FAQ/campaign status) and the audit trail in one transaction;
 * - throws {@link StorefrontPublishError}: `not_found` (no such row in this shop), `invalid` (the
 *   value breaks the contract: `issues` name the fields), `store_rejected` (Shopify's userErrors,
 *   verbatim). Transport failures stay AdminApiError (already typed, retried by the client).
 *
 *   publishProductJsonLd(ctx, shop, productId: bigint, by?)            → { metafieldId }
 *   unpublishProductJsonLd(ctx, shop, productId: bigint, by?)          → { deleted }
 *   publishProductFaq(ctx, shop, productId: bigint, language, by?)     → { metafieldId, languages }
 *   unpublishProductFaq(ctx, shop, productId: bigint, language, by?)   → { languages } (still live)
 *   publishCampaign(ctx, shop, campaignId: string, by?)                → { metafieldId, replaced }
 *   unpublishCampaign(ctx, shop, campaignId: string, by?)              → { deleted }
 *
 * `by` = `{ actor, requestId }` for the audit trail (default actor: system "storefront").
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import type { FieldIssue } from "@ninjalead/core";
import type { Campaign as CoreCampaign, ChannelContent } from "@ninjalead/core/campaigns";
import { isLanguage, LANGUAGES, normalizeLanguage, type Language } from "@ninjalead/core/i18n";
import { buildProductJsonLd } from "@ninjalead/core/seo";
import {
  APP_DATA_NAMESPACE,
  AVAILABILITY_FLAGS,
  METAFIELD_DEFINITIONS,
  METAFIELD_NAMESPACE,
  toMetafieldsSetInput,
  type CampaignValue,
  type MetafieldKey,
  type ProductFaqValue,
} from "@ninjalead/theme-extension/contract";
import type { AppContext } from "~/context.server.js";
import { toSeoInput, withParts } from "~/catalog/products.server.js";
import type { AdminClient } from "~/shopify/admin-client.server.js";
import {
  APP_METAFIELD_DEFINITIONS,
  METAFIELDS_DELETE,
  METAFIELDS_SET,
  STOREFRONT_OWNERS,
} from "~/shopify/graphql/storefront.js";
import { recordAudit, type Actor } from "~/trust/audit.server.js";

/** What the writers use of the app context (tests and jobs pass the full one). */
export type StorefrontContext = Pick<AppContext, "db" | "admin" | "logger">;

/** Who publishes, for the audit trail. */
export interface PublishedBy {
  actor?: Actor;
  requestId?: string;
}

export type StorefrontPublishErrorCode = "not_found" | "invalid" | "store_rejected";

/** A publish or unpublish that did not happen; nothing was written to the store or our tables. */
export class StorefrontPublishError extends Error {
  override readonly name = "StorefrontPublishError";
  constructor(
    readonly code: StorefrontPublishErrorCode,
    message: string,
    /** The offending fields (contract paths such as `texts.fr.message`, or Shopify's field path). */
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

const SYSTEM_ACTOR: Actor = { type: "system", id: "storefront" };

interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

function rejected(operation: string, userErrors: readonly UserError[]): StorefrontPublishError {
  return new StorefrontPublishError(
    "store_rejected",
    `Shopify refused ${operation}: ${userErrors.map((e) => e.message).join("; ")}`,
    userErrors.map((e) => ({ path: e.field?.join(".") ?? "(root)", message: e.message })),
  );
}

/** Runs the contract's validation, turning its ValidationError into our typed error. */
function contractInput(ownerId: string, key: MetafieldKey, value: unknown) {
  try {
    return toMetafieldsSetInput(ownerId, key, value);
  } catch (error) {
    const issues = (error as { issues?: readonly FieldIssue[] }).issues;
    if (issues) throw new StorefrontPublishError("invalid", (error as Error).message, issues);
    throw error;
  }
}

interface Owners {
  shopId: string;
  installationId: string;
}

async function owners(admin: AdminClient): Promise<Owners> {
  const data = await admin.request<{ shop: { id: string }; currentAppInstallation: { id: string } }>(
    STOREFRONT_OWNERS,
  );
  return { shopId: data.shop.id, installationId: data.currentAppInstallation.id };
}

function flagInput(installationId: string, key: MetafieldKey, on: boolean) {
  return {
    ownerId: installationId,
    namespace: APP_DATA_NAMESPACE,
    key: AVAILABILITY_FLAGS[key],
    type: "boolean",
    value: String(on),
  };
}

/** One all-or-nothing metafieldsSet; returns the ids of what was written, in input order. */
async function setMetafields(
  admin: AdminClient,
  operation: string,
  metafields: Record<string, unknown>[],
): Promise<string[]> {
  const data = await admin.request<{
    metafieldsSet: { metafields: { id: string }[] | null; userErrors: UserError[] } | null;
  }>(METAFIELDS_SET, { metafields });
  const result = data.metafieldsSet;
  if (!result || result.userErrors.length > 0) throw rejected(operation, result?.userErrors ?? []);
  return (result.metafields ?? []).map((m) => m.id);
}

/** Deletes one contract metafield; true when it existed. */
async function deleteMetafield(
  admin: AdminClient,
  operation: string,
  ownerId: string,
  key: MetafieldKey,
): Promise<boolean> {
  const data = await admin.request<{
    metafieldsDelete: { deletedMetafields: (object | null)[] | null; userErrors: UserError[] } | null;
  }>(METAFIELDS_DELETE, { metafields: [{ ownerId, namespace: METAFIELD_NAMESPACE, key }] });
  const result = data.metafieldsDelete;
  if (!result || result.userErrors.length > 0) throw rejected(operation, result?.userErrors ?? []);
  return (result.deletedMetafields ?? []).some((m) => m !== null);
}

/** How many owners hold a contract metafield, as Shopify counts them on the definition. */
async function metafieldCount(admin: AdminClient, key: MetafieldKey): Promise<number> {
  const definition = METAFIELD_DEFINITIONS.find((d) => d.key === key);
  if (!definition) return 0;
  const data = await admin.request<{
    metafieldDefinitions: { nodes: { key: string; metafieldsCount: number }[] };
  }>(APP_METAFIELD_DEFINITIONS, { ownerType: definition.ownerType, namespace: METAFIELD_NAMESPACE });
  return data.metafieldDefinitions.nodes.find((d) => d.key === key)?.metafieldsCount ?? 0;
}

const productGid = (productId: bigint) => `gid://shopify/Product/${productId}`;

async function shopLanguage(prisma: PrismaClient, shop: string): Promise<Language> {
  const row = await prisma.shop.findUnique({ where: { domain: shop }, select: { primaryLocale: true } });
  return normalizeLanguage(row?.primaryLocale);
}

async function audit(
  tx: Prisma.TransactionClient,
  shop: string,
  by: PublishedBy,
  action: string,
  target: { type: string; id: string },
  summary: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, {
    shop,
    actor: by.actor ?? SYSTEM_ACTOR,
    action,
    target,
    summary,
    ...(by.requestId ? { requestId: by.requestId } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// Product JSON-LD

/**
 * Publishes a synced product's structured data (core `buildProductJsonLd` on our mirror of it) to
 * its `$app.jsonld` metafield and sets `has_jsonld`.
 */
export async function publishProductJsonLd(
  ctx: StorefrontContext,
  shop: string,
  productId: bigint,
  by: PublishedBy = {},
): Promise<{ metafieldId: string }> {
  const { prisma } = ctx.db;
  const product = await prisma.product.findUnique({ where: { shop_id: { shop, id: productId } } });
  const [parts] = product ? await withParts(prisma, shop, [product]) : [];
  if (!parts) throw new StorefrontPublishError("not_found", `Product ${productId} is not synced for ${shop}`);
  const jsonLd = buildProductJsonLd(toSeoInput(parts, await shopLanguage(prisma, shop), shop), {
    shop: { domain: shop },
  });
  const input = contractInput(productGid(productId), "jsonld", { version: 1, ...jsonLd });
  const admin = ctx.admin(shop);
  const { installationId } = await owners(admin);
  const [metafieldId = ""] = await setMetafields(admin, "the structured data", [
    input,
    flagInput(installationId, "jsonld", true),
  ]);
  await prisma.$transaction(async (tx) => {
    await audit(
      tx,
      shop,
      by,
      "storefront.jsonld_published",
      { type: "product", id: productId.toString() },
      {
        properties: Object.keys(jsonLd.product).filter((k) => !k.startsWith("@")),
        breadcrumbs: Array.isArray(jsonLd.breadcrumbs.itemListElement)
          ? jsonLd.breadcrumbs.itemListElement.length
          : 0,
      },
    );
  });
  return { metafieldId };
}

/** Removes a product's structured data; `has_jsonld` stays true while another product has some. */
export async function unpublishProductJsonLd(
  ctx: StorefrontContext,
  shop: string,
  productId: bigint,
  by: PublishedBy = {},
): Promise<{ deleted: boolean }> {
  const admin = ctx.admin(shop);
  const deleted = await deleteMetafield(
    admin,
    "removing the structured data",
    productGid(productId),
    "jsonld",
  );
  const { installationId } = await owners(admin);
  const remaining = await metafieldCount(admin, "jsonld");
  await setMetafields(admin, "the structured data flag", [
    flagInput(installationId, "jsonld", remaining > 0),
  ]);
  await ctx.db.prisma.$transaction(async (tx) => {
    await audit(
      tx,
      shop,
      by,
      "storefront.jsonld_unpublished",
      { type: "product", id: productId.toString() },
      {
        deleted,
        productsWithJsonLd: remaining,
      },
    );
  });
  return { deleted };
}

// ---------------------------------------------------------------------------------------------
// Product FAQ

const faqItemsSchemaMessage = "items must be a list of { question, answer }";

function faqItemsOf(items: Prisma.JsonValue): { question: string; answer: string }[] {
  if (!Array.isArray(items)) throw new StorefrontPublishError("invalid", faqItemsSchemaMessage);
  return items.map((item) => {
    const record = (item ?? {}) as Record<string, unknown>;
    return {
      question: typeof record.question === "string" ? record.question : "",
      answer: typeof record.answer === "string" ? record.answer : "",
    };
  });
}

/** The product's FAQ metafield value from its published languages (plus/minus `change`). */
async function faqValue(
  prisma: PrismaClient,
  shop: string,
  productId: bigint,
  change: { publish?: Language; unpublish?: Language },
): Promise<ProductFaqValue | null> {
  const rows = await prisma.productFaq.findMany({ where: { shop, productId } });
  const live = rows.filter(
    (r) =>
      isLanguage(r.language) &&
      r.language !== change.unpublish &&
      (r.status === "published" || r.language === change.publish),
  );
  if (live.length === 0) return null;
  const items: Partial<Record<Language, { question: string; answer: string }[]>> = {};
  for (const row of live) items[row.language as Language] = faqItemsOf(row.items);
  const primary = await shopLanguage(prisma, shop);
  const languages = LANGUAGES.filter((l) => items[l] !== undefined);
  const defaultLanguage = items[primary] ? primary : (languages[0] as Language);
  return { version: 1, defaultLanguage, items };
}

async function publishedFaqCount(prisma: Prisma.TransactionClient | PrismaClient, shop: string) {
  return prisma.productFaq.count({ where: { shop, status: "published" } });
}

/**
 * Publishes the reviewed FAQ of one language (the ProductFaq row) to the product's `$app.faq`
 * metafield, alongside the languages already published, and sets `has_faq`.
 */
export async function publishProductFaq(
  ctx: StorefrontContext,
  shop: string,
  productId: bigint,
  language: Language,
  by: PublishedBy = {},
): Promise<{ metafieldId: string; languages: Language[] }> {
  const { prisma } = ctx.db;
  const row = await prisma.productFaq.findUnique({
    where: { shop_productId_language: { shop, productId, language } },
  });
  if (!row) {
    throw new StorefrontPublishError("not_found", `No ${language} FAQ for product ${productId} in ${shop}`);
  }
  const value = await faqValue(prisma, shop, productId, { publish: language });
  const input = contractInput(productGid(productId), "faq", value);
  const admin = ctx.admin(shop);
  const { installationId } = await owners(admin);
  const [metafieldId = ""] = await setMetafields(admin, "the FAQ", [
    input,
    flagInput(installationId, "faq", true),
  ]);
  await prisma.$transaction(async (tx) => {
    await tx.productFaq.update({
      where: { shop_productId_language: { shop, productId, language } },
      data: { status: "published", publishedAt: new Date() },
    });
    await audit(
      tx,
      shop,
      by,
      "storefront.faq_published",
      { type: "product", id: productId.toString() },
      {
        language,
        questions: faqItemsOf(row.items).length,
      },
    );
  });
  return { metafieldId, languages: Object.keys(value?.items ?? {}) as Language[] };
}

/**
 * Takes one language's FAQ off the storefront (the row goes back to draft, kept for editing). The
 * metafield keeps the other published languages, or is deleted with the last; `has_faq` follows
 * whether any product of the shop still has a published FAQ.
 */
export async function unpublishProductFaq(
  ctx: StorefrontContext,
  shop: string,
  productId: bigint,
  language: Language,
  by: PublishedBy = {},
): Promise<{ languages: Language[] }> {
  const { prisma } = ctx.db;
  const row = await prisma.productFaq.findUnique({
    where: { shop_productId_language: { shop, productId, language } },
  });
  if (!row) {
    throw new StorefrontPublishError("not_found", `No ${language} FAQ for product ${productId} in ${shop}`);
  }
  const value = await faqValue(prisma, shop, productId, { unpublish: language });
  const admin = ctx.admin(shop);
  const { installationId } = await owners(admin);
  const othersPublished = (await publishedFaqCount(prisma, shop)) - (row.status === "published" ? 1 : 0) > 0;
  if (value) {
    await setMetafields(admin, "the FAQ", [
      contractInput(productGid(productId), "faq", value),
      flagInput(installationId, "faq", true),
    ]);
  } else {
    await deleteMetafield(admin, "removing the FAQ", productGid(productId), "faq");
    await setMetafields(admin, "the FAQ flag", [flagInput(installationId, "faq", othersPublished)]);
  }
  await prisma.$transaction(async (tx) => {
    await tx.productFaq.update({
      where: { shop_productId_language: { shop, productId, language } },
      data: { status: "draft", publishedAt: null },
    });
    await audit(
      tx,
      shop,
      by,
      "storefront.faq_unpublished",
      { type: "product", id: productId.toString() },
      {
        language,
        remainingLanguages: Object.keys(value?.items ?? {}),
      },
    );
  });
  return { languages: Object.keys(value?.items ?? {}) as Language[] };
}

// ---------------------------------------------------------------------------------------------
// Campaign

/** A banner is one line of copy: the first paragraph of longer channel content. */
function firstParagraph(text: string): string {
  return (
    text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p !== "") ?? ""
  );
}

/** The banner text of one language's copy, whatever channel it was written for. */
export function bannerText(content: ChannelContent): {
  message: string;
  ctaLabel?: string;
  ctaUrl?: string;
} {
  switch (content.channel) {
    case "email":
      return { message: content.subject, ctaLabel: content.cta.label, ctaUrl: content.cta.url };
    case "sms":
      return { message: firstParagraph(content.text) };
    case "instagram":
      return { message: firstParagraph(content.caption) };
    case "facebook":
      return { message: firstParagraph(content.text) };
    case "meta_ad":
      return { message: content.primaryText, ctaLabel: content.headline };
    case "google_rsa":
      return {
        message: [content.headlines[0], content.descriptions[0]].filter(Boolean).join(" — "),
      };
  }
}

/**
 * The contract's campaign value from a Campaign row: variant A's copy in each target language,
 * the row's dates (start defaults to now; an end date is required: a banner must stop).
 */
export function campaignValueOf(
  row: {
    id: string;
    languages: string[];
    variants: Prisma.JsonValue;
    startsAt: Date | null;
    endsAt: Date | null;
  },
  now: Date,
): CampaignValue {
  const variantA = ((row.variants ?? {}) as Record<string, unknown>).A as
    Record<string, CoreCampaign | undefined> | undefined;
  if (!row.endsAt) {
    throw new StorefrontPublishError("invalid", "A campaign needs an end date to be published", [
      { path: "endsAt", message: "required" },
    ]);
  }
  const languages = row.languages.filter(isLanguage);
  const texts: Partial<Record<Language, { message: string; ctaLabel?: string }>> = {};
  let ctaUrl: string | undefined;
  for (const language of languages) {
    const copy = variantA?.[language];
    if (!copy?.content) continue;
    const { message, ctaLabel, ctaUrl: url } = bannerText(copy.content);
    texts[language] = { message, ...(ctaLabel ? { ctaLabel } : {}) };
    ctaUrl ??= url;
  }
  return {
    version: 1,
    id: row.id,
    startsAt: (row.startsAt ?? now).toISOString(),
    endsAt: row.endsAt.toISOString(),
    languages,
    texts,
    ...(ctaUrl ? { ctaUrl } : {}),
  };
}

/**
 * Publishes a campaign as the shop's banner (`$app.campaign`, one per shop) and sets
 * `has_campaign`. A campaign published before is replaced: its row goes back to draft.
 */
export async function publishCampaign(
  ctx: StorefrontContext,
  shop: string,
  campaignId: string,
  by: PublishedBy = {},
): Promise<{ metafieldId: string; replaced: string | null }> {
  const { prisma } = ctx.db;
  const row = await prisma.campaign.findFirst({ where: { id: campaignId, shop } });
  if (!row) throw new StorefrontPublishError("not_found", `No campaign ${campaignId} in ${shop}`);
  if (row.status === "archived") {
    throw new StorefrontPublishError("invalid", "An archived campaign cannot be published", [
      { path: "status", message: "is archived" },
    ]);
  }
  const now = new Date();
  const value = campaignValueOf(row, now);
  const admin = ctx.admin(shop);
  const { shopId, installationId } = await owners(admin);
  const input = contractInput(shopId, "campaign", value);
  const [metafieldId = ""] = await setMetafields(admin, "the campaign", [
    input,
    flagInput(installationId, "campaign", true),
  ]);
  const replaced = await prisma.$transaction(async (tx) => {
    const previous = await tx.campaign.findFirst({
      where: { shop, status: "published", id: { not: campaignId } },
      select: { id: true },
    });
    if (previous) {
      await tx.campaign.updateMany({
        where: { shop, status: "published", id: { not: campaignId } },
        data: { status: "draft" },
      });
    }
    await tx.campaign.update({
      where: { id: campaignId },
      data: { status: "published", publishedAt: now },
    });
    await audit(
      tx,
      shop,
      by,
      "storefront.campaign_published",
      { type: "campaign", id: campaignId },
      {
        languages: value.languages,
        startsAt: value.startsAt,
        endsAt: value.endsAt,
        replaced: previous?.id ?? null,
      },
    );
    return previous?.id ?? null;
  });
  return { metafieldId, replaced };
}

/**
 * Takes the campaign off the storefront if it is the published one (deletes `$app.campaign`, sets
 * `has_campaign` false, row back to draft). A campaign that is not published: nothing to do.
 */
export async function unpublishCampaign(
  ctx: StorefrontContext,
  shop: string,
  campaignId: string,
  by: PublishedBy = {},
): Promise<{ deleted: boolean }> {
  const { prisma } = ctx.db;
  const row = await prisma.campaign.findFirst({ where: { id: campaignId, shop } });
  if (!row) throw new StorefrontPublishError("not_found", `No campaign ${campaignId} in ${shop}`);
  if (row.status !== "published") return { deleted: false };
  const admin = ctx.admin(shop);
  const { shopId, installationId } = await owners(admin);
  const deleted = await deleteMetafield(admin, "removing the campaign", shopId, "campaign");
  await setMetafields(admin, "the campaign flag", [flagInput(installationId, "campaign", false)]);
  await prisma.$transaction(async (tx) => {
    await tx.campaign.update({ where: { id: campaignId }, data: { status: "draft", publishedAt: null } });
    await audit(tx, shop, by, "storefront.campaign_unpublished", { type: "campaign", id: campaignId }, {});
  });
  return { deleted };
}
