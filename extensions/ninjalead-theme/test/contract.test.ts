import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isNinjaLeadError, ValidationError } from "../../../packages/core/src/errors/index.js";
import { describe, expect, it } from "vitest";
import {
  AVAILABILITY_FLAGS,
  APP_DATA_NAMESPACE,
  METAFIELD_DEFINITIONS,
  METAFIELD_NAMESPACE,
  parseMetafieldValue,
  toMetafieldsSetInput,
} from "../src/contract.js";
import { campaign, faq, jsonLd, personas } from "./support/fixtures.js";
import { EXTENSION_DIR, readBlockSchema } from "./support/shopify-liquid.js";

function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect(isNinjaLeadError(error) && error.code).toBe("validation_failed");
    return [...(error as ValidationError).issues];
  }
  throw new Error("expected a ValidationError");
}

describe("metafield contract", () => {
  it("accepts the values the app writes (the test fixtures)", () => {
    expect(parseMetafieldValue("jsonld", jsonLd)).toEqual(jsonLd);
    expect(parseMetafieldValue("faq", faq)).toEqual(faq);
    expect(parseMetafieldValue("campaign", campaign)).toEqual(campaign);
    expect(parseMetafieldValue("personas", personas)).toEqual(personas);
  });

  it("trims texts and refuses Product properties the embed would not render", () => {
    const value = parseMetafieldValue("jsonld", {
      ...jsonLd,
      product: { ...jsonLd.product, name: "  Merino Crew Sweater ", color: "Navy" },
    });
    expect(value.product.name).toBe("Merino Crew Sweater");
    expect(value.product.color).toBe("Navy");
    const issues = issuesOf(() =>
      parseMetafieldValue("jsonld", { ...jsonLd, product: { ...jsonLd.product, review: [] } }),
    );
    expect(issues).toEqual([{ path: "product", message: expect.stringContaining("review") as string }]);
  });

  it("requires breadcrumb URLs on every crumb but the last, numbered in order", () => {
    const issues = issuesOf(() =>
      parseMetafieldValue("jsonld", {
        ...jsonLd,
        breadcrumbs: {
          "@type": "BreadcrumbList",
          itemListElement: [
            { "@type": "ListItem", position: 1, name: "Home" },
            { "@type": "ListItem", position: 3, name: "Sweater" },
          ],
        },
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      "breadcrumbs.itemListElement.0.item",
      "breadcrumbs.itemListElement.1.position",
    ]);
  });

  it("names every bad field of a campaign at once", () => {
    const issues = issuesOf(() =>
      parseMetafieldValue("campaign", {
        ...campaign,
        ctaUrl: "javascript:alert(1)",
        endsAt: "2026-11-30T00:00:00Z",
        languages: ["en", "sv"],
      }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(["ctaUrl", "languages.1"]);
  });

  it("rejects a campaign ending before it starts or missing a target language's text", () => {
    const issues = issuesOf(() =>
      parseMetafieldValue("campaign", {
        ...campaign,
        endsAt: "2026-11-30T00:00:00Z",
        texts: { en: { message: "Sale" } },
        languages: ["en", "fr"],
      }),
    );
    expect(issues).toEqual([
      { path: "endsAt", message: "must be after startsAt" },
      { path: "texts.fr", message: "missing text for a target language" },
    ]);
  });

  it.each(["//evil.example", "/\\evil.example", "http://shop.example", "data:text/html,x"])(
    "rejects the CTA URL %s",
    (ctaUrl) => {
      expect(issuesOf(() => parseMetafieldValue("campaign", { ...campaign, ctaUrl }))[0]?.path).toBe(
        "ctaUrl",
      );
    },
  );

  it("rejects a FAQ without items in its default language, and empty questions", () => {
    expect(
      issuesOf(() =>
        parseMetafieldValue("faq", { version: 1, defaultLanguage: "de", items: { en: faq.items.en } }),
      ),
    ).toEqual([{ path: "items", message: "must have items in defaultLanguage" }]);
    expect(
      issuesOf(() =>
        parseMetafieldValue("faq", {
          version: 1,
          defaultLanguage: "en",
          items: { fr: [{ question: " ", answer: "Oui" }] },
        }),
      ).map((i) => i.path),
    ).toEqual(["items.fr.0.question", "items"]);
  });

  it("rejects persona messages without a default-language text, and Product JSON-LD of another type", () => {
    expect(
      issuesOf(() =>
        parseMetafieldValue("personas", {
          version: 1,
          defaultLanguage: "en",
          messages: [{ tag: "VIP", texts: { fr: "Merci" } }],
        }),
      ),
    ).toEqual([{ path: "messages.0.texts", message: "missing text in defaultLanguage" }]);
    expect(
      issuesOf(() =>
        parseMetafieldValue("jsonld", { version: 1, product: { "@type": "Offer", name: "x" } }),
      )[0]?.path,
    ).toBe("product.@type");
  });

  it("builds metafieldsSet inputs for the right owner only", () => {
    const input = toMetafieldsSetInput("gid://shopify/Product/8123456789", "faq", faq);
    expect(input).toEqual({
      ownerId: "gid://shopify/Product/8123456789",
      namespace: "$app",
      key: "faq",
      type: "json",
      value: JSON.stringify(faq),
    });
    expect(issuesOf(() => toMetafieldsSetInput("gid://shopify/Product/1", "campaign", campaign))).toEqual([
      { path: "ownerId", message: "must be a SHOP GID" },
    ]);
    expect(issuesOf(() => toMetafieldsSetInput("8123456789", "faq", faq))[0]?.path).toBe("ownerId");
  });

  it("defines every metafield in the app-reserved namespace with storefront read access", () => {
    expect(METAFIELD_DEFINITIONS.map((d) => `${d.ownerType}.${d.key}`)).toEqual([
      "PRODUCT.jsonld",
      "PRODUCT.faq",
      "SHOP.campaign",
      "SHOP.personas",
    ]);
    for (const d of METAFIELD_DEFINITIONS) {
      expect(d).toMatchObject({ namespace: "$app", type: "json", access: { storefront: "PUBLIC_READ" } });
    }
  });

  it("matches what the Liquid reads: the metafield keys and the available_if flags", () => {
    const sources = readdirSync(join(EXTENSION_DIR, "blocks")).map((f) =>
      readFileSync(join(EXTENSION_DIR, "blocks", f), "utf8"),
    );
    const read = new Set(
      sources.flatMap((s) =>
        [...s.matchAll(/(product|shop)\.metafields\['(\$app)'\]\.(\w+)\.value/g)].map(
          (m) => `${m[1]?.toUpperCase()}.${m[2]}.${m[3]}`,
        ),
      ),
    );
    expect([...read].sort()).toEqual(
      METAFIELD_DEFINITIONS.map((d) => `${d.ownerType}.${METAFIELD_NAMESPACE}.${d.key}`).sort(),
    );
    const flags = ["seo-embed", "product-faq", "campaign-banner", "persona-message"].map(
      (b) => readBlockSchema(b).available_if,
    );
    expect(flags).toEqual(
      Object.values(AVAILABILITY_FLAGS).map((flag) => `{{ app.metafields.${APP_DATA_NAMESPACE}.${flag} }}`),
    );
  });
});
