import { LANGUAGES } from "../../../packages/core/src/i18n/index.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CampaignValue } from "../src/contract.js";
import { APP_ID, CAMPAIGN_TEXTS, campaign, HOSTILE, pageState, personas } from "./support/fixtures.js";
import { expectInert } from "./support/html.js";
import { appMetafields, createShopifyLiquid, renderBlock } from "./support/shopify-liquid.js";

const liquid = createShopifyLiquid();
const INSIDE = new Date("2026-12-03T12:00:00Z");

const render = (locale: string, value: unknown = campaign, settings: Record<string, string | boolean> = {}) =>
  renderBlock(liquid, {
    block: "campaign-banner",
    state: pageState({ locale, shopMetafields: appMetafields(APP_ID, { campaign: value, personas }) }),
    settings,
  });

beforeEach(() => {
  // The block reads "now" through Liquid's date filter, i.e. the clock.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(INSIDE);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("Campaign banner block", () => {
  it("shows the message and CTA inside the campaign's dates", async () => {
    const html = await render("en");
    expect(html).toContain(
      '<aside class="nl-campaign nl-campaign--center" lang="en" aria-label="Announcement"',
    );
    expect(html).toContain('data-campaign="winter-sale-2026"');
    expect(html).toContain(
      '<p class="nl-campaign__message">Winter sale: 20% off all knitwear until Sunday.</p>',
    );
    expect(html).toContain('<a class="nl-campaign__cta" href="/collections/knitwear">Shop knitwear</a>');
    expect(html).not.toContain("<script");
  });

  it.each([
    ["one second before the start", "2026-11-30T22:59:59Z", false],
    ["at the start", "2026-11-30T23:00:00Z", true],
    ["one second before the end", "2026-12-06T22:59:59Z", true],
    ["at the end", "2026-12-06T23:00:00Z", false],
    ["a month later", "2027-01-06T00:00:00Z", false],
  ])("is gated by its dates (%s)", async (_label, now, shown) => {
    vi.setSystemTime(new Date(now));
    expect((await render("en")).includes("nl-campaign__message")).toBe(shown);
  });

  it.each(LANGUAGES)("speaks %s when that language is targeted", async (lang) => {
    const html = await render(lang);
    expect(html).toContain(`lang="${lang}"`);
    expect(html).toContain(`>${CAMPAIGN_TEXTS[lang].message.replace(/'/g, "&#39;")}</p>`);
    expect(html).toContain(`>${CAMPAIGN_TEXTS[lang].ctaLabel}</a>`);
    expect(html).not.toContain("translation missing");
  });

  it("stays hidden for shoppers whose language the campaign does not target", async () => {
    const frenchOnly: CampaignValue = { ...campaign, languages: ["fr"], texts: { fr: CAMPAIGN_TEXTS.fr } };
    expect(await render("fr", frenchOnly)).toContain(CAMPAIGN_TEXTS.fr.message.replace(/'/g, "&#39;"));
    expect((await render("en", frenchOnly)).trim()).toBe("");
    expect((await render("de", frenchOnly)).trim()).toBe("");
  });

  it("honours the settings: alignment and CTA off", async () => {
    const html = await render("en", campaign, { alignment: "start", show_cta: false });
    expect(html).toContain("nl-campaign--start");
    expect(html).not.toContain("<a ");
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example/phish",
    "/\\evil.example/phish",
    "http://plain-http.example/",
  ])("drops a CTA link that is not https or a shop path: %s", async (ctaUrl) => {
    const html = await render("en", { ...campaign, ctaUrl });
    expect(html).toContain("nl-campaign__message");
    expect(html).not.toContain("<a ");
  });

  it("keeps an absolute https CTA", async () => {
    const html = await render("en", {
      ...campaign,
      ctaUrl: "https://alpine-knits.example/pages/sale?x=1&y=2",
    });
    expect(html).toContain('href="https://alpine-knits.example/pages/sale?x=1&amp;y=2"');
  });

  it("renders nothing without a campaign or with an unknown version", async () => {
    expect((await render("en", null)).trim()).toBe("");
    expect((await render("en", { ...campaign, version: 2 })).trim()).toBe("");
  });

  it.each(HOSTILE)("escapes hostile campaign texts: %s", async (evil) => {
    const html = await render("en", {
      ...campaign,
      id: evil,
      texts: { ...CAMPAIGN_TEXTS, en: { message: evil, ctaLabel: evil } },
      ctaUrl: `https://shop.example/"><script>alert(1)</script>`,
    });
    expectInert(html, evil);
    // The URL is https, so it is kept, escaped inside the attribute.
    expect(html).toContain('href="https://shop.example/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain("<script");
  });
});
