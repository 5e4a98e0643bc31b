import type { PrismaClient } from "@prisma/client";
import type { AIEngine } from "@ninjalead/core/ai";
import {
  catalogMessages,
  formatImportWarning,
  ImportError,
  optimiseImport,
  parseAliExpressJson,
  parseAliExpressProduct,
  parseAliExpressUrl,
  planImport,
  sourceIdOf,
  type ExistingProduct,
  type ImportPlan,
  type SourceProduct,
} from "@ninjalead/core/catalog";
import { ValidationError } from "@ninjalead/core/errors";
import { translate, type Language } from "@ninjalead/core/i18n";
import { auditProduct } from "@ninjalead/core/seo";
import { z } from "zod";
import type { ImportMessageKey } from "~/i18n/import-messages.js";
import type { AdminClient } from "~/shopify/admin-client.server.js";
import { IMPORT_PRODUCT_SET, IMPORTED_PRODUCT, SHOP_CURRENCY } from "~/shopify/graphql/import.js";
import { recordAudit, type Actor } from "~/trust/audit.server.js";
import { emitEvent } from "~/trust/outgoing-webhooks.server.js";
import { COMPARE_AT_MODES, DEFAULT_PRICING, PRICE_ENDINGS, type ImportPricingForm } from "./import-form.js";
import { ratingFor } from "./seo-scores.server.js";

const DECIMAL = /^\d{1,6}(\.\d{1,4})?$/;

/** The import form, validated on the server; messages are i18n keys rendered by the page. */
export const importFormSchema = z.object({
  source: z
    .string()
    .trim()
    .min(1, { message: "import.errorSourceEmpty" })
    .max(1_000_000, { message: "import.errorSourceLong" }),
  multiplier: z
    .string()
    .trim()
    .refine((v) => DECIMAL.test(v) && Number(v) >= 1 && Number(v) <= 100, {
      message: "import.errorMultiplier",
    }),
  /** Percent of the price (30 = 30 %). */
  minimumMargin: z
    .string()
    .trim()
    .refine((v) => DECIMAL.test(v) && Number(v) < 95, { message: "import.errorMargin" }),
  ending: z.enum(PRICE_ENDINGS, { message: "import.errorEnding" }),
  compareAt: z.enum(COMPARE_AT_MODES, { message: "import.errorCompareAt" }),
  /** Shop-currency units per supplier-currency unit; needed only when the currencies differ. */
  rate: z
    .string()
    .trim()
    .refine((v) => v === "" || (DECIMAL.test(v) && Number(v) > 0), { message: "import.errorRate" }),
  optimise: z.enum(["on", "off"]).default("off"),
});
export type ImportForm = z.output<typeof importFormSchema>;
export type ImportFormField = keyof ImportForm;
export interface FieldError {
  key: ImportMessageKey;
  params?: Record<string, string | number>;
}
export type ImportFieldErrors = Partial<Record<ImportFormField, FieldError>>;

export interface UrlView {
  input: string;
  /** The AliExpress product id when the link is one. */
  productId: string | null;
  /** Why it is not, in the admin's language. */
  error: string | null;
}

export interface ImportPreviewView {
  sourceId: string;
  sourceUrl: string;
  /** True when the supplier product was imported before: the same Shopify product is updated. */
  update: boolean;
  productGid: string | null;
  currency: string;
  supplierCurrency: string;
  fields: { field: string; before: string; after: string; changed: boolean }[];
  variants: {
    sku: string;
    options: string[];
    supplierCost: string;
    landedCost: string;
    price: string;
    compareAtPrice: string | null;
    margin: string;
    profit: string;
    stock: number;
  }[];
  margins: { min: string; max: string; average: string };
  warnings: { code: string; field: string; message: string }[];
  seoScore: number;
  readabilityScore: number;
  rating: "good" | "ok" | "bad";
  /** The AI step when asked for: "offline" output is labelled as such by the page. */
  ai: { provider: "openai" | "xai" | "offline"; accepted: string[] } | null;
}

