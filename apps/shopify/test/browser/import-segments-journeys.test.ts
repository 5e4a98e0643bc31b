// The import and customers & segments pages in Chromium against the demo: import a DS API payload
// as a draft and find it in the store emulator; browse the RFM grid and a segment's customers.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../app/i18n/t.js";
import { hasChromium, seriousViolations, snapshot, startJourney, type Journey } from "./browser-kit.js";
import type { RunningDemo } from "./demo-process.js";

const payload = readFileSync(
  new URL("../../../../packages/core/test/catalog/fixtures/ds-product-full.json", import.meta.url),
  "utf8",
);

describe.skipIf(!hasChromium)(
  `import and segments journeys in Chromium${hasChromium ? "" : " (skipped: /usr/bin/chromium is not installed)"}`,
  () => {
    // Several server round trips (two previews, a create, the store query) on a shared 2-core machine.
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

    it("imports an AliExpress payload as a draft and finds it in the store", async () => {
      await page.goto(`${demo.appUrl}/app/import`);
      await page.getByLabel(t("en", "import.source")).fill(payload);
      await page.getByRole("button", { name: t("en", "import.preview") }).click();
      // The store is in EUR, the supplier in USD: the rate is asked for inline, nothing else happens.
      await page.getByText(t("en", "import.errorRateNeeded", { from: "USD", to: "EUR" })).waitFor();
      await page.getByLabel(t("en", "import.rate")).fill("0.92");
      await page.getByRole("button", { name: t("en", "import.preview") }).click();
      await page.getByRole("heading", { name: t("en", "import.variants") }).waitFor();
      await snapshot(page, "import-preview-en");
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("button", { name: t("en", "import.create") }).click();
      await page.getByText(t("en", "import.created")).waitFor();
      const found = await demo.adminQuery<{
        products: { nodes: { status: string; variantsCount: { count: number } }[] };
      }>(`query { products(first: 5, query: "status:draft", sortKey: ID, reverse: true) {
            nodes { status variantsCount { count } } } }`);
      expect(found.products.nodes[0]).toEqual({ status: "DRAFT", variantsCount: { count: 9 } });
      await page.getByText("aliexpress:1005006123456789").waitFor();
      await snapshot(page, "import-created-en");
      expect(await seriousViolations(page)).toEqual([]);
    }, 90_000);

    it("shows the RFM grid and the segments, and a segment's customers without emails", async () => {
      await page.goto(`${demo.appUrl}/app/segments`);
      await page.getByRole("heading", { name: t("en", "segments.grid") }).waitFor();
      await snapshot(page, "segments-en");
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("link", { name: "Champions", exact: true }).click();
      await page.waitForURL(/\/app\/segments\/champions/);
      await page.locator("tbody tr").first().waitFor();
      expect(await page.locator("main, body").first().innerText()).not.toMatch(/@/);
      await snapshot(page, "segment-champions-en");
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${demo.appUrl}/app/segments?locale=ja`);
      await page.getByRole("heading", { name: t("ja", "segments.title") }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    }, 90_000);
  },
);
