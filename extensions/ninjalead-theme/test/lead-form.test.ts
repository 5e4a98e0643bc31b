import { describe, expect, it } from "vitest";
import { HOSTILE, pageState } from "./support/fixtures.js";
import { expectInert } from "./support/html.js";
import { createShopifyLiquid, renderBlock } from "./support/shopify-liquid.js";

const liquid = createShopifyLiquid();
const LANGUAGES = ["en", "fr", "es", "de", "it", "pt-BR", "nl", "pl", "ja", "zh-CN"];

const render = (locale: string, settings: Record<string, string> = {}) =>
  renderBlock(liquid, { block: "lead-form", state: pageState({ locale }), settings });

describe("Newsletter (lead form) block", () => {
  it("posts to the app proxy with an email field, a consent box, the language and the campaign", async () => {
    const html = await render("fr", { campaign: "summer-sale" });
    expect(html).toContain('<form class="nl-lead" method="post" action="/apps/ninjalead/lead" lang="fr"');
    expect(html).toMatch(/<input class="nl-lead__input" id="[^"]+" type="email" name="email" required/);
    expect(html).toContain('<input type="checkbox" name="consent" value="on">');
    expect(html).toContain("En cochant cette case, vous acceptez de recevoir des e-mails marketing");
    expect(html).toContain('<input type="hidden" name="locale" value="fr">');
    expect(html).toContain('<input type="hidden" name="campaign" value="summer-sale">');
    expect(html).not.toContain("<script");
  });

  it("labels the email field and hides the honeypot from people and assistive technology even unstyled", async () => {
    const html = await render("en");
    const id = /id="([^"]+)" type="email"/.exec(html)?.[1];
    expect(html).toContain(`<label class="nl-lead__label" for="${id}">Email address</label>`);
    expect(html).toMatch(
      /<div class="nl-lead__trap" aria-hidden="true" style="position:absolute;left:-10000px[^"]*">/,
    );
    expect(html).toContain('name="website" tabindex="-1" autocomplete="off"');
  });

  it.each(LANGUAGES)("renders in %s", async (lang) => {
    const html = await render(lang);
    expect(html).toContain(`lang="${lang}"`);
    expect(html).not.toMatch(/translation missing/i);
  });

  it.each(HOSTILE)("escapes a hostile merchant heading and campaign: %s", async (evil) => {
    const html = await render("en", { heading: evil, campaign: evil });
    expectInert(html, evil);
  });
});
