import { describe, expect, it } from "vitest";
import { findCatalogGaps } from "../../src/i18n/index.js";
import {
  googleAdsLength,
  smsSegments,
  validateChannelContent,
  VIOLATION_MESSAGES,
  type ChannelContent,
} from "../../src/campaigns/index.js";

describe("SMS segments", () => {
  it("GSM-7: 160 in one SMS, then 153 per part", () => {
    expect(smsSegments("").segments).toBe(0);
    expect(smsSegments("a".repeat(160))).toMatchObject({ encoding: "GSM-7", segments: 1, remaining: 0 });
    expect(smsSegments("a".repeat(161))).toMatchObject({ segments: 2, perSegment: 153 });
    expect(smsSegments("a".repeat(306)).segments).toBe(2);
    expect(smsSegments("a".repeat(307)).segments).toBe(3);
    expect(smsSegments("Ça fait 5 € à Zürich, Ñoño ¿Quién? @£$¥").encoding).toBe("GSM-7");
    expect(smsSegments("Ça coûte").encoding).toBe("UCS-2"); // û is not in GSM 03.38
  });

  it("extension characters take two septets and are never split across parts", () => {
    expect(smsSegments("€".repeat(80))).toMatchObject({ units: 160, segments: 1 });
    // 81 € = 162 septets: 76 per 153-septet part (the 77th would be cut in half) → 2 parts.
    expect(smsSegments("€".repeat(81))).toMatchObject({ units: 162, segments: 2, remaining: 153 - 10 });
    expect(smsSegments(`${"a".repeat(152)}{`)).toMatchObject({ units: 154, segments: 1 });
    expect(smsSegments(`${"a".repeat(159)}[`)).toMatchObject({ units: 161, segments: 2 });
  });

  it("UCS-2: 70 in one SMS, 67 per part, emoji count two units and stay whole", () => {
    expect(smsSegments("ą".repeat(70))).toMatchObject({ encoding: "UCS-2", segments: 1 });
    expect(smsSegments("ą".repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(smsSegments("😀".repeat(35))).toMatchObject({ units: 70, segments: 1 });
    // 36 emoji = 72 units: 33 per 67-unit part (a pair is never split) → 2 parts.
    expect(smsSegments("😀".repeat(36))).toMatchObject({ segments: 2, remaining: 67 - 6 });
    expect(smsSegments("Olá 👋 ç").nonGsmCharacters).toEqual(["á", "👋", "ç"]);
    expect(smsSegments("こんにちは").encoding).toBe("UCS-2");
  });
});

describe("channel limits", () => {
  const violations = (content: ChannelContent, language: "en" | "fr" = "en") =>
    validateChannelContent(content, { language }).map((v) => `${v.path}:${v.code}:${v.actual}/${v.limit}`);

  it("email: subject ≤ 60, preheader, sections, CTA", () => {
    const ok: ChannelContent = {
      channel: "email",
      subject: "s".repeat(60),
      preheader: "Preview",
      sections: [{ heading: null, body: "Body" }],
      cta: { label: "Shop now", url: "https://x.example" },
    };
    expect(violations(ok)).toEqual([]);
    expect(violations({ ...ok, subject: "s".repeat(61), sections: [] })).toEqual([
      "subject:too_long:61/60",
      "sections:too_few:0/1",
    ]);
    expect(violations({ ...ok, subject: "😀".repeat(60) })).toEqual([]); // characters, not UTF-16 units
  });

  it("SMS: at most 2 segments by default, configurable", () => {
    expect(violations({ channel: "sms", text: "a".repeat(306) })).toEqual([]);
    expect(violations({ channel: "sms", text: "a".repeat(307) })).toEqual(["text:sms_segments:3/2"]);
    expect(
      validateChannelContent({ channel: "sms", text: "a".repeat(161) }, { smsMaxSegments: 1 }),
    ).toHaveLength(1);
  });

  it("Meta ad: primary text 125, headline 40, description 30", () => {
    expect(
      violations({
        channel: "meta_ad",
        primaryText: "p".repeat(126),
        headline: "h".repeat(41),
        description: "d".repeat(31),
      }),
    ).toEqual(["primaryText:too_long:126/125", "headline:too_long:41/40", "description:too_long:31/30"]);
  });

  it("Google RSA: 3–15 headlines ≤ 30, 2–4 descriptions ≤ 90, double-width counts 2, no duplicates", () => {
    expect(googleAdsLength("今すぐ購入")).toBe(10);
    expect(googleAdsLength("Ｓｈｏｐ")).toBe(8);
    const ok: ChannelContent = {
      channel: "google_rsa",
      headlines: ["One", "Two", "h".repeat(30)],
      descriptions: ["d".repeat(90), "Second"],
      path1: "tea",
      path2: null,
    };
    expect(violations(ok)).toEqual([]);
    expect(
      violations({
        ...ok,
        headlines: ["One", "one", "茶".repeat(16), ...Array.from({ length: 13 }, (_, i) => `H${i}`)],
        descriptions: ["x"],
        path1: "a".repeat(16),
      }),
    ).toEqual([
      "headlines:too_many:16/15",
      "descriptions:too_few:1/2",
      "headlines.1:duplicate:0/0",
      "headlines.2:too_long:32/30",
      "path1:too_long:16/15",
    ]);
  });

  it("Instagram and Facebook", () => {
    const tags = Array.from({ length: 31 }, (_, i) => `tag${i}`);
    expect(
      violations({ channel: "instagram", caption: "Hello", hashtags: [...tags.slice(0, 2), "not valid"] }),
    ).toEqual(["hashtags.2:invalid_hashtag:0/0"]);
    expect(violations({ channel: "instagram", caption: "c".repeat(2190), hashtags: tags })).toEqual([
      "caption:too_long:2397/2200",
      "hashtags:too_many:31/30",
    ]);
    expect(violations({ channel: "facebook", text: "f".repeat(63_207) })).toEqual([
      "text:too_long:63207/63206",
    ]);
  });

  it("explains violations in the merchant's language", () => {
    const [v] = validateChannelContent(
      { channel: "meta_ad", primaryText: "ok", headline: "h".repeat(41), description: "ok" },
      { language: "fr" },
    );
    expect(v?.message).toBe("headline fait 41 caractères ; la limite est 40.");
    expect(findCatalogGaps(VIOLATION_MESSAGES)).toEqual([]);
  });
});
