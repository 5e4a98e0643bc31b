// Bulk "Fix with AI" in Chromium against the demo: select 20 products, watch the job reach 100 %,
// approve the proposals and find the new SEO fields in the store emulator; then the SEO overview
// and Settings pages. Screenshots and axe checks along the way.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../app/i18n/t.js";
import { hasChromium, seriousViolations, snapshot, startJourney, type Journey } from "./browser-kit.js";
import type { RunningDemo } from "./demo-process.js";

const PRODUCTS = 20;

type StoreSeo = {
  products: {
    nodes: {
      id: string;
      seo: { title: string | null; description: string | null };
      media: { nodes: { alt: string | null }[] };
    }[];
  };
};
// What a fix may change: the SEO fields and the images' alt texts.
const STORE_SEO = `query { products(first: 25) { nodes { id seo { title description } media(first: 10) { nodes { alt } } } } }`;
// An empty alt text is no alt text: undo may write "" where there was none.
const fixable = (p: StoreSeo["products"]["nodes"][number]) =>
  JSON.stringify([p.seo, p.media.nodes.map((m) => m.alt ?? "")]);

describe.skipIf(!hasChromium)(
  `bulk fix journey in Chromium${hasChromium ? "" : " (skipped: /usr/bin/chromium is not installed)"}`,
  () => {
    let demo: RunningDemo;
    let journey: Journey;
    let page: Page;

    beforeAll(async () => {
      journey = await startJourney({ products: PRODUCTS, customers: 20, orders: 40 });
      ({ demo, page } = journey);
    });
    afterAll(async () => {
      await journey?.close();
    });

    it("bulk-fixes 20 products with progress to 100 %, approves, and the store has the new fields", async () => {
      const before = await demo.adminQuery<StoreSeo>(STORE_SEO);
      await page.goto(`${demo.appUrl}/app/products`);
      await page
        .locator("tbody tr")
        .nth(PRODUCTS - 1)
        .waitFor();
      // The header checkbox selects every row of the page (the 20 products).
      await page.locator("thead input[type=checkbox]").first().check({ force: true });
      await page.getByRole("button", { name: t("en", "fixes.fixWithAi") }).click();
      await page.waitForURL(/\/app\/products\/fixes\//);
      await page
        .getByText(t("en", "fixes.progress", { done: PRODUCTS, total: PRODUCTS }))
        .waitFor({ timeout: 60_000 });
      await page.getByText(t("en", "fixes.jobSucceeded"), { exact: true }).first().waitFor();
      expect(await page.locator("progress").first().getAttribute("value")).toBe("100");
      await page.getByText(t("en", "fixes.offline"), { exact: true }).waitFor();
      await snapshot(page, "bulk-fix-review-en");
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("button", { name: /^Approve all/ }).click();
      const applied = page.getByText(/fixes applied to your store/);
      await applied.waitFor();
      const count = Number((await applied.innerText()).match(/\d+/)?.[0]);
      expect(count).toBeGreaterThan(0);
      await snapshot(page, "bulk-fix-applied-en");

      const after = await demo.adminQuery<StoreSeo>(STORE_SEO);
      const old = new Map(before.products.nodes.map((p) => [p.id, fixable(p)]));
      const changed = after.products.nodes.filter((p) => fixable(p) !== old.get(p.id));
      expect(changed).toHaveLength(count);
      const text = await page.locator("body").innerText();
      for (const p of changed) {
        const previous = before.products.nodes.find((b) => b.id === p.id);
        const value =
          JSON.stringify(p.seo) !== JSON.stringify(previous?.seo)
            ? (p.seo.title ?? p.seo.description ?? "")
            : (p.media.nodes.find((m, i) => m.alt !== previous?.media.nodes[i]?.alt)?.alt ?? "");
        expect(text).toContain(value);
      }
      // Undo the first applied one: its old values are back in the store.
      await page
        .getByRole("button", { name: t("en", "fixes.undo") })
        .first()
        .click();
      await page
        .getByRole("button", { name: t("en", "fixes.reapply") })
        .first()
        .waitFor();
      const undone = await demo.adminQuery<StoreSeo>(STORE_SEO);
      const stillChanged = undone.products.nodes.filter((p) => fixable(p) !== old.get(p.id));
      expect(stillChanged).toHaveLength(count - 1);
    }, 120_000);

    it("shows the SEO overview and the Settings page", async () => {
      await page.goto(`${demo.appUrl}/app/seo`);
      await page.getByRole("heading", { name: t("en", "seo.duplicateTitles") }).waitFor({ timeout: 30_000 });
      await snapshot(page, "seo-overview-en");
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${demo.appUrl}/app/settings`);
      await page.getByText(t("en", "settings.languages"), { exact: true }).first().waitFor();
      await page.getByLabel(t("en", "settings.apiKey")).first().fill("too short");
      await page
        .getByRole("button", { name: t("en", "settings.save") })
        .nth(1)
        .click();
      await page.getByText(t("en", "settings.errorApiKey")).waitFor();
      await snapshot(page, "settings-en");
      expect(await seriousViolations(page)).toEqual([]);
    }, 90_000);
  },
);