export type ImportOutcome =
  | { ok: false; fieldErrors: ImportFieldErrors; storeErrors?: string[] }
  | { ok: true; kind: "urls"; urls: UrlView[] }
  | { ok: true; kind: "preview"; preview: ImportPreviewView }
  | { ok: true; kind: "created"; preview: ImportPreviewView; productGid: string; update: boolean };

interface Deps {
  prisma: PrismaClient;
  admin: AdminClient;
  ai: AIEngine;
  shop: string;
  /** The store's language: titles, option names and descriptions are written in it. */
  contentLanguage: Language;
  /** The admin user's language: messages. */
  language: Language;
}

function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(importFormSchema.shape)) {
    const value = form.get(key);
    if (typeof value === "string") out[key] = value;
  }
  return out;
}

function fieldErrorsOf(error: z.ZodError): ImportFieldErrors {
  const errors: ImportFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && field in importFormSchema.shape && !errors[field as ImportFormField]) {
      errors[field as ImportFormField] = { key: issue.message as ImportMessageKey };
    }
  }
  return errors;
}

/** A payload the parser refused: the catalog's own message, and the dotted path of the field. */
function payloadError(error: ImportError, language: Language): FieldError {
  return {
    key: "import.errorPayload",
    params: {
      message: translate(catalogMessages, language, `error_${error.reason}`, { field: error.field }),
      field: error.field,
    },
  };
}

type Source =
  | { kind: "urls"; urls: UrlView[] }
  | { kind: "payload"; product: SourceProduct }
  | { kind: "error"; error: FieldError };

/** A pasted JSON body is a DS API payload; anything else is a list of product links, one per line. */
export function readSource(text: string, language: Language): Source {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) {
    const urls = trimmed
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 50)
      .map((input): UrlView => {
        try {
          return { input, productId: parseAliExpressUrl(input), error: null };
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          const message = translate(catalogMessages, language, `error_${error.reason}`, {
            field: error.field,
          });
          return { input, productId: null, error: message };
        }
      });
    return { kind: "urls", urls };
  }
  let payload: unknown;
  try {
    payload = parseAliExpressJson(trimmed);
  } catch {
    return { kind: "error", error: { key: "import.errorJson" } };
  }
  try {
    return { kind: "payload", product: parseAliExpressProduct(payload) };
  } catch (error) {
    if (error instanceof ImportError) return { kind: "error", error: payloadError(error, language) };
    throw error;
  }
}

interface ReadBack {
  product: {
    id: string;
    handle: string;
    tags: string[];
    metafields: { nodes: { namespace: string; key: string; type: string; value: string }[] };
    options: { id: string; name: string; optionValues: { id: string; name: string }[] }[];
    variants: { nodes: { id: string; sku: string | null; metafield: { value: string } | null }[] };
    media: { nodes: { id: string }[] };
  } | null;
}

/**
 * The product a previous import created, read back from the store in the shape planImport wants
 * as `existing`; undefined when there was none or the merchant deleted it since.
 */
async function existingProduct(
  admin: AdminClient,
  productGid: string | undefined,
): Promise<ExistingProduct | undefined> {
  if (!productGid) return undefined;
  const { product } = await admin.request<ReadBack>(IMPORTED_PRODUCT, { id: productGid });
  if (!product) return undefined;
  const mediaSources = product.metafields.nodes.find(
    (m) => m.namespace === "ninjalead" && m.key === "media_sources",
  );
  let sources: unknown = [];
  try {
    sources = JSON.parse(mediaSources?.value ?? "[]");
  } catch {
    // A metafield edited by hand: media are then treated as the merchant's own (kept, not reused).
  }
  const urls = Array.isArray(sources) ? sources.filter((s): s is string => typeof s === "string") : [];
  return {
    id: product.id,
    handle: product.handle,
    tags: product.tags,
    metafields: product.metafields.nodes,
    options: product.options.map((o) => ({ id: o.id, name: o.name, values: o.optionValues })),
    variants: product.variants.nodes.map((v) => ({
      id: v.id,
      ...(v.sku ? { sku: v.sku } : {}),
      ...(v.metafield ? { sourceSkuId: v.metafield.value } : {}),
    })),
    media: product.media.nodes.map((m, i) => ({ id: m.id, ...(urls[i] ? { sourceUrl: urls[i] } : {}) })),
  };
}

