/**
 * The data contract between the NinjaLead app (writer) and the theme app extension (reader).
 *
 * The storefront never calls our servers for these widgets: the app writes JSON metafields in its
 * own reserved namespace (`$app`, resolved by Shopify to `app--<api-client-id>`), and the
 * extension's Liquid reads them as `product.metafields["$app"].<key>.value` /
 * `shop.metafields["$app"].<key>.value`. Four app-data metafields (owner: the app installation,
 * read in Liquid as `app.metafields.ninjalead.<key>`) switch the blocks on in the theme editor
 * through `available_if`. See docs/storefront.md and docs/decisions/storefront-metafields.md.
 */
import { ValidationError, type FieldIssue } from "../../../packages/core/src/errors/index.js";
import { LANGUAGES, type Language } from "../../../packages/core/src/i18n/index.js";
import { z } from "zod";

/** The reserved namespace every resource metafield of this contract lives in. */
export const METAFIELD_NAMESPACE = "$app";
/** Namespace of the app-data metafields (owner: AppInstallation) that `available_if` reads. */
export const APP_DATA_NAMESPACE = "ninjalead";
/** Bumped when a value shape changes incompatibly; the Liquid reads only this version. */
export const CONTRACT_VERSION = 1;

const language = z.enum(LANGUAGES);

/** Trimmed, non-empty, bounded plain text (the Liquid escapes it; no HTML is interpreted). */
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

/**
 * https URLs or same-shop paths only: a `javascript:` or `data:` link must never reach an href,
 * nor `//host` or `/\host` (browsers read both as another host). The Liquid applies the same rule.
 */
const safeUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => v.startsWith("https://") || /^\/([a-z0-9\-_?#]|$)/i.test(v), {
    message: "must be an https:// URL or a path on the shop starting with /",
  });

const httpsUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => v.startsWith("https://"), { message: "must be an https:// URL" });

// ---------------------------------------------------------------------------------------------
// Product JSON-LD (product metafield `$app.jsonld`)

const gtin = (min: number, max: number) =>
  z
    .string()
    .regex(
      new RegExp(`^\\d{${min},${max}}$`),
      min === max ? `must be ${min} digits` : `must be ${min} to ${max} digits`,
    )
    .optional();

const brandSchema = z.object({ "@type": z.literal("Brand"), name: text(200) });

const aggregateRatingSchema = z.object({
  "@type": z.literal("AggregateRating"),
  ratingValue: z.number().min(0),
  bestRating: z.number().positive().optional(),
  worstRating: z.number().min(0).optional(),
  ratingCount: z.number().int().min(0).optional(),
  reviewCount: z.number().int().min(0).optional(),
});

/**
 * A schema.org Product node as @ninjalead/core's `buildProductJsonLd` outputs it (`product`).
 * Strict: a property the embed doesn't know is an error here rather than silently dropped on the
 * storefront; add it to this schema and to PRODUCT_JSONLD_PROPERTIES together.
 * `offers` is accepted but never rendered: the embed builds offers live from the variants in
 * Liquid (price, currency, availability), so a price change can't leave stale structured data.
 */
export const jsonLdProductSchema = z.strictObject({
  "@context": z.literal("https://schema.org").optional(),
  "@type": z.literal("Product"),
  "@id": z.string().max(2048).optional(),
  name: text(500),
  description: z.string().max(5000).optional(),
  image: z.union([httpsUrl, z.array(httpsUrl).max(20)]).optional(),
  url: httpsUrl.optional(),
  sku: z.string().max(255).optional(),
  mpn: z.string().max(255).optional(),
  gtin: gtin(8, 14),
  gtin8: gtin(8, 8),
  gtin12: gtin(12, 12),
  gtin13: gtin(13, 13),
  gtin14: gtin(14, 14),
  brand: brandSchema.optional(),
  category: z.string().max(500).optional(),
  color: z.string().max(200).optional(),
  material: z.string().max(200).optional(),
  aggregateRating: aggregateRatingSchema.optional(),
  offers: z.unknown().optional(),
});

/** The Product properties the embed renders, in order (all of the schema's but @context/offers). */
export const PRODUCT_JSONLD_PROPERTIES = Object.keys(jsonLdProductSchema.shape).filter(
  (k) => k !== "@context" && k !== "offers",
);

const listItemSchema = z.object({
  "@type": z.literal("ListItem"),
  position: z.number().int().positive(),
  name: text(500),
  item: httpsUrl.optional(),
});

