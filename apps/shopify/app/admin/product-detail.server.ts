import type { PrismaClient } from "@prisma/client";
import type { Logger } from "@ninjalead/core";
import type { AIEngine } from "@ninjalead/core/ai";
import type { Language } from "@ninjalead/core/i18n";
import {
  buildProductJsonLd,
  formatMessage,
  serializeJsonLd,
  suggestFixes,
  titleWidthPx,
  MAX_TITLE_PX,
} from "@ninjalead/core/seo";
import { z } from "zod";
import { toSeoInput, withParts } from "~/catalog/products.server.js";
import type { AdminClient } from "~/shopify/admin-client.server.js";
import { PRODUCT_UPDATE } from "~/shopify/graphql/products.js";
import { writeAltTexts } from "~/shopify/media-alt.server.js";
import { recordAudit, type Actor } from "~/trust/audit.server.js";
import { auditSynced, ratingFor, scoreProducts } from "./seo-scores.server.js";

/** Google shows descriptions up to about 920 px of Arial 14 px: the same glyph widths, scaled from 20 px. */
const MAX_DESCRIPTION_PX = Math.round((920 * 20) / 14);
const ELLIPSIS = " ...";

/** Cuts text to what fits in `maxPx` (measured like Google's Arial) and marks the cut as Google does. */
export function truncateToWidth(text: string, maxPx: number): { text: string; truncated: boolean } {
  const clean = text.replace(/\s+/g, " ").trim();
  if (titleWidthPx(clean) <= maxPx) return { text: clean, truncated: false };
  const chars = Array.from(clean);
  let end = chars.length;
  while (end > 0 && titleWidthPx(chars.slice(0, end).join("") + ELLIPSIS) > maxPx) end--;
  // Google cuts at a word boundary when one is close.
  let cut = chars.slice(0, end).join("");
  const space = cut.lastIndexOf(" ");
  if (space > cut.length * 0.7) cut = cut.slice(0, space);
  return { text: cut.trimEnd() + ELLIPSIS, truncated: true };
}

