/**
 * The product page's "Storefront" section: AI-written FAQs kept as drafts in ProductFaq, edited
 * and reviewed by the merchant, then published to (or taken off) the product's `$app.faq`
 * metafield; and the product's structured data published to `$app.jsonld`. Form input is
 * validated with zod; errors come back as i18n keys per field, nothing is written on an error.
 */
import type { PrismaClient } from "@prisma/client";
import type { AIEngine } from "@ninjalead/core/ai";
import { isLanguage, LANGUAGES, normalizeLanguage, type Language } from "@ninjalead/core/i18n";
import { FAQ_LIMITS, generateProductFaq, type FaqItem } from "@ninjalead/core/seo";
import { z } from "zod";
import { toSeoInput, withParts } from "~/catalog/products.server.js";
import { recordAudit, type Actor } from "~/trust/audit.server.js";
import {
  publishProductFaq,
  publishProductJsonLd,
  StorefrontPublishError,
  unpublishProductFaq,
  type PublishedBy,
  type StorefrontContext,
} from "./metafields.server.js";

export interface FaqView {
  language: Language;
  status: "draft" | "published";
  items: FaqItem[];
  generatedBy: string;
  publishedAt: string | null;
}

export interface ProductStorefront {
  /** The shop's languages, primary first: the FAQ languages offered. */
  languages: Language[];
  faqs: FaqView[];
}

function itemsOf(value: unknown): FaqItem[] {
  const parsed = z.array(z.object({ question: z.string(), answer: z.string() })).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The section's data: the product's FAQ rows and the languages they can be written in. */
export async function loadProductStorefront(
  prisma: PrismaClient,
  shop: string,
  productId: bigint,
): Promise<ProductStorefront> {
  const [row, faqs] = await Promise.all([
    prisma.shop.findUnique({
      where: { domain: shop },
      select: { primaryLocale: true, enabledLocales: true },
    }),
    prisma.productFaq.findMany({ where: { shop, productId }, orderBy: { language: "asc" } }),
  ]);
  const primary = normalizeLanguage(row?.primaryLocale);
  const enabled = (row?.enabledLocales ?? []).filter(isLanguage);
  const languages = [primary, ...LANGUAGES.filter((l) => l !== primary && enabled.includes(l))];
  return {
    languages,
    faqs: faqs
      .filter((f) => isLanguage(f.language))
      .map((f) => ({
        language: f.language as Language,
        status: f.status === "published" ? "published" : "draft",
        items: itemsOf(f.items),
        generatedBy: f.generatedBy,
        publishedAt: f.publishedAt?.toISOString() ?? null,
      })),
  };
}

export type StorefrontErrorKey =
  | "storefront.errorLanguage"
  | "storefront.errorQuestionEmpty"
  | "storefront.errorQuestionLong"
  | "storefront.errorQuestionMark"
  | "storefront.errorAnswerEmpty"
  | "storefront.errorAnswerLong"
  | "storefront.errorItemCount";

const languageSchema = z.enum(LANGUAGES, { message: "storefront.errorLanguage" });

/** The edit form: parallel `question` / `answer` fields, one pair per item. */
export const faqFormSchema = z.object({
  language: languageSchema,
  items: z
    .array(
      z.object({
        question: z
          .string()
          .trim()
          .min(1, { message: "storefront.errorQuestionEmpty" })
          .max(FAQ_LIMITS.questionMaxChars, { message: "storefront.errorQuestionLong" })
          .refine((q) => /[?？]$/.test(q), { message: "storefront.errorQuestionMark" }),
        answer: z
          .string()
          .trim()
          .min(1, { message: "storefront.errorAnswerEmpty" })
          .max(FAQ_LIMITS.answerMaxChars, { message: "storefront.errorAnswerLong" }),
      }),
    )
    .min(FAQ_LIMITS.minItems, { message: "storefront.errorItemCount" })
    .max(FAQ_LIMITS.maxItems, { message: "storefront.errorItemCount" }),
});

export type StorefrontResult =
  | { ok: true; intent: StorefrontIntent; language?: Language }
  | {
      ok: false;
      intent: StorefrontIntent;
      language?: Language;
      /** i18n keys per field: `language`, `items`, `items.<i>.question`, `items.<i>.answer`. */
      fieldErrors: Record<string, StorefrontErrorKey>;
      /** The store or the contract refused the value (messages name the field, verbatim). */
      storeErrors?: string[];
    };

export const STOREFRONT_INTENTS = [
  "faq-generate",
  "faq-save",
  "faq-publish",
  "faq-unpublish",
  "jsonld-publish",
] as const;
export type StorefrontIntent = (typeof STOREFRONT_INTENTS)[number];

export function isStorefrontIntent(value: unknown): value is StorefrontIntent {
  return typeof value === "string" && (STOREFRONT_INTENTS as readonly string[]).includes(value);
}

function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): Record<string, StorefrontErrorKey> {
  const errors: Record<string, StorefrontErrorKey> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".") || "items";
    errors[path] ??= issue.message as StorefrontErrorKey;
  }
  return errors;
}

