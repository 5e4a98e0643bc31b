import { describe, expect, it } from "vitest";
import type { PersonaMessagesValue } from "../src/contract.js";
import { APP_ID, campaign, HOSTILE, pageState, personas } from "./support/fixtures.js";
import { expectInert } from "./support/html.js";
import { appMetafields, createShopifyLiquid, renderBlock } from "./support/shopify-liquid.js";

const liquid = createShopifyLiquid();

const render = (
  locale: string,
  customer: { first_name: string; tags: string[] } | null,
  value: unknown = personas,
  settings: Record<string, boolean> = {},
) =>
  renderBlock(liquid, {
    block: "persona-message",
    state: pageState({
      locale,
      customer,
      shopMetafields: appMetafields(APP_ID, { campaign, personas: value }),
    }),
    settings,
  });

const vip = { first_name: "Léa", tags: ["VIP", "newsletter"] };

describe("Persona message block", () => {
  it("shows the first matching tag's message in the shopper's language", async () => {
    const html = await render("fr", vip);
    expect(html).toContain('<div class="nl-persona" lang="fr" role="note" aria-label="Un message pour vous"');
    expect(html).toContain(
      '<p class="nl-persona__message">Merci d&#39;être VIP : livraison express offerte sur chaque commande.</p>',
    );
    expect(html).not.toContain("early access");
    expect(html).not.toContain("<script");
  });

  it("falls back to the default language when the message has no text in the shopper's", async () => {
    const html = await render("de", { first_name: "Jonas", tags: ["newsletter"] });
    expect(html).toContain('lang="en"');
    expect(html).toContain("Subscribers get early access to every sale.");
    expect(html).toContain(">Eine Nachricht für Sie</p>");
  });

  it("shows nothing to guests, to customers without a matching tag, or without data", async () => {
    expect((await render("en", null)).trim()).toBe("");
    expect((await render("en", { first_name: "Sam", tags: ["wholesale"] })).trim()).toBe("");
    // Tags match exactly, as Liquid's `contains` on customer.tags does.
    expect((await render("en", { first_name: "Sam", tags: ["vip"] })).trim()).toBe("");
    expect((await render("en", vip, null)).trim()).toBe("");
  });

  it("hides the heading when the merchant turns it off", async () => {
    const html = await render("en", vip, personas, { show_heading: false });
    expect(html).toContain("Thank you for being a VIP");
    expect(html).not.toContain("nl-persona__heading");
  });

  it.each(HOSTILE)("escapes a hostile message: %s", async (evil) => {
    const value: PersonaMessagesValue = {
      version: 1,
      defaultLanguage: "en",
      messages: [{ tag: "VIP", texts: { en: evil } }],
    };
    const html = await render("en", vip, value);
    expectInert(html, evil);
    expect(html).not.toContain("<script");
  });
});