function textOf(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

export interface CheckView {
  id: string;
  category: "seo" | "readability";
  rating: "good" | "ok" | "bad";
  message: string;
  fix: string | null;
}

export interface ProductDetail {
  id: string;
  title: string;
  handle: string;
  status: string;
  seoTitle: string;
  seoDescription: string;
  seoScore: number;
  readabilityScore: number;
  rating: "good" | "ok" | "bad";
  checks: CheckView[];
  research: {
    wordCount: number;
    sentenceCount: number;
    paragraphCount: number;
    averageSentenceLength: number;
    readingEase: number | null;
    longSentences: number;
    passiveSentences: number;
    transitionSentences: number;
    imagesWithoutAlt: number;
    imageCount: number;
  };
  preview: {
    url: string;
    title: string;
    titleTruncated: boolean;
    description: string;
    descriptionTruncated: boolean;
  };
  jsonLd: string;
  /** The product's media in order, with their alt texts (editable on the page). */
  images: ProductImage[];
}

export interface ProductImage {
  /** The media's numeric id (`gid://shopify/MediaImage/<id>`). */
  id: string;
  url: string | null;
  alt: string;
}

/**
 * A synced product's page data: a fresh audit (also stored as its score), every check rendered in
 * the admin's language, the readability figures, Google's result preview and the JSON-LD.
 * Null when the product is not in the shop's mirror.
 */
export async function loadProductDetail(
  prisma: PrismaClient,
  shop: string,
  productId: bigint,
  contentLanguage: string,
  adminLanguage: Language,
  logger: Logger,
): Promise<ProductDetail | null> {
  const product = await prisma.product.findUnique({ where: { shop_id: { shop, id: productId } } });
  if (!product) return null;
  const [parts] = await withParts(prisma, shop, [product]);
  if (!parts) return null;
  const audits = await scoreProducts(prisma, shop, contentLanguage, [product], logger);
  const audit = audits.get(product.id.toString());
  if (!audit) throw new Error(`The SEO audit could not read product ${product.id}`);
  const input = toSeoInput(parts, audit.language, shop);
  const r = audit.research;
  const title = truncateToWidth(product.seoTitle || product.title, MAX_TITLE_PX);
  const description = truncateToWidth(
    product.seoDescription || textOf(product.descriptionHtml),
    MAX_DESCRIPTION_PX,
  );
  return {
    id: product.id.toString(),
    title: product.title,
    handle: product.handle,
    status: product.status,
    seoTitle: product.seoTitle ?? "",
    seoDescription: product.seoDescription ?? "",
    seoScore: audit.seoScore,
    readabilityScore: audit.readabilityScore,
    rating: ratingFor(audit.seoScore),
    checks: audit.checks.map((c) => ({
      id: c.id,
      category: c.category,
      rating: c.rating,
      message: formatMessage(adminLanguage, c.messageKey, c.params),
      fix: c.fixKey ? formatMessage(adminLanguage, c.fixKey, c.params) : null,
    })),
    research: {
      wordCount: r.wordCount,
      sentenceCount: r.sentenceCount,
      paragraphCount: r.paragraphCount,
      averageSentenceLength: r.averageSentenceLength,
      readingEase: r.readingEase ? Math.round(r.readingEase.score) : null,
      longSentences: r.sentenceLengths.long + r.sentenceLengths.veryLong,
      passiveSentences: r.passiveSentences,
      transitionSentences: r.transitionSentences,
      imagesWithoutAlt: r.imagesWithoutAlt,
      imageCount: r.imageCount,
    },
    preview: {
      url: `https://${shop} › products › ${product.handle}`,
      title: title.text,
      titleTruncated: title.truncated,
      description: description.text,
      descriptionTruncated: description.truncated,
    },
    // Indented for reading; the storefront embeds the compact form (serializeJsonLd).
    jsonLd: JSON.stringify(JSON.parse(serializeJsonLd(buildProductJsonLd(input).product)), null, 2),
    images: parts.media.map((m) => ({ id: m.id.toString(), url: m.url, alt: m.alt ?? "" })),
  };
}

/** The SEO form, validated on the server; messages are i18n keys rendered by the page. */
export const seoFormSchema = z.object({
  seoTitle: z
    .string()
    .trim()
    .min(1, { message: "product.errorTitleEmpty" })
    .max(70, { message: "product.errorTitleLong" }),
  seoDescription: z.string().trim().max(320, { message: "product.errorDescriptionLong" }),
});
export type SeoForm = z.infer<typeof seoFormSchema>;
export type SeoErrorKey =
  "product.errorTitleEmpty" | "product.errorTitleLong" | "product.errorDescriptionLong";

export type SaveSeoResult =
  | { ok: true }
  | {
      ok: false;
      /** i18n keys of the zod messages, per field. */
      fieldErrors: Partial<Record<keyof SeoForm, SeoErrorKey>>;
      /** The store refused the change (Shopify's userErrors, verbatim: Shopify words them). */
      storeErrors?: string[];
    };

/**
 * Saves a product's SEO title and meta description: live to the store through the Admin API first
 * (Shopify is the source of truth), then the local mirror and the audit trail in one transaction.
 */
export async function saveProductSeo(options: {
  prisma: PrismaClient;
  admin: AdminClient;
  shop: string;
  productId: bigint;
  form: FormData;
  actor: Actor;
  requestId?: string;
}): Promise<SaveSeoResult> {
  const { prisma, admin, shop, productId, actor } = options;
  const parsed = seoFormSchema.safeParse({
    seoTitle: options.form.get("seoTitle") ?? "",
    seoDescription: options.form.get("seoDescription") ?? "",
  });
  if (!parsed.success) {
    const fieldErrors: Partial<Record<keyof SeoForm, SeoErrorKey>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "seoTitle" || field === "seoDescription") && !fieldErrors[field]) {
        fieldErrors[field] = issue.message as SeoErrorKey;
      }
    }
    return { ok: false, fieldErrors };
  }
  const before = await prisma.product.findUnique({ where: { shop_id: { shop, id: productId } } });
  if (!before) throw new Response(null, { status: 404 });

  const { seoTitle, seoDescription } = parsed.data;
  const data = await admin.request<{
    productUpdate: { userErrors: { field: string[] | null; message: string }[] } | null;
  }>(PRODUCT_UPDATE, {
    product: {
      id: `gid://shopify/Product/${productId}`,
      seo: { title: seoTitle, description: seoDescription },
    },
  });
  const userErrors = data.productUpdate?.userErrors ?? [];
  if (userErrors.length > 0) {
    return { ok: false, fieldErrors: {}, storeErrors: userErrors.map((e) => e.message) };
  }

  await prisma.$transaction(async (tx) => {
    await tx.product.update({
      where: { shop_id: { shop, id: productId } },
      data: { seoTitle, seoDescription: seoDescription === "" ? null : seoDescription, syncedAt: new Date() },
    });
    await recordAudit(tx, {
      shop,
      actor,
      action: "product.seo_updated",
      target: { type: "product", id: productId.toString() },
      summary: {
        before: { seoTitle: before.seoTitle, seoDescription: before.seoDescription },
        after: { seoTitle, seoDescription },
      },
      ...(options.requestId ? { requestId: options.requestId } : {}),
    });
  });
  return { ok: true };
}

export interface SeoSuggestions {
  /** "offline" when written from the product's own data without a model: the page says so. */
  provider: "openai" | "xai" | "offline";
  seoTitle: string | null;
  seoDescription: string | null;
  /** Suggested alt texts by media id, for the images whose alt is missing or meaningless. */
  altTexts: Record<string, string>;
}

/**
 * AI suggestions for the SEO title and meta description (core `suggestFixes`: verified against the
 * limits, offline fallback), for the fields whose checks fail. Null when the product is not synced.
 */