function publishFailure(
  intent: StorefrontIntent,
  language: Language | undefined,
  error: unknown,
): StorefrontResult {
  if (error instanceof StorefrontPublishError && error.code !== "not_found") {
    return {
      ok: false,
      intent,
      ...(language ? { language } : {}),
      fieldErrors: {},
      storeErrors:
        error.issues.length > 0 ? error.issues.map((i) => `${i.path}: ${i.message}`) : [error.message],
    };
  }
  if (error instanceof StorefrontPublishError) throw new Response(null, { status: 404 });
  throw error;
}

export interface StorefrontActionOptions {
  ctx: StorefrontContext;
  ai: () => Promise<AIEngine>;
  shop: string;
  productId: bigint;
  form: FormData;
  actor: Actor;
  requestId?: string;
}

/** Runs one of the section's intents (the route's action delegates here). */
export async function runStorefrontAction(options: StorefrontActionOptions): Promise<StorefrontResult> {
  const { ctx, shop, productId, form } = options;
  const prisma = ctx.db.prisma;
  const intent = form.get("intent");
  if (!isStorefrontIntent(intent)) throw new Response(null, { status: 400 });
  const by: PublishedBy = {
    actor: options.actor,
    ...(options.requestId ? { requestId: options.requestId } : {}),
  };

  if (intent === "jsonld-publish") {
    try {
      await publishProductJsonLd(ctx, shop, productId, by);
      return { ok: true, intent };
    } catch (error) {
      return publishFailure(intent, undefined, error);
    }
  }

  const lang = languageSchema.safeParse(form.get("language"));
  if (!lang.success) return { ok: false, intent, fieldErrors: { language: "storefront.errorLanguage" } };
  const language = lang.data;
  const key = { shop_productId_language: { shop, productId, language } };

  if (intent === "faq-generate") {
    const product = await prisma.product.findUnique({ where: { shop_id: { shop, id: productId } } });
    const [parts] = product ? await withParts(prisma, shop, [product]) : [];
    if (!parts) throw new Response(null, { status: 404 });
    const faq = await generateProductFaq(toSeoInput(parts, language, shop), {
      ai: await options.ai(),
      language,
      shopId: shop,
    });
    const existing = await prisma.productFaq.findUnique({ where: key });
    // A published FAQ is replaced on the storefront only when the merchant publishes again.
    await prisma.$transaction(async (tx) => {
      await tx.productFaq.upsert({
        where: key,
        create: { shop, productId, language, items: faq.items, generatedBy: faq.provider },
        update: { items: faq.items, generatedBy: faq.provider, status: "draft", publishedAt: null },
      });
      await recordAudit(tx, {
        shop,
        actor: options.actor,
        action: "storefront.faq_generated",
        target: { type: "product", id: productId.toString() },
        summary: { language, questions: faq.items.length, provider: faq.provider },
        ...(options.requestId ? { requestId: options.requestId } : {}),
      });
    });
    if (existing?.status === "published") {
      // The storefront keeps the other languages; this one waits for review.
      try {
        await unpublishProductFaq(ctx, shop, productId, language, by);
      } catch (error) {
        return publishFailure(intent, language, error);
      }
    }
    return { ok: true, intent, language };
  }

  if (intent === "faq-save") {
    const questions = form.getAll("question").map(String);
    const answers = form.getAll("answer").map(String);
    const parsed = faqFormSchema.safeParse({
      language,
      items: questions.map((question, i) => ({ question, answer: answers[i] ?? "" })),
    });
    if (!parsed.success)
      return { ok: false, intent, language, fieldErrors: fieldErrorsOf(parsed.error.issues) };
    const existing = await prisma.productFaq.findUnique({ where: key });
    await prisma.$transaction(async (tx) => {
      await tx.productFaq.upsert({
        where: key,
        create: { shop, productId, language, items: parsed.data.items, generatedBy: "merchant" },
        update: { items: parsed.data.items },
      });
      await recordAudit(tx, {
        shop,
        actor: options.actor,
        action: "storefront.faq_edited",
        target: { type: "product", id: productId.toString() },
        summary: { language, questions: parsed.data.items.length },
        ...(options.requestId ? { requestId: options.requestId } : {}),
      });
    });
    // Edits to a live FAQ go live at once; if the store refuses, the previous text is restored.
    if (existing?.status === "published") {
      try {
        await publishProductFaq(ctx, shop, productId, language, by);
      } catch (error) {
        await prisma.productFaq.update({ where: key, data: { items: existing.items ?? [] } });
        return publishFailure(intent, language, error);
      }
    }
    return { ok: true, intent, language };
  }

  try {
    if (intent === "faq-publish") await publishProductFaq(ctx, shop, productId, language, by);
    else await unpublishProductFaq(ctx, shop, productId, language, by);
    return { ok: true, intent, language };
  } catch (error) {
    return publishFailure(intent, language, error);
  }
}