/** The first words of an HTML description, as text: the preview compares, it does not render. */
function excerpt(html: string): string {
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

function previewView(
  plan: ImportPlan,
  currency: string,
  language: Language,
  contentLanguage: Language,
  productGid: string | null,
  keyphrase: string | undefined,
  ai: ImportPreviewView["ai"],
  aiWarnings: ImportPreviewView["warnings"],
): ImportPreviewView {
  const input = plan.input;
  const audit = auditProduct(
    {
      title: input.title ?? plan.source.title,
      seoTitle: input.seo?.title ?? "",
      metaDescription: input.seo?.description ?? "",
      descriptionHtml: input.descriptionHtml ?? "",
      images: (input.files ?? [])
        .filter((f) => f.contentType !== "VIDEO" && f.originalSource)
        .map((f) => ({ src: f.originalSource ?? "", alt: f.alt ?? "" })),
      ...(keyphrase ? { keyphrase } : {}),
      language: contentLanguage,
    },
    { language: contentLanguage },
  );
  return {
    sourceId: sourceIdOf(plan.source),
    sourceUrl: plan.source.url,
    update: plan.update,
    productGid,
    currency,
    supplierCurrency: plan.source.currency,
    fields: plan.preview.fields.map((f) =>
      f.field === "descriptionHtml" ? { ...f, before: excerpt(f.before), after: excerpt(f.after) } : { ...f },
    ),
    variants: plan.preview.variants.map((v) => ({
      sku: v.sku,
      options: v.options,
      supplierCost: v.supplierCost,
      landedCost: v.pricing.landedCost,
      price: v.pricing.price,
      compareAtPrice: v.pricing.compareAtPrice ?? null,
      margin: v.pricing.margin,
      profit: v.pricing.profit,
      stock: v.stock,
    })),
    margins: plan.preview.margins,
    warnings: [
      ...aiWarnings,
      ...plan.preview.warnings.map((w) => ({
        code: w.code,
        field: w.field,
        message: formatImportWarning(w, language),
      })),
    ],
    seoScore: audit.seoScore,
    readabilityScore: audit.readabilityScore,
    rating: ratingFor(audit.seoScore),
    ai,
  };
}

type Prepared =
  | { ok: false; outcome: ImportOutcome }
  | {
      ok: true;
      plan: ImportPlan;
      preview: ImportPreviewView;
      form: ImportForm;
      productGid: string | null;
    };

/** Everything before a write: validation, parsing, the existing product, the AI step, the plan. */
async function prepare(deps: Deps, form: FormData): Promise<Prepared> {
  const parsed = importFormSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, outcome: { ok: false, fieldErrors: fieldErrorsOf(parsed.error) } };
  const values = parsed.data;
  const source = readSource(values.source, deps.language);
  if (source.kind === "error")
    return { ok: false, outcome: { ok: false, fieldErrors: { source: source.error } } };
  if (source.kind === "urls") return { ok: false, outcome: { ok: true, kind: "urls", urls: source.urls } };
  const product = source.product;

  const shopInfo = await deps.admin.request<{ shop: { currencyCode: string } }>(SHOP_CURRENCY);
  const currency = shopInfo.shop.currencyCode;
  if (product.currency !== currency && values.rate === "") {
    return {
      ok: false,
      outcome: {
        ok: false,
        fieldErrors: {
          rate: { key: "import.errorRateNeeded", params: { from: product.currency, to: currency } },
        },
      },
    };
  }
  const previous = await deps.prisma.productImport.findUnique({
    where: { shop_sourceId: { shop: deps.shop, sourceId: sourceIdOf(product) } },
  });
  const existing = await existingProduct(deps.admin, previous?.productGid);

  let ai: ImportPreviewView["ai"] = null;
  let aiWarnings: ImportPreviewView["warnings"] = [];
  let content: Awaited<ReturnType<typeof optimiseImport>>["content"] | undefined;
  let keyphrase: string | undefined;
  // A re-import keeps the merchant's texts, so rewriting them with AI would be thrown away.
  if (values.optimise === "on" && !existing) {
    const optimised = await optimiseImport(deps.ai, product, {
      language: deps.contentLanguage,
      shopId: deps.shop,
    });
    ai = { provider: optimised.provider, accepted: optimised.accepted };
    aiWarnings = optimised.warnings.map((w) => ({
      code: w.code,
      field: w.field,
      message: formatImportWarning(w, deps.language),
    }));
    content = optimised.content;
    keyphrase = optimised.keyphrase;
  }

  let plan: ImportPlan;
  try {
    plan = planImport(product, existing, {
      language: deps.contentLanguage,
      pricing: {
        currency,
        ...(values.rate ? { rates: { [product.currency]: values.rate } } : {}),
        multiplier: values.multiplier,
        ending: values.ending,
        compareAt: { mode: values.compareAt },
        minimumMargin: (Number(values.minimumMargin) / 100).toFixed(4),
      },
      ...(keyphrase ? { keyphrase } : {}),
      ...(content ? { content } : {}),
    });
  } catch (error) {
    // Pricing the rules cannot satisfy (e.g. a margin the tiers cannot reach) names its field.
    if (error instanceof ValidationError) {
      const path = error.issues[0]?.path ?? "";
      const field: ImportFormField = path.startsWith("rates")
        ? "rate"
        : path.includes("minimumMargin")
          ? "minimumMargin"
          : "multiplier";
      return { ok: false, outcome: { ok: false, fieldErrors: { [field]: { key: "import.errorPricing" } } } };
    }
    if (error instanceof ImportError) {
      return {
        ok: false,
        outcome: { ok: false, fieldErrors: { source: payloadError(error, deps.language) } },
      };
    }
    throw error;
  }
  const productGid = existing?.id ?? null;
  const preview = previewView(
    plan,
    currency,
    deps.language,
    deps.contentLanguage,
    productGid,
    keyphrase,
    ai,
    aiWarnings,
  );
  return { ok: true, plan, preview, form: values, productGid };
}

