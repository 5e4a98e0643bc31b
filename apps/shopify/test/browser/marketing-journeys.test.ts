// The personas and campaigns pages in Chromium against the demo (offline AI): generate personas
// from the demo's segments, switch them to French, write a French campaign from a template for
// one of them and find it in the campaigns list. Screenshots and axe checks on every page.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../app/i18n/t.js";
import { hasChromium, seriousViolations, snapshot, startJourney, type Journey } from "./browser-kit.js";
import type { RunningDemo } from "./demo-process.js";

describe.skipIf(!hasChromium)(
  `personas and campaigns journeys in Chromium${hasChromium ? "" : " (skipped: /usr/bin/chromium is not installed)"}`,
  () => {
    let demo: RunningDemo;
    let journey: Journey;
    let page: Page;

    beforeAll(async () => {
      journey = await startJourney({ products: 10, customers: 60, orders: 300 });
      ({ demo, page } = journey);
    });
    afterAll(async () => {
      await journey?.close();
    });

    it("generates personas from the segments and switches them to French", async () => {
      await page.goto(`${demo.appUrl}/app/personas`);
      // Polaris draws the empty state's heading as a paragraph: found by its text.
      await page.getByText(t("en", "personas.emptyTitle"), { exact: true }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("button", { name: t("en", "personas.generate") }).click();
      await page
        .getByRole("heading", { name: t("en", "personas.goals") })
        .first()
        .waitFor();
      const cards = await page.getByRole("heading", { name: t("en", "personas.goals") }).count();
      expect(cards).toBeGreaterThanOrEqual(3);
      // Written by a job on the ai queue: the page followed it to the end and says so once.
      await page.getByText(t("en", "personas.generated", { count: cards })).waitFor();
      expect(await page.getByText(t("en", "personas.jobGenerating")).count()).toBe(0);
      expect(await page.getByRole("button", { name: t("en", "personas.regenerateAll") }).isDisabled()).toBe(
        false,
      );
      // Written offline in the demo: labelled as such, with an avatar per persona.
      expect(await page.getByText(t("en", "marketing.offline"), { exact: true }).count()).toBe(cards);
      expect(await page.locator('img[src^="data:image/svg+xml"]').count()).toBe(cards);
      await snapshot(page, "personas-en");
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel(t("en", "personas.language")).selectOption("fr");
      await page.waitForURL(/language=fr/);
      const translate = t("en", "personas.translate", { language: "French" });
      await page.getByRole("button", { name: translate }).click();
      await page.getByText(t("en", "personas.translated", { count: cards })).waitFor();
      expect(await page.getByRole("button", { name: translate }).count()).toBe(0);
      expect(await page.getByText(t("en", "personas.notTranslated")).count()).toBe(0);
      await snapshot(page, "personas-fr");
      expect(await seriousViolations(page)).toEqual([]);
    }, 120_000);

    it("writes a French campaign from a template for a persona and lists it", async () => {
      await page.goto(`${demo.appUrl}/app/personas`);
      await page
        .getByRole("link", { name: t("en", "personas.createCampaign") })
        .first()
        .click();
      await page.waitForURL(/\/app\/campaigns\/new\?persona=/);
      await page.getByLabel(t("en", "campaigns.name")).fill("Rentrée VIP");
      await page.getByLabel(t("en", "campaigns.start")).selectOption("new_arrival");
      // The product picker lists the synced catalog: tick two of the store's products.
      const store = await demo.adminQuery<{ products: { nodes: { title: string }[] } }>(
        `query { products(first: 2, sortKey: TITLE) { nodes { title } } }`,
      );
      for (const { title } of store.products.nodes)
        await page.getByRole("checkbox", { name: title, exact: true }).check();
      await page.getByText(t("en", "campaigns.selected", { count: 2 })).waitFor();
      // French only: untick English (the admin's language, ticked by default), tick Français.
      await page.getByRole("checkbox", { name: "English" }).uncheck();
      await page.getByRole("checkbox", { name: "Français" }).check();
      await snapshot(page, "campaign-new-en");
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("button", { name: t("en", "campaigns.generate") }).click();
      // The campaign is written by a job: the page follows it (`?job=`), then opens the campaign.
      await page.waitForURL(/\/app\/campaigns\/new\?job=[a-z0-9]+|\/app\/campaigns\/[a-z0-9]+\?created=1/);
      await page.waitForURL(/\/app\/campaigns\/[a-z0-9]+\?created=1/, { timeout: 30_000 });
      await page.getByText(t("en", "campaigns.created", { count: 1 })).waitFor();
      await page.getByRole("tab", { name: t("en", "campaigns.variant", { id: "A" }) }).waitFor();
      // The French copy of the email: the template's French greeting, merge tag kept.
      await page.getByText("Bonjour {{ customer.first_name }}", { exact: false }).first().waitFor();
      expect(await page.getByText(t("en", "marketing.offline"), { exact: true }).count()).toBeGreaterThan(0);
      await snapshot(page, "campaign-fr");
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${demo.appUrl}/app/campaigns`);
      await page.getByRole("link", { name: "Rentrée VIP" }).waitFor();
      await snapshot(page, "campaigns-en");
      expect(await seriousViolations(page)).toEqual([]);
    }, 120_000);
  },
);
