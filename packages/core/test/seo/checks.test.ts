import { describe, expect, it } from "vitest";
import { auditProduct, titleWidthPx, type SeoProductInput } from "../../src/seo/index.js";

const base: SeoProductInput = {
  title: "Linen shirt",
  handle: "linen-shirt",
  descriptionHtml: "<p>A linen shirt for summer.</p>",
  keyphrase: "linen shirt",
  language: "en",
  vendor: "Acme",
  images: [{ src: "a.jpg", alt: "White linen shirt, front" }],
  variants: [{ sku: "LS-1", barcode: "4006381333931", price: 79, available: true }],
  currency: "EUR",
};
const run = (over: Partial<SeoProductInput>) => auditProduct({ ...base, ...over });
const get = (over: Partial<SeoProductInput>, id: string) => run(over).checks.find((c) => c.id === id);

describe("SEO title", () => {
  it("estimates pixel width like Google's Arial 20 px", () => {
    expect(titleWidthPx("")).toBe(0);
    expect(titleWidthPx("iiii")).toBeLessThan(titleWidthPx("MMMM"));
    expect(titleWidthPx("衬衫")).toBe(40);
  });

  it("flags titles wider than 600 px and a default copied from a long product title", () => {
    const long = "Premium Organic Linen Shirt with Mother of Pearl Buttons for Men and Women Summer Edition";
    expect(get({ title: long }, "seoTitleWidth")?.rating).toBe("bad");
    expect(get({ title: long }, "seoTitleDistinct")?.messageKey).toBe("seoTitleDistinct.copiesLongTitle");
    expect(
      get({ title: long, seoTitle: "Linen shirt with pearl buttons | Acme" }, "seoTitleWidth")?.rating,
    ).toBe("good");
    expect(get({ seoTitle: "Linen shirt for a hot summer | Acme" }, "seoTitleDistinct")?.rating).toBe("good");
  });

  it("wants the keyphrase at the start of the SEO title", () => {
    expect(get({ seoTitle: "Linen shirts for summer | Acme" }, "keyphraseInSeoTitle")?.rating).toBe("good");
    expect(get({ seoTitle: "The summer linen shirt | Acme" }, "keyphraseInSeoTitle")?.rating).toBe("ok");
    expect(get({ seoTitle: "Summer tops | Acme" }, "keyphraseInSeoTitle")?.rating).toBe("bad");
  });
});

describe("meta description", () => {
  const meta = (n: number) => "Linen shirt ".padEnd(n, "x");
  it("rates length with Yoast's 120/156 borders and ja/zh ones", () => {
    expect(get({ metaDescription: "" }, "metaDescriptionLength")?.rating).toBe("bad");
    expect(get({ metaDescription: meta(120) }, "metaDescriptionLength")?.rating).toBe("ok");
    expect(get({ metaDescription: meta(121) }, "metaDescriptionLength")?.rating).toBe("good");
    expect(get({ metaDescription: meta(156) }, "metaDescriptionLength")?.rating).toBe("good");
    expect(get({ metaDescription: meta(157) }, "metaDescriptionLength")?.rating).toBe("ok");
    expect(get({ language: "ja", metaDescription: "あ".repeat(70) }, "metaDescriptionLength")?.rating).toBe(
      "good",
    );
  });
  it("wants the keyphrase once or twice", () => {
    expect(get({ metaDescription: meta(130) }, "keyphraseInMetaDescription")?.rating).toBe("good");
    expect(get({ metaDescription: "Soft summer top" }, "keyphraseInMetaDescription")?.rating).toBe("bad");
  });
});

describe("keyphrase", () => {
  it("rejects keyphrases made only of function words", () => {
    expect(get({ keyphrase: "for the" }, "keyphraseFunctionWords")?.rating).toBe("bad");
    expect(get({}, "keyphraseFunctionWords")).toBeUndefined();
  });
  it("checks handle, image alt and subheadings", () => {
    expect(get({}, "keyphraseInHandle")?.rating).toBe("good");
    expect(get({ handle: "summer-top" }, "keyphraseInHandle")?.rating).toBe("bad");
    expect(get({}, "keyphraseInImageAlt")?.rating).toBe("good");
    expect(get({ images: [{ src: "a.jpg", alt: "Model on a beach" }] }, "keyphraseInImageAlt")?.rating).toBe(
      "ok",
    );
    expect(get({ descriptionHtml: "<h2>Linen shirts</h2><p>x</p>" }, "keyphraseInSubheading")?.rating).toBe(
      "good",
    );
    expect(get({ descriptionHtml: "<h2>Care</h2><p>x</p>" }, "keyphraseInSubheading")?.rating).toBe("bad");
  });
  it("accepts a synonym where the keyphrase is missing", () => {
    expect(get({ title: "Flax blouse", synonyms: ["flax blouse"] }, "keyphraseInTitle")?.rating).toBe("good");
  });
});