/**
 * Previews an import: links are recognised (their product id shown; fetching them needs API
 * credentials), a payload becomes the plan the store would receive, with prices from the rules,
 * margins, warnings and the SEO score. Nothing is written.
 */
export async function previewImport(deps: Deps, form: FormData): Promise<ImportOutcome> {
  const prepared = await prepare(deps, form);
  if (!prepared.ok) return prepared.outcome;
  return { ok: true, kind: "preview", preview: prepared.preview };
}

/**
 * Creates (or, for a supplier product imported before, updates in place) the product live in the
 * store with productSet, then records the import and the audit event in one transaction.
 */
export async function createImport(
  deps: Deps & { actor: Actor; requestId?: string },
  form: FormData,
): Promise<ImportOutcome> {
  const prepared = await prepare(deps, form);
  if (!prepared.ok) return prepared.outcome;
  const { plan, preview, form: values } = prepared;
  const data = await deps.admin.request<{
    productSet: {
      product: { id: string } | null;
      userErrors: { field: string[] | null; message: string }[];
    } | null;
  }>(IMPORT_PRODUCT_SET, {
    // A first import creates (no identifier): planImport's `customId` identifier needs the
    // ninjalead.source_id definition with unique values, which the store may not have. The
    // ProductImport row is what finds the product again; a re-import targets it by id.
    identifier: plan.update ? plan.identifier : null,
    input: plan.input,
  });
  const userErrors = data.productSet?.userErrors ?? [];
  const productGid = data.productSet?.product?.id;
  if (userErrors.length > 0 || !productGid) {
    return { ok: false, fieldErrors: {}, storeErrors: userErrors.map((e) => e.message) };
  }
  const { source: payload, ...pricing } = values;
  const title = plan.input.title ?? plan.source.title;
  const variantCount = plan.input.variants?.length ?? 0;
  await deps.prisma.$transaction(async (tx) => {
    await tx.productImport.upsert({
      where: { shop_sourceId: { shop: deps.shop, sourceId: preview.sourceId } },
      create: {
        shop: deps.shop,
        sourceId: preview.sourceId,
        productGid,
        title,
        variantCount,
        payload,
        pricing: pricing,
      },
      update: {
        productGid,
        title,
        variantCount,
        payload,
        pricing: pricing,
        importCount: { increment: 1 },
      },
    });
    await recordAudit(tx, {
      shop: deps.shop,
      actor: deps.actor,
      action: plan.update ? "product.reimported" : "product.imported",
      target: { type: "product", id: productGid },
      summary: { sourceId: preview.sourceId, title, variants: variantCount, update: plan.update },
      ...(deps.requestId ? { requestId: deps.requestId } : {}),
    });
    // Same transaction as the record: subscribers hear of every import, and only of real ones.
    await emitEvent(tx, {
      shop: deps.shop,
      event: "import.created",
      data: { sourceId: preview.sourceId, productGid, title, variants: variantCount, update: plan.update },
    });
  });
  return { ok: true, kind: "created", preview: { ...preview, productGid }, productGid, update: plan.update };
}

