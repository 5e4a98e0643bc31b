import { describe, expect, it } from "vitest";
import { createAI } from "../../src/ai/index.js";
import type { Language } from "../../src/i18n/index.js";
import {
  applyFixes,
  auditProduct,
  fixViolations,
  suggestFixes,
  type FixInput,
  type SeoFixes,
  type SeoProductInput,
} from "../../src/seo/index.js";
import { blocksOf, renderDescription } from "../../src/seo/rewrite.js";
import { splitSentences } from "../../src/seo/text.js";
import { FIXTURES, productFrom } from "./fixtures/languages.js";
import { useLocalOpenAI } from "./helpers.js";

const offline = createAI();

/** A product with every fixable field broken: long default SEO title, no meta, file-name alts. */
function broken(f: (typeof FIXTURES)[number]): SeoProductInput {
  return productFrom(f, {
    title: `${f.title} ${f.title} ${f.title}`,
    seoTitle: "",
    metaDescription: "",
    images: [
      { src: "https://cdn.example/1.jpg", alt: "IMG_0001.jpg" },
      { src: "https://cdn.example/2.jpg", alt: "" },
    ],
  });
}

function inputOf(
  product: SeoProductInput,
  fixes: SeoFixes,
): { out: Parameters<typeof fixViolations>[0]; input: FixInput } {
  const get = (field: string) => fixes.changes.find((c) => c.field === field)?.after ?? null;
  const text = (product.descriptionHtml ?? "").replace(/<[^>]+>/g, "\n");
  return {
    out: {
      seoTitle: get("seoTitle"),
      metaDescription: get("metaDescription"),
      altTexts: fixes.changes
        .filter((c) => c.field.startsWith("images."))
        .map((c) => ({ index: Number(c.field.split(".")[1]), alt: c.after })),
      description: null,
    },
    input: {
      title: product.title ?? "",
      keyphrase: product.keyphrase ?? "",
      vendor: product.vendor ?? "",
      productType: product.productType ?? "",
      tags: product.tags ?? [],
      facts: text,
      prices: (product.variants ?? []).map((v) => String(v.price)),
      needs: {
        seoTitle: get("seoTitle") !== null,
        metaDescription: get("metaDescription") !== null,
        altIndexes: [0, 1],
      },
    },
  };
}

describe.each(FIXTURES)("suggestFixes offline in $language", (f) => {
  it("fixes title, meta and alts within the limits, from the product's own data", async () => {
    const product = broken(f);
    const before = auditProduct(product);
    const fixes = await suggestFixes(product, before, { ai: offline });
    expect(fixes.provider).toBe("offline");
    expect(fixes.language).toBe(f.language);
    expect(fixes.changes.map((c) => c.field).sort()).toEqual([
      "images.0.alt",
      "images.1.alt",
      "metaDescription",
      "seoTitle",
    ]);
    const { out, input } = inputOf(product, fixes);
    expect(fixViolations(out, input, f.language)).toEqual([]);
    expect(fixes.scoreAfter.seo).toBeGreaterThan(fixes.scoreBefore.seo);
    const after = auditProduct(applyFixes(product, fixes));
    expect(after.checks.find((c) => c.id === "keyphraseInMetaDescription")?.rating).toBe("good");
    expect(after.checks.find((c) => c.id === "seoTitleWidth")?.rating).not.toBe("bad");
    expect(after.checks.find((c) => c.id === "imageAlt")?.rating).toBe("good");
  });
});

describe("limits", () => {
  const input: FixInput = {
    title: "Linen shirt",
    keyphrase: "linen shirt",
    vendor: "Acme",
    productType: "Shirts",
    tags: [],
    facts: "A linen shirt made in Portugal. It costs 79 euros.",
    prices: ["79"],
    needs: { seoTitle: true, metaDescription: true, altIndexes: [0] },
  };
  it("rejects invented numbers and brands, missing keyphrases and overlong fields", () => {
    const problems = fixViolations(
      {
        seoTitle: "Best NIKE linen shirt 2025 with free returns for everyone this summer season",
        metaDescription: "A GoPro-ready top.",
        altTexts: [{ index: 0, alt: "IMG_2034.jpg" }],
        description: null,
      },
      input,
      "en",
    );
    expect(problems.join("\n")).toMatch(/seoTitle has \d+ characters; max 60/);
    expect(problems.join("\n")).toMatch(/seoTitle uses facts not in the product: 2025, NIKE/);
    expect(problems.join("\n")).toMatch(/metaDescription must contain the keyphrase/);
    expect(problems.join("\n")).toMatch(/GoPro/);
    expect(problems.join("\n")).toMatch(/altTexts\[0\] must describe the image/);
  });
  it("accepts facts that are in the product", () => {
    expect(
      fixViolations(
        {
          seoTitle: "Linen shirt | Acme",
          metaDescription: "Our linen shirt is made in Portugal and costs 79 euros.",
          altTexts: [{ index: 0, alt: "Linen shirt from the front" }],
          description: null,
        },
        input,
        "en",
      ),
    ).toEqual([]);
  });
});