/** As the builder outputs it (`breadcrumbs`); every crumb but the current page needs its URL. */
export const jsonLdBreadcrumbSchema = z.object({
  "@context": z.literal("https://schema.org").optional(),
  "@type": z.literal("BreadcrumbList"),
  itemListElement: z
    .array(listItemSchema)
    .min(1)
    .max(20)
    .superRefine((items, ctx) => {
      items.forEach((item, i) => {
        if (item.position !== i + 1) {
          ctx.addIssue({ code: "custom", message: `must be ${i + 1}`, path: [i, "position"] });
        }
        if (i < items.length - 1 && item.item === undefined) {
          ctx.addIssue({
            code: "custom",
            message: "required (an https URL) except on the last crumb",
            path: [i, "item"],
          });
        }
      });
    }),
});

/** The product metafield `$app.jsonld`: `{ version: 1, ...buildProductJsonLd(product, options) }`. */
export const productJsonLdValueSchema = z.object({
  version: z.literal(CONTRACT_VERSION),
  product: jsonLdProductSchema,
  breadcrumbs: jsonLdBreadcrumbSchema.optional(),
});
export type ProductJsonLdValue = z.output<typeof productJsonLdValueSchema>;

// ---------------------------------------------------------------------------------------------
// Product FAQ (product metafield `$app.faq`)

const faqItemSchema = z.object({ question: text(300), answer: text(5000) });

/** Reviewed questions and answers per language; the block falls back to `defaultLanguage`. */
export const productFaqValueSchema = z
  .object({
    version: z.literal(CONTRACT_VERSION),
    defaultLanguage: language,
    items: z.partialRecord(language, z.array(faqItemSchema).min(1).max(50)),
  })
  .refine((v) => v.items[v.defaultLanguage] !== undefined, {
    message: "must have items in defaultLanguage",
    path: ["items"],
  });
export type ProductFaqValue = z.output<typeof productFaqValueSchema>;

// ---------------------------------------------------------------------------------------------
// Campaign (shop metafield `$app.campaign`)

const campaignTextSchema = z.object({ message: text(500), ctaLabel: text(60).optional() });

/**
 * The shop's active campaign. Shown only between `startsAt` and `endsAt` and only to shoppers
 * whose storefront language is in `languages` (no fallback: a campaign is written per market).
 */
export const campaignValueSchema = z
  .object({
    version: z.literal(CONTRACT_VERSION),
    id: text(100),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    languages: z.array(language).min(1),
    texts: z.partialRecord(language, campaignTextSchema),
    ctaUrl: safeUrl.optional(),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.endsAt) <= Date.parse(v.startsAt)) {
      ctx.addIssue({ code: "custom", message: "must be after startsAt", path: ["endsAt"] });
    }
    for (const lang of v.languages) {
      if (!v.texts[lang]) {
        ctx.addIssue({
          code: "custom",
          message: "missing text for a target language",
          path: ["texts", lang],
        });
      }
    }
  });
export type CampaignValue = z.output<typeof campaignValueSchema>;

// ---------------------------------------------------------------------------------------------
// Persona messages (shop metafield `$app.personas`)

const personaMessageSchema = z
  .object({
    /** A customer tag, exactly as stored on the customer (Liquid's `contains` is case-sensitive). */
    tag: text(255),
    texts: z.partialRecord(language, text(500)),
  })
  .refine((m) => Object.keys(m.texts).length > 0, { message: "needs at least one text", path: ["texts"] });

/** Messages per customer tag, first match wins; the block falls back to `defaultLanguage`. */
export const personaMessagesValueSchema = z
  .object({
    version: z.literal(CONTRACT_VERSION),
    defaultLanguage: language,
    messages: z.array(personaMessageSchema).max(50),
  })
  .superRefine((v, ctx) => {
    v.messages.forEach((m, i) => {
      if (m.texts[v.defaultLanguage] === undefined) {
        ctx.addIssue({
          code: "custom",
          message: "missing text in defaultLanguage",
          path: ["messages", i, "texts"],
        });
      }
    });
  });
export type PersonaMessagesValue = z.output<typeof personaMessagesValueSchema>;

// ---------------------------------------------------------------------------------------------
// Definitions the app creates on install

export type MetafieldKey = "jsonld" | "faq" | "campaign" | "personas";

/** `metafieldDefinitionCreate` input (Admin GraphQL 2026-10) for one metafield of the contract. */
export interface MetafieldDefinitionInput {
  name: string;
  description: string;
  namespace: typeof METAFIELD_NAMESPACE;
  key: MetafieldKey;
  type: "json";
  ownerType: "PRODUCT" | "SHOP";
  access: { admin: "MERCHANT_READ"; storefront: "PUBLIC_READ" };
}

const access = { admin: "MERCHANT_READ", storefront: "PUBLIC_READ" } as const;