export interface ImportHistoryRow {
  sourceId: string;
  productGid: string;
  /** The product's numeric id: its page in the app once synced. */
  productId: string;
  title: string;
  variantCount: number;
  importCount: number;
  updatedAt: string;
}

export const HISTORY_SIZE = 25;

/** The shop's imports, most recent first. */
export async function listImports(prisma: PrismaClient, shop: string): Promise<ImportHistoryRow[]> {
  const rows = await prisma.productImport.findMany({
    where: { shop },
    orderBy: { updatedAt: "desc" },
    take: HISTORY_SIZE,
    select: {
      sourceId: true,
      productGid: true,
      title: true,
      variantCount: true,
      importCount: true,
      updatedAt: true,
    },
  });
  return rows.map((r) => ({
    ...r,
    productId: r.productGid.split("/").at(-1) ?? "",
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** The form of a previous import (its payload and pricing), for "re-import"; null when unknown. */
export async function importPrefill(
  prisma: PrismaClient,
  shop: string,
  sourceId: string,
): Promise<(ImportPricingForm & { source: string }) | null> {
  const row = await prisma.productImport.findUnique({ where: { shop_sourceId: { shop, sourceId } } });
  if (!row) return null;
  const pricing = importFormSchema.omit({ source: true }).safeParse(row.pricing);
  return { ...(pricing.success ? pricing.data : DEFAULT_PRICING), source: row.payload };
}

/** The import form's pricing defaults for a shop: what it saved in Settings, else the app's. */
export async function importDefaults(prisma: PrismaClient, shop: string): Promise<ImportPricingForm> {
  const row = await prisma.shop.findUnique({ where: { domain: shop }, select: { settings: true } });
  const settings = row?.settings;
  const saved =
    settings && typeof settings === "object" && !Array.isArray(settings)
      ? settings.importDefaults
      : undefined;
  const parsed = importFormSchema.omit({ source: true }).safeParse(saved);
  return parsed.success ? parsed.data : DEFAULT_PRICING;
}