describe("text, headings, lists", () => {
  const words = (n: number) => `<p>${"word ".repeat(n)}</p>`;
  it("rates text length at 200/150 words", () => {
    expect(get({ descriptionHtml: words(200) }, "textLength")?.rating).toBe("good");
    expect(get({ descriptionHtml: words(160) }, "textLength")?.rating).toBe("ok");
    expect(get({ descriptionHtml: words(40) }, "textLength")?.rating).toBe("bad");
  });
  it("wants no H1 in the description and no skipped heading levels", () => {
    expect(get({ descriptionHtml: "<h1>Shirt</h1><p>x</p>" }, "singleH1")?.rating).toBe("bad");
    expect(get({ descriptionHtml: "<h2>A</h2><h4>B</h4>" }, "headingOrder")?.rating).toBe("ok");
    expect(get({ descriptionHtml: "<h2>A</h2><h3>B</h3>" }, "headingOrder")?.rating).toBe("good");
  });
  it("suggests a list for longer text", () => {
    expect(get({ descriptionHtml: words(160) }, "lists")?.rating).toBe("ok");
    expect(get({ descriptionHtml: `${words(160)}<ul><li>a</li></ul>` }, "lists")?.rating).toBe("good");
  });
});

describe("images", () => {
  it("counts images from the product and the description", () => {
    const r = run({ descriptionHtml: '<p>x</p><img src="d.jpg" alt="Detail of the collar">' });
    expect(r.research.imageCount).toBe(2);
  });
  it("flags missing, file-name and repeated-title alt texts", () => {
    expect(get({ images: [{ src: "a.jpg" }, { src: "b.jpg" }] }, "imageAlt")?.rating).toBe("bad");
    expect(get({ images: [{ src: "a.jpg", alt: "DSC_0042.JPG" }] }, "imageAlt")?.messageKey).toBe(
      "imageAlt.fileName",
    );
    expect(
      get(
        {
          images: [
            { src: "a.jpg", alt: "Linen shirt" },
            { src: "b.jpg", alt: "linen shirt" },
          ],
        },
        "imageAlt",
      )?.messageKey,
    ).toBe("imageAlt.repeatedTitle");
    expect(get({ images: [] }, "imageCount")?.rating).toBe("bad");
  });
});

describe("handle", () => {
  it.each([
    ["linen-shirt", "handle.good"],
    ["", "handle.missing"],
    ["Linen_Shirt", "handle.format"],
    ["linen%20shirt", "handle.format"],
    ["linen-shirt-2024", "handle.ids"],
    ["linen-shirt-1234567", "handle.ids"],
    ["the-best-of-the-linen-shirts-for-you", "handle.stopWords"],
    ["premium-organic-european-flax-linen-summer-shirt-mother-pearl-buttons", "handle.long"],
  ])("%s → %s", (handle, key) => {
    expect(get({ handle }, "handle")?.messageKey).toBe(key);
  });
});

describe("product data and structured data", () => {
  it("validates GTIN check digits", () => {
    expect(get({}, "productIdentifiers")?.rating).toBe("good");
    expect(
      get({ variants: [{ sku: "a", barcode: "4006381333932", price: 1 }] }, "productIdentifiers")?.messageKey,
    ).toBe("productIdentifiers.invalidGtin");
    expect(get({ variants: [{ sku: "a", price: 1 }] }, "productIdentifiers")?.messageKey).toBe(
      "productIdentifiers.noGtin",
    );
    expect(get({ variants: [{ price: 1 }] }, "productIdentifiers")?.messageKey).toBe(
      "productIdentifiers.missing",
    );
  });
  it("needs a brand and prices", () => {
    expect(get({ vendor: "" }, "brand")?.rating).toBe("bad");
    expect(get({ variants: [{ sku: "a" }] }, "price")?.rating).toBe("bad");
  });
  it("lists missing structured-data fields", () => {
    expect(get({}, "structuredData")?.rating).toBe("good");
    expect(get({ currency: "" }, "structuredData")?.params.fields).toContain("offers.priceCurrency");
    expect(get({ vendor: "" }, "structuredData")?.messageKey).toBe("structuredData.missingRecommended");
  });
});