export async function suggestProductSeo(options: {
  prisma: PrismaClient;
  ai: AIEngine;
  shop: string;
  productId: bigint;
  shopLanguage: string;
}): Promise<SeoSuggestions | null> {
  const { prisma, shop, productId } = options;
  const product = await prisma.product.findUnique({ where: { shop_id: { shop, id: productId } } });
  if (!product) return null;
  const [parts] = await withParts(prisma, shop, [product]);
  if (!parts) return null;
  const audit = auditSynced(parts, options.shopLanguage, shop);
  const fixes = await suggestFixes(toSeoInput(parts, audit.language, shop), audit, {
    ai: options.ai,
    language: audit.language,
    shopId: shop,
  });
  const change = (field: "seoTitle" | "metaDescription") =>
    fixes.changes.find((c) => c.field === field)?.after ?? null;
  return {
    provider: fixes.provider,
    seoTitle: change("seoTitle"),
    seoDescription: change("metaDescription"),
    altTexts: altTextsByMedia(fixes.changes, parts.media),
  };
}

/** `images.<index>.alt` changes of suggestFixes, keyed by the media id at that index. */
export function altTextsByMedia(
  changes: readonly { field: string; after: string }[],
  media: readonly { id: bigint }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of changes) {
    const index = /^images\.(\d+)\.alt$/.exec(c.field)?.[1];
    const id = index === undefined ? undefined : media[Number(index)]?.id;
    if (id !== undefined) out[id.toString()] = c.after;
  }
  return out;
}

/** Shopify refuses alt texts above 512 characters. */
export const ALT_MAX = 512;
const altFormSchema = z
  .array(
    z.object({
      id: z.string().regex(/^\d{1,20}$/, { message: "product.errorAltImage" }),
      alt: z.string().trim().max(ALT_MAX, { message: "product.errorAltLong" }),
    }),
  )
  .min(1, { message: "product.errorAltImage" })
  .max(250, { message: "product.errorAltImage" });
export type AltErrorKey = "product.errorAltLong" | "product.errorAltImage";

export type SaveAltsResult =
  | { ok: true; changed: number }
  | {
      ok: false;
      /** i18n key per media id (or "form" for the whole form). */
      fieldErrors: Record<string, AltErrorKey>;
      storeErrors?: string[];
    };

/**
 * Saves the alt texts of a product's images (form fields `alt:<mediaId>`): only those that changed,
 * live through `fileUpdate` first (all or nothing at Shopify), then the mirror and the audit trail
 * in one transaction. Ids that are not this product's media are refused before anything is written.
 */
export async function saveAltTexts(options: {
  prisma: PrismaClient;
  admin: AdminClient;
  shop: string;
  productId: bigint;
  form: FormData;
  actor: Actor;
  requestId?: string;
}): Promise<SaveAltsResult> {
  const { prisma, admin, shop, productId, actor } = options;
  const entries = [...options.form.entries()]
    .filter(([key]) => key.startsWith("alt:"))
    .map(([key, value]) => ({ id: key.slice(4), alt: typeof value === "string" ? value : "" }));
  const parsed = altFormSchema.safeParse(entries);
  if (!parsed.success) {
    const fieldErrors: Record<string, AltErrorKey> = {};
    for (const issue of parsed.error.issues) {
      const index = issue.path[0];
      const id = typeof index === "number" ? entries[index]?.id : undefined;
      fieldErrors[id && /^\d{1,20}$/.test(id) ? id : "form"] ??= issue.message as AltErrorKey;
    }
    return { ok: false, fieldErrors };
  }
  const media = await prisma.media.findMany({
    where: { shop, productId },
    select: { id: true, alt: true, mediaType: true },
  });
  if (media.length === 0 && !(await prisma.product.count({ where: { shop, id: productId } })))
    throw new Response(null, { status: 404 });
  const current = new Map(media.map((m) => [m.id.toString(), m.alt ?? ""]));
  const types = new Map(media.map((m) => [m.id.toString(), m.mediaType]));
  const unknown = parsed.data.find((e) => !current.has(e.id));
  if (unknown) return { ok: false, fieldErrors: { form: "product.errorAltImage" } };
  const changed = parsed.data.filter((e) => current.get(e.id) !== e.alt);
  if (changed.length === 0) return { ok: true, changed: 0 };

  const storeErrors = await writeAltTexts(
    admin,
    changed.map((e) => ({ mediaId: e.id, alt: e.alt, mediaType: types.get(e.id) })),
  );
  if (storeErrors.length > 0) return { ok: false, fieldErrors: {}, storeErrors };

  await prisma.$transaction(async (tx) => {
    for (const e of changed)
      await tx.media.update({
        where: { shop_id: { shop, id: BigInt(e.id) } },
        data: { alt: e.alt === "" ? null : e.alt, syncedAt: new Date() },
      });
    await recordAudit(tx, {
      shop,
      actor,
      action: "product.alt_texts_updated",
      target: { type: "product", id: productId.toString() },
      summary: {
        images: changed.map((e) => ({ id: e.id, before: current.get(e.id) ?? "", after: e.alt })),
      },
      ...(options.requestId ? { requestId: options.requestId } : {}),
    });
  });
  return { ok: true, changed: changed.length };
}