/**
 * The four definitions the app must create on install. `storefront: PUBLIC_READ` is what lets
 * Liquid read an app-reserved metafield; `admin: MERCHANT_READ` shows it to the merchant but
 * lets only the app write it (merchants edit through the app, which validates).
 */
export const METAFIELD_DEFINITIONS: readonly MetafieldDefinitionInput[] = [
  {
    name: "NinjaLead structured data",
    description: "Product JSON-LD (schema.org Product, BreadcrumbList) from NinjaLead's builder.",
    namespace: METAFIELD_NAMESPACE,
    key: "jsonld",
    type: "json",
    ownerType: "PRODUCT",
    access,
  },
  {
    name: "NinjaLead FAQ",
    description: "Reviewed product questions and answers per language, written by NinjaLead.",
    namespace: METAFIELD_NAMESPACE,
    key: "faq",
    type: "json",
    ownerType: "PRODUCT",
    access,
  },
  {
    name: "NinjaLead campaign",
    description: "The shop's active campaign banner (texts per language, dates), written by NinjaLead.",
    namespace: METAFIELD_NAMESPACE,
    key: "campaign",
    type: "json",
    ownerType: "SHOP",
    access,
  },
  {
    name: "NinjaLead persona messages",
    description: "Messages per customer tag shown to logged-in customers, written by NinjaLead.",
    namespace: METAFIELD_NAMESPACE,
    key: "personas",
    type: "json",
    ownerType: "SHOP",
    access,
  },
];

/**
 * App-data metafields (owner: the AppInstallation, namespace `ninjalead`, type `boolean`) the
 * app sets to `true` once it has published data of that kind; each block's `available_if` reads
 * one, so the theme editor offers only blocks that would show something.
 */
export const AVAILABILITY_FLAGS: Readonly<Record<MetafieldKey, string>> = {
  jsonld: "has_jsonld",
  faq: "has_faq",
  campaign: "has_campaign",
  personas: "has_personas",
};

/** The app-data flag that makes the newsletter (lead form) block available in the theme editor. */
export const LEAD_FORM_FLAG = "has_lead_form";

const valueSchemas = {
  jsonld: productJsonLdValueSchema,
  faq: productFaqValueSchema,
  campaign: campaignValueSchema,
  personas: personaMessagesValueSchema,
} as const;

export interface MetafieldValues {
  jsonld: ProductJsonLdValue;
  faq: ProductFaqValue;
  campaign: CampaignValue;
  personas: PersonaMessagesValue;
}

/** One `metafieldsSet` input, value already serialised as Shopify expects for `json`. */
export interface MetafieldsSetInput {
  ownerId: string;
  namespace: typeof METAFIELD_NAMESPACE;
  key: MetafieldKey;
  type: "json";
  value: string;
}

/**
 * Validates a value against the contract and returns it normalised (trimmed texts). Throws a
 * ValidationError naming every bad field, so nothing partial is ever written.
 *
 * @example
 * parseMetafieldValue("faq", { version: 1, defaultLanguage: "en", items: { en: [{ question: "Size?", answer: "M" }] } })
 */
export function parseMetafieldValue<K extends MetafieldKey>(key: K, input: unknown): MetafieldValues[K] {
  const result = valueSchemas[key].safeParse(input);
  if (result.success) return result.data as MetafieldValues[K];
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
  const list = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  throw new ValidationError(`Invalid ${key} metafield value: ${list}`, issues);
}

/**
 * Builds the validated `metafieldsSet` input for one contract metafield.
 *
 * @example
 * toMetafieldsSetInput("gid://shopify/Shop/1", "campaign", campaign)
 * // { ownerId: "gid://shopify/Shop/1", namespace: "$app", key: "campaign", type: "json", value: "{…}" }
 */
export function toMetafieldsSetInput<K extends MetafieldKey>(
  ownerId: string,
  key: K,
  input: unknown,
): MetafieldsSetInput {
  if (!/^gid:\/\/shopify\/(Product|Shop)\/\d+$/.test(ownerId)) {
    throw new ValidationError(`Invalid ownerId: ${ownerId}`, [
      { path: "ownerId", message: "must be a Product or Shop GID" },
    ]);
  }
  const definition = METAFIELD_DEFINITIONS.find((d) => d.key === key);
  const ownerType = ownerId.split("/")[3]?.toUpperCase();
  if (definition?.ownerType !== ownerType) {
    throw new ValidationError(`Metafield ${key} does not belong on ${ownerId}`, [
      { path: "ownerId", message: `must be a ${definition?.ownerType ?? "known"} GID` },
    ]);
  }
  const value = parseMetafieldValue(key, input);
  return { ownerId, namespace: METAFIELD_NAMESPACE, key, type: "json", value: JSON.stringify(value) };
}

export type { Language };
