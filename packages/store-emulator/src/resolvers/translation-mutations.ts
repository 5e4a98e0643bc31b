// translationsRegister, checked against the digests of translatableResource.
import { parseGid } from "../gid.js";
import type { ResolverContext, View } from "./context.js";
import { productTranslatableContent, translationView } from "./views.js";

export const translationMutations = {
  translationsRegister: (
    args: {
      resourceId: string;
      translations: {
        locale: string;
        key: string;
        value: string;
        translatableContentDigest: string;
        marketId?: string | null;
      }[];
    },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    const gid = parseGid(args.resourceId);
    const product = gid?.type === "Product" ? store.getProduct(gid.id) : undefined;
    if (!product)
      return {
        translations: null,
        userErrors: [
          {
            field: ["resourceId"],
            message: `Resource ${args.resourceId} does not exist`,
            code: "RESOURCE_NOT_FOUND",
          },
        ],
      };
    const content = new Map(
      productTranslatableContent(product, store.shop.primaryLocale).map((c) => [
        c.key as string,
        c.digest as string,
      ]),
    );
    const userErrors: View[] = [];
    for (const [index, t] of args.translations.entries()) {
      const path = ["translations", String(index)];
      if (!store.shop.locales.includes(t.locale))
        userErrors.push({
          field: [...path, "locale"],
          message: `Locale is not enabled for this shop: ${t.locale}`,
          code: "INVALID_LOCALE_FOR_SHOP",
        });
      const digest = content.get(t.key);
      if (digest === undefined)
        userErrors.push({
          field: [...path, "key"],
          message: `Key ${t.key} is not a valid translatable field`,
          code: "INVALID_KEY_FOR_MODEL",
        });
      else if (digest !== t.translatableContentDigest)
        userErrors.push({
          field: [...path, "translatableContentDigest"],
          message: "Translatable content hash is invalid",
          code: "INVALID_TRANSLATABLE_CONTENT",
        });
      if (t.value.trim() === "")
        userErrors.push({ field: [...path, "value"], message: "Value can't be blank", code: "BLANK" });
      if (t.marketId)
        userErrors.push({
          field: [...path, "marketId"],
          message: "Market-specific translations are not emulated",
          code: "MARKET_CUSTOM_CONTENT_NOT_ALLOWED",
        });
    }
    if (userErrors.length) return { translations: null, userErrors };
    const now = store.now();
    const saved = args.translations.map((t) => {
      const existing = product.translations.find((x) => x.locale === t.locale && x.key === t.key);
      const record = existing ?? {
        locale: t.locale,
        key: t.key,
        value: t.value,
        digest: t.translatableContentDigest,
        updatedAt: now,
      };
      record.value = t.value;
      record.digest = t.translatableContentDigest;
      record.updatedAt = now;
      if (!existing) product.translations.push(record);
      return translationView(record, content.get(t.key) ?? null);
    });
    return { translations: saved, userErrors: [] };
  },
};