describe("spam and import residue", () => {
  it("detects keyword stuffing in the body and the title", () => {
    const stuffed = `<p>${"Linen shirt cheap linen shirt best linen shirt. ".repeat(10)}</p>`;
    expect(get({ descriptionHtml: stuffed }, "keywordStuffing")?.rating).toBe("bad");
    expect(get({ title: "Shirt shirt shirt linen shirt" }, "keywordStuffing")?.messageKey).toBe(
      "keywordStuffing.title",
    );
  });
  it("detects ALL-CAPS runs", () => {
    expect(get({ title: "BEST LINEN SHIRT EVER" }, "capitals")?.rating).not.toBe("good");
    expect(get({ title: "Linen shirt (UK size)" }, "capitals")?.rating).toBe("good");
  });
  it("detects marketplace noise", () => {
    const r = get({ title: "2024 New Hot Sale Linen Shirt Free Shipping" }, "importNoise");
    expect(r?.rating).toBe("bad");
    expect(String(r?.params.phrases)).toContain("hot sale");
  });
  it("detects seller contact details but not barcodes", () => {
    expect(
      get({ descriptionHtml: "<p>Mail seller@factory.cn or WhatsApp +86 138 0013 8000</p>" }, "sellerContact")
        ?.params.kinds,
    ).toBe("email, phone, whatsapp");
    expect(
      get({ descriptionHtml: "<p>EAN 4006381333931, size 120 x 80 cm.</p>" }, "sellerContact")?.rating,
    ).toBe("good");
  });
  it("flags empty and inline-styled HTML", () => {
    expect(get({ descriptionHtml: "<p></p><p>&nbsp;</p>" }, "htmlHygiene")?.messageKey).toBe(
      "htmlHygiene.empty",
    );
    const messy = '<p style="a">1</p><p style="b">2</p><span style="c">3</span><font>4</font><p></p>';
    expect(get({ descriptionHtml: messy }, "htmlHygiene")?.messageKey).toBe("htmlHygiene.messy");
  });
  it("warns that plain-text line breaks run together on the storefront", () => {
    const plainText = get({ descriptionHtml: "Linen shirt\n\n- Breathes\n- Wash at 30 °C" }, "htmlHygiene");
    expect(plainText).toMatchObject({
      rating: "ok",
      messageKey: "htmlHygiene.plainText",
      params: { count: 2 },
    });
    // The same lines laid out with tags, or pretty-printed HTML, are fine.
    const html = "<p>Linen shirt</p>\n<ul>\n<li>Breathes</li>\n<li>Wash at 30 °C</li>\n</ul>";
    expect(get({ descriptionHtml: html }, "htmlHygiene")?.rating).toBe("good");
    expect(get({ descriptionHtml: "One line of plain text." }, "htmlHygiene")?.rating).toBe("good");
  });
});

describe("readability research", () => {
  it("reports the sentence-length distribution and Flesch figures", () => {
    const r = run({
      descriptionHtml:
        "<p>Short one. This sentence has exactly eleven words in it, which makes it medium.</p>",
    });
    expect(r.research.sentenceLengths).toEqual({ short: 1, medium: 1, long: 0, veryLong: 0 });
    expect(r.research.sentenceCount).toBe(2);
  });
  it("does not split sentences on decimals, abbreviations or URLs", () => {
    const r = run({
      descriptionHtml: "<p>It weighs 3.5 kg, e.g. less than a book. See www.acme.com for more.</p>",
    });
    expect(r.research.sentenceCount).toBe(2);
  });
});

// Found by the yoastseo benchmark on real exports.
describe("regressions from the benchmark corpus", () => {
  it("splits plain-text descriptions into paragraphs at blank lines", () => {
    const r = run({
      descriptionHtml: "- Feature one\n- Feature two\n\nA linen shirt for the summer. It breathes.",
    });
    expect(r.research.paragraphCount).toBe(2);
    expect(r.research.sentenceCount).toBe(4);
  });
  it("reads source line breaks inside HTML as spaces, as browsers render them", () => {
    const r = run({
      descriptionHtml:
        "<p>A linen shirt that keeps you cool\non the hottest summer days.</p>\n<p>It breathes.<br>Wash at 30 °C.</p>",
    });
    expect(r.research.sentenceCount).toBe(3);
    expect(r.research.paragraphCount).toBe(2);
  });
  it("matches keyphrase words inside hyphenated words (Full-Zip)", () => {
    const r = run({
      keyphrase: "full zip",
      title: "Ajax Full-Zip Sweatshirt",
      descriptionHtml: "<p>The Ajax Full-Zip Sweatshirt is warm.</p>",
    });
    expect(r.checks.find((c) => c.id === "keyphraseInTitle")?.rating).toBe("good");
    expect(r.research.keyphrase?.count).toBe(1);
  });
});
