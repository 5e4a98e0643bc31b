import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../app/i18n/t.js";
import { hasChromium, seriousViolations, snapshot, startJourney, type Journey } from "./browser-kit.js";
import type { RunningDemo } from "./demo-process.js";

describe.skipIf(!hasChromium)(
  `admin journeys in Chromium${hasChromium ? "" : " (skipped: /usr/bin/chromium is not installed; apt-get install -y chromium)"}`,
  () => {
    let demo: RunningDemo;
    let journey: Journey;
    let page: Page;

    beforeAll(async () => {
      journey = await startJourney({ products: 40, customers: 60, orders: 300 }, { signIn: false });
      ({ demo, page } = journey);
    });

    afterAll(async () => {
      await journey?.close();
    });

    it("first visit: the dashboard, then the synced catalog with scores", async () => {
      await page.goto(`${demo.appUrl}/demo`);
      await page.waitForURL(/\/app$/);
      await expect(
        page.getByRole("heading", { name: t("en", "dashboard.seoHealth") }).isVisible(),
      ).resolves.toBe(true);
      // The catalog is scored on the first visit; both charts render in the browser after mount.
      await page.getByText(t("en", "dashboard.topIssues")).waitFor();
      await page.locator("figure svg").nth(1).waitFor();
      await snapshot(page, "dashboard-en");
      expect(await seriousViolations(page)).toEqual([]);

      // A top issue links to the products that have it.
      await page.getByRole("list").getByRole("link").first().click();
      await page.waitForURL(/\/app\/products\?issue=\w+/);
      await page.locator("tbody tr").first().waitFor();

      await page.goto(`${demo.appUrl}/app/products`);
      const rows = page.locator("tbody tr");
      await rows.first().waitFor();
      expect(await rows.count()).toBe(25);
      // Every row shown has a score (the page audits what it shows).
      await expect(page.getByText(t("en", "score.none")).count()).resolves.toBe(0);
      await snapshot(page, "products-en");
      expect(await seriousViolations(page)).toEqual([]);

      // Cursor pagination: the next page starts after the last product of this one.
      const firstPage = await rows.locator("a").allTextContents();
      await page.getByRole("button", { name: "Next" }).click();
      await page.waitForURL(/after=/);
      await page.waitForFunction(
        (first) => document.querySelector("tbody tr a")?.textContent !== first,
        firstPage[0],
      );
      expect(await rows.count()).toBe(15);
      expect(await rows.locator("a").allTextContents()).not.toContain(firstPage[0]);
    });

    it("checks the store for changes on demand, once per few minutes", async () => {
      await page.goto(`${demo.appUrl}/app`);
      const check = page.getByRole("button", { name: t("en", "dashboard.syncCheck") });
      await check.click();
      await page.getByText(t("en", "dashboard.syncCheckQueued")).waitFor();
      // At once again: the reconciliation is running or was just asked for; nothing more is queued.
      await check.click();
      await page
        .getByText(t("en", "dashboard.syncCheckRecent"))
        .or(page.getByText(t("en", "dashboard.syncCheckRunning")))
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it("selects every matching product across pages for Fix with AI", async () => {
      await page.goto(`${demo.appUrl}/app/products`);
      await page.locator("tbody tr").first().waitFor();
      await page.locator("thead input[type=checkbox]").first().check({ force: true });
      // Polaris offers "Select all 25+ products" when there are more pages.
      await page.getByRole("button", { name: /^Select all 25\+/ }).click();
      await page.getByRole("button", { name: t("en", "fixes.fixWithAi") }).click();
      await page.waitForURL(/\/app\/products\/fixes\//);
      await page.getByText(t("en", "fixes.progress", { done: 40, total: 40 })).waitFor({ timeout: 60_000 });
    });

    it("opens a product, rejects an empty title, saves live to the store, accepts an AI fix", async () => {
      await page.goto(`${demo.appUrl}/app/products`);
      const link = page.locator("tbody tr a").first();
      const href = (await link.getAttribute("href")) ?? "";
      const id = /\/app\/products\/(\d+)/.exec(href)?.[1] ?? "";
      await link.click();
      await page.getByRole("heading", { name: t("en", "product.seoChecks") }).waitFor();
      await snapshot(page, "product-en");
      expect(await seriousViolations(page)).toEqual([]);

      const title = page.getByLabel(t("en", "product.seoTitle"));
      await title.fill("");
      await page.getByRole("button", { name: t("en", "product.save") }).click();
      await page.getByText(t("en", "product.errorTitleEmpty")).waitFor();

      // A title far too short for Google: saved live, and now a failing check the AI can fix.
      await title.fill("Tee");
      await page.getByLabel(t("en", "product.metaDescription")).fill("Saved by the admin journey test.");
      await page.getByRole("button", { name: t("en", "product.save") }).click();
      await page.getByText(t("en", "product.saved")).waitFor();
      const stored = () =>
        demo.adminQuery<{ product: { seo: { title: string; description: string } } }>(
          `query ($id: ID!) { product(id: $id) { seo { title description } } }`,
          { id: `gid://shopify/Product/${id}` },
        );
      expect((await stored()).product.seo).toEqual({
        title: "Tee",
        description: "Saved by the admin journey test.",
      });

      // Accept the AI's title (the demo has no model: offline, and labelled so), save, see it in the store.
      await page
        .getByRole("button", { name: t("en", "product.suggest") })
        .first()
        .click();
      await page.getByText(t("en", "product.suggestion")).first().waitFor();
      await page.getByText(t("en", "product.offline"), { exact: true }).first().waitFor();
      await page
        .getByRole("button", { name: t("en", "product.useSuggestion") })
        .first()
        .click();
      const suggested = await title.inputValue();
      expect(suggested).not.toBe("Tee");
      await snapshot(page, "product-suggestions-en");
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: t("en", "product.save") }).click();
      await page.getByText(t("en", "product.saved")).waitFor();
      // The Google preview shows the new title.
      await page.getByText(suggested, { exact: true }).first().waitFor();
      // The "saved" banner of the first save may still be on screen: wait for the store itself.
      await expect.poll(async () => (await stored()).product.seo.title, { timeout: 15_000 }).toBe(suggested);

      // Alt texts: on a product with images, edit the first one's, save, see it in the store.
      const withImages = await demo.adminQuery<{
        products: { nodes: { id: string; media: { nodes: { id: string }[] } }[] };
      }>(`{ products(first: 30) { nodes { id media(first: 1) { nodes { id } } } } }`);
      const pictured = withImages.products.nodes.find((p) => p.media.nodes.length > 0)?.id ?? "";
      const pictureId = pictured.split("/").pop() ?? "";
      await page.goto(`${demo.appUrl}/app/products/${pictureId}`);
      const altField = page.getByLabel(t("en", "product.altLabel", { n: 1 }));
      await altField.fill("Front of the product on a white background");
      await page.getByRole("button", { name: t("en", "product.altSave") }).click();
      await page.getByText(t("en", "product.altSaved", { count: 1 })).waitFor();
      const alts = await demo.adminQuery<{ product: { media: { nodes: { alt: string | null }[] } } }>(
        `query ($id: ID!) { product(id: $id) { media(first: 5) { nodes { alt } } } }`,
        { id: pictured },
      );
      expect(alts.product.media.nodes[0]?.alt).toBe("Front of the product on a white background");
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${demo.appUrl}/app/activity`);
      await page.getByText(t("en", "activity.action.product.seo_updated")).first().waitFor();
      await page.getByText(t("en", "activity.action.product.alt_texts_updated")).first().waitFor();
    });

    it("shows the pages in Japanese with ?locale=ja", async () => {
      await page.goto(`${demo.appUrl}/app?locale=ja`);
      await page.getByRole("heading", { name: t("ja", "dashboard.seoHealth") }).waitFor();
      await snapshot(page, "dashboard-ja");

      await page.goto(`${demo.appUrl}/app/products?locale=ja`);
      await page.getByRole("heading", { name: t("ja", "products.title"), level: 1 }).waitFor();
      await page.getByRole("columnheader", { name: t("ja", "products.colSeo") }).waitFor();
      await snapshot(page, "products-ja");
      expect(await seriousViolations(page)).toEqual([]);

      const href = (await page.locator("tbody tr a").first().getAttribute("href")) ?? "";
      await page.goto(`${demo.appUrl}${href}?locale=ja`);
      await page.getByRole("heading", { name: t("ja", "product.googlePreview") }).waitFor();
      await page.getByRole("button", { name: t("ja", "product.save") }).waitFor();
      // No English heading left on the page.
      await expect(page.getByRole("heading", { name: t("en", "product.seoChecks") }).count()).resolves.toBe(
        0,
      );
      await snapshot(page, "product-ja");
    });
  },
);