describe("suggestFixes", () => {
  it("does nothing (and calls no model) when the fixable checks pass", async () => {
    const f = FIXTURES[0];
    if (!f) throw new Error("fixture");
    const product = productFrom(f, {
      seoTitle: "Linen shirt for hot days | Acme",
      metaDescription: "x".repeat(10),
    });
    const result = auditProduct(product);
    const onlyGood = result.checks.filter((c) => c.rating === "good");
    const fixes = await suggestFixes(product, onlyGood, { ai: offline });
    expect(fixes.changes).toEqual([]);
  });

  it("applies only the accepted fields", async () => {
    const f = FIXTURES[1];
    if (!f) throw new Error("fixture");
    const product = broken(f);
    const fixes = await suggestFixes(product, auditProduct(product), { ai: offline });
    const patched = applyFixes(product, fixes, ["metaDescription"]);
    expect(patched.metaDescription).not.toBe("");
    expect(patched.seoTitle).toBe("");
  });

  it("validates its options", async () => {
    await expect(suggestFixes({ title: "x" }, [], { ai: {} as never })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});

describe("suggestFixes through the local OpenAI server", () => {
  const openai = useLocalOpenAI();

  it.each(["en", "de", "ja"] as const)(
    "never returns a suggestion that breaks the limits (%s)",
    async (language) => {
      const f = FIXTURES.find((x) => x.language === language);
      if (!f) throw new Error("fixture");
      const ai = openai.ai();
      const product = broken(f);
      const requestsBefore = openai.chatCalls();
      const fixes = await suggestFixes(product, auditProduct(product), { ai, shopId: "shop-1" });
      expect(openai.chatCalls()).toBeGreaterThan(requestsBefore);
      // Either the model's answer met every limit, or it was replaced by the offline suggestion.
      if (fixes.provider === "offline") expect(fixes.fallbackReason).toMatch(/failed its contract/);
      else expect(fixes.provider).toBe("openai");
      const { out, input } = inputOf(product, fixes);
      expect(fixViolations(out, input, language)).toEqual([]);
    },
  );

  it.each(["en", "fr", "ja"] as const)("rewrites a description within its limits (%s)", async (language) => {
    const f = FIXTURES.find((x) => x.language === language);
    if (!f) throw new Error("fixture");
    const ai = openai.ai();
    const product = messy(f);
    const fixes = await suggestFixes(product, auditProduct(product), { ai, rewriteDescription: true });
    if (fixes.provider === "offline") expect(fixes.fallbackReason).toMatch(/failed its contract/);
    expect(fixes.changes.some((c) => c.field === "descriptionHtml")).toBe(true);
    expect(descriptionProblems(product, fixes, language)).toEqual([]);
  });
});

/** Imported-looking copy: inline styles, an empty block, a long first paragraph, the keyphrase late. */
function messy(f: (typeof FIXTURES)[number]): SeoProductInput {
  return productFrom(f, {
    descriptionHtml:
      `<p style="font-family: Arial">${[...f.body, f.passive].map((x) => `<span style="color:#333">${x}</span>`).join(" ")}</p>` +
      `<p>&nbsp;</p><p>${f.inflected} ${f.intro}</p><ul><li>${f.keyphrase}</li><li>100%</li></ul>`,
  });
}

/** The limits of the rewrite alone, for the description a suggestFixes call returned. */
function descriptionProblems(product: SeoProductInput, fixes: SeoFixes, language: Language): string[] {
  const html = fixes.changes.find((c) => c.field === "descriptionHtml")?.after ?? "";
  const original = blocksOf(product.descriptionHtml ?? "");
  return fixViolations(
    {
      seoTitle: null,
      metaDescription: null,
      altTexts: [],
      description: blocksOf(html).map((b) => ({ kind: b.kind, text: b.text })),
    },
    {
      ...inputOf(product, fixes).input,
      facts: original.map((b) => b.text).join("\n"),
      blocks: original,
      needs: { seoTitle: false, metaDescription: false, altIndexes: [], description: true },
    },
    language,
  );
}

const check = (r: ReturnType<typeof auditProduct>, id: string) => r.checks.find((c) => c.id === id)?.rating;

describe.each(FIXTURES)("rewritten description offline in $language", (f) => {
  it("opens with the keyphrase, splits long paragraphs, drops the residue, keeps every sentence", async () => {
    const product = messy(f);
    const before = auditProduct(product);
    expect(check(before, "htmlHygiene")).not.toBe("good");
    const fixes = await suggestFixes(product, before, { ai: offline, rewriteDescription: true });
    const change = fixes.changes.find((c) => c.field === "descriptionHtml");
    expect(change?.before).toBe(product.descriptionHtml);
    expect(change?.checks).toContain("htmlHygiene");
    const html = change?.after ?? "";
    expect(html).not.toMatch(/style=|&nbsp;|<span/);
    expect(descriptionProblems(product, fixes, f.language)).toEqual([]);
    const blocks = blocksOf(html);
    const text = blocks.map((b) => b.text).join(" ");
    for (const b of blocksOf(product.descriptionHtml ?? ""))
      for (const sentence of splitSentences(b.text)) expect(text).toContain(sentence);
    const after = auditProduct(applyFixes(product, fixes));
    expect(check(after, "keyphraseInIntroduction")).toBe("good");
    expect(check(after, "htmlHygiene")).toBe("good");
    expect(check(after, "paragraphLength")).not.toBe("bad");
  });
});

describe("rewritten description", () => {
  const f = FIXTURES[0];
  if (!f) throw new Error("fixture");
  const original = blocksOf(messy(f).descriptionHtml ?? "");

  it("is only suggested when asked for", async () => {
    const product = messy(f);
    const fixes = await suggestFixes(product, auditProduct(product), { ai: offline });
    expect(fixes.changes.some((c) => c.field === "descriptionHtml")).toBe(false);
  });

  it("renders model text as escaped text in a closed set of tags", () => {
    const html = renderDescription([
      { kind: "paragraph", text: 'A linen shirt <script>alert("x")</script> & more' },
      { kind: "heading", text: "Care" },
      { kind: "listItem", text: "Wash cold" },
      { kind: "listItem", text: "Dry flat" },
    ]);
    expect(html).toBe(
      "<p>A linen shirt &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; more</p>\n<h2>Care</h2>\n<ul>\n<li>Wash cold</li>\n<li>Dry flat</li>\n</ul>",
    );
  });

  it("rejects rewrites that add facts, drop content, pad, embed HTML or bury the keyphrase", () => {
    const input: FixInput = {
      title: f.title,
      keyphrase: f.keyphrase,
      vendor: "Acme",
      productType: "",
      tags: [],
      facts: original.map((b) => b.text).join("\n"),
      prices: ["79"],
      blocks: original,
      needs: { seoTitle: false, metaDescription: false, altIndexes: [], description: true },
    };
    const base = { seoTitle: null, metaDescription: null, altTexts: [] };
    const problems = (description: { kind: "paragraph" | "heading" | "listItem"; text: string }[] | null) =>
      fixViolations({ ...base, description }, input, "en").join("\n");
    expect(problems(null)).toMatch(/description is required/);
    expect(problems([{ kind: "paragraph", text: "Now with 50% off, by NIKE." }])).toMatch(
      /first paragraph must contain the keyphrase[\s\S]*min \d+[\s\S]*not in the product: 50, NIKE/,
    );
    expect(
      problems([
        { kind: "paragraph", text: `Our ${f.keyphrase}.` },
        ...original.map((b) => ({ ...b, text: `${b.text} ${b.text} ${b.text}` })),
      ]),
    ).toMatch(/max \d+ \(the original is \d+\)/);
    expect(problems([{ kind: "heading", text: `<b>${f.keyphrase}</b>` }, ...original])).toMatch(
      /open with a paragraph[\s\S]*plain text, not HTML/,
    );
  });
});

describe("autoFixable", () => {
  it("is set exactly on the failing checks suggestFixes changes", async () => {
    const f = FIXTURES[0];
    if (!f) throw new Error("fixture");
    const product = broken(f);
    const result = auditProduct(product);
    const fixable = result.checks.filter((c) => c.autoFixable).map((c) => c.id);
    expect(fixable.length).toBeGreaterThan(0);
    const fixes = await suggestFixes(product, result, { ai: offline });
    const addressed = new Set(fixes.changes.flatMap((c) => c.checks));
    expect(fixable.filter((id) => !addressed.has(id))).toEqual([]);
    expect(result.checks.filter((c) => c.rating === "good").every((c) => !c.autoFixable)).toBe(true);
  });
});
