// The general Settings page and the SEO overview against real PostgreSQL and a synced store
// emulator; the shop's own AI key is exercised against the OpenAI emulator over HTTP.
import { createMemoryCache } from "@ninjalead/core/cache";
import { startOpenAIEmulator, type Emulator as OpenAIEmulator } from "@ninjalead/openai-emulator";
import { suggestFixes } from "@ninjalead/core/seo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDefaults } from "../../app/admin/import.server.js";
import { DEFAULT_PRICING } from "../../app/admin/import-form.js";
import { computeOverview, loadOverview } from "../../app/admin/seo-overview.server.js";
import { exportShopData, loadSettings, updateSettings } from "../../app/admin/shop-settings.server.js";
import { createShopAI } from "../../app/ai.server.js";
import { createTokenCipher } from "../../app/security/token-cipher.server.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const actor = { type: "staff" as const, id: "test" };
const SHOP_KEY = "sk-shop-own-key-0123456789abcdWXYZ";

function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) f.append(key, v);
  return f;
}

describe("settings and SEO overview", () => {
  let h: Harness;
  let openai: OpenAIEmulator;
  let shop: string;
  const prisma = () => h.t.db.prisma;
  const deps = () => ({
    prisma: prisma(),
    sql: h.t.db.sql,
    cipher: createTokenCipher(h.ctx.config.encryptionKey),
    shop,
    actor,
  });
  const audits = (action: string) => prisma().auditEvent.count({ where: { shop, action } });

  beforeAll(async () => {
    openai = await startOpenAIEmulator({ port: 0, apiKey: SHOP_KEY });
    h = await startHarness({
      db: "postgres",
      emulator: { generate: { seed: 5, products: 30, customers: 10, orders: 20 } },
    });
    await h.install();
    await h.settle();
    shop = h.emulator.shop;
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    await openai?.close();
  });

  it("saves store languages (primary always enabled) and refuses unknown ones inline", async () => {
    const bad = await updateSettings(deps(), form({ intent: "languages", primaryLocale: "xx" }));
    expect(bad).toMatchObject({
      ok: false,
      errors: { primaryLocale: { key: "settings.errorPrimaryLocale" } },
    });
    const badList = await updateSettings(
      deps(),
      form({ intent: "languages", primaryLocale: "fr", "enabledLocales[]": ["de", "klingon"] }),
    );
    expect(badList).toMatchObject({
      ok: false,
      errors: { enabledLocales: { key: "settings.errorLocales" } },
    });
    expect(await audits("settings.languages_updated")).toBe(0);

    const ok = await updateSettings(
      deps(),
      form({ intent: "languages", primaryLocale: "fr", "enabledLocales[]": ["ja", "de"] }),
    );
    expect(ok).toEqual({ ok: true, intent: "languages" });
    const row = await prisma().shop.findUniqueOrThrow({ where: { domain: shop } });
    expect([row.primaryLocale, row.enabledLocales]).toEqual(["fr", ["fr", "de", "ja"]]);
    expect(await audits("settings.languages_updated")).toBe(1);
    expect(await updateSettings(deps(), form({ intent: "nope" }))).toMatchObject({
      ok: false,
      errors: { form: { key: "settings.errorForm" } },
    });
  });

  it("stores a provider key encrypted, shows only its end, and the shop's AI uses it", async () => {
    expect(
      await updateSettings(deps(), form({ intent: "setKey", provider: "openai", apiKey: "short" })),
    ).toMatchObject({ ok: false, provider: "openai", errors: { apiKey: { key: "settings.errorApiKey" } } });
    expect(
      await updateSettings(deps(), form({ intent: "setKey", provider: "gemini", apiKey: SHOP_KEY })),
    ).toMatchObject({ ok: false, errors: { provider: { key: "settings.errorProvider" } } });

    const shopAI = createShopAI({
      prisma: prisma(),
      cache: createMemoryCache(),
      logger: h.logger,
      cipher: deps().cipher,
      env: { OPENAI_BASE_URL: openai.baseURL },
    });
    const product = await prisma().product.findFirstOrThrow({ where: { shop }, orderBy: { id: "asc" } });
    const input = { title: product.title, descriptionHtml: product.descriptionHtml, seoTitle: "Tee" };
    const before = openai.stats().requests;
    expect((await suggestFixes(input, [], { ai: await shopAI(shop), shopId: shop })).provider).toBe(
      "offline",
    );
    expect(openai.stats().requests).toBe(before);

    expect(
      await updateSettings(deps(), form({ intent: "setKey", provider: "openai", apiKey: SHOP_KEY })),
    ).toEqual({
      ok: true,
      intent: "setKey",
    });
    const row = await prisma().shop.findUniqueOrThrow({ where: { domain: shop } });
    expect(JSON.stringify(row.settings)).not.toContain(SHOP_KEY);
    const settings = await loadSettings(prisma(), h.t.db.sql, shop);
    expect(settings.keys).toEqual({ openai: { set: true, last4: "WXYZ" }, xai: { set: false, last4: null } });
    const [event] = await prisma().auditEvent.findMany({ where: { shop, action: "settings.ai_key_set" } });
    expect(JSON.stringify(event?.summary)).not.toContain("WXYZ");

    // The emulator answers only with the shop's key: a call that reaches it proves the key is used.
    const checks = [{ id: "seoTitleWidth", category: "seo", rating: "bad", score: 3 }] as never;
    await suggestFixes(input, checks, { ai: await shopAI(shop), shopId: shop });
    expect(openai.stats().requests).toBeGreaterThan(before);
    expect(openai.stats().byStatus[401] ?? 0).toBe(0);

    expect(await updateSettings(deps(), form({ intent: "removeKey", provider: "openai" }))).toEqual({
      ok: true,
      intent: "removeKey",
    });
    expect((await loadSettings(prisma(), h.t.db.sql, shop)).keys.openai).toEqual({ set: false, last4: null });
  });

  it("saves import pricing defaults used by the import form; bad values name the field", async () => {
    expect(await importDefaults(prisma(), shop)).toEqual(DEFAULT_PRICING);
    const pricing = {
      multiplier: "3",
      minimumMargin: "40",
      ending: ".95",
      compareAt: "supplier",
      rate: "",
      optimise: "on",
    };
    expect(
      await updateSettings(deps(), form({ intent: "pricing", ...pricing, multiplier: "0.5" })),
    ).toMatchObject({
      ok: false,
      errors: { multiplier: { key: "settings.errorMultiplier" } },
    });
    expect(await importDefaults(prisma(), shop)).toEqual(DEFAULT_PRICING);
    expect(await updateSettings(deps(), form({ intent: "pricing", ...pricing }))).toEqual({
      ok: true,
      intent: "pricing",
    });
    expect(await importDefaults(prisma(), shop)).toEqual(pricing);
  });

  it("finds duplicate titles across the catalog, cached until the catalog changes", async () => {
    const [a, b] = await prisma().product.findMany({ where: { shop }, orderBy: { id: "asc" }, take: 2 });
    if (!a || !b) throw new Error("no products");
    await prisma().product.updateMany({
      where: { shop, id: { in: [a.id, b.id] } },
      data: { seoTitle: "Same title for both | Acme", syncedAt: new Date() },
    });
    const overview = await computeOverview(prisma(), shop, "en");
    expect(overview.products).toBe(30);
    const group = overview.duplicateSeoTitles.find((g) => g.value === "Same title for both | Acme");
    expect(group?.count).toBe(2);
    expect(group?.products.map((p) => p.id).sort()).toEqual([a.id.toString(), b.id.toString()].sort());
    expect(group?.products.map((p) => p.title)).toContain(a.title);

    const cache = createMemoryCache();
    const load = () => loadOverview({ prisma: prisma(), cache, logger: h.logger, shop, shopLanguage: "en" });
    const first = await load();
    expect(first.state).toBe("ready");
    const again = await load();
    expect(again.overview?.computedAt).toBe(first.overview?.computedAt);
    await prisma().product.update({
      where: { shop_id: { shop, id: b.id } },
      data: { seoTitle: "Another title", syncedAt: new Date(Date.now() + 1_000) },
    });
    const fresh = await load();
    expect(fresh.state).toBe("ready");
    expect(
      fresh.overview?.duplicateSeoTitles.find((g) => g.value === "Same title for both | Acme"),
    ).toBeUndefined();
  });

  it("exports everything as JSON without secrets, and deletes it only when confirmed", async () => {
    await updateSettings(deps(), form({ intent: "setKey", provider: "xai", apiKey: SHOP_KEY }));
    let text = "";
    for await (const chunk of exportShopData(h.t.db.sql, shop)) text += chunk;
    const data = JSON.parse(text) as { shop: string; tables: Record<string, Record<string, unknown>[]> };
    expect(data.shop).toBe(shop);
    expect(data.tables.Product).toHaveLength(30);
    expect(data.tables.Session).toBeUndefined();
    expect(text).not.toContain(SHOP_KEY);
    // Nothing sealed: secrets are left out, personal data is opened for the merchant.
    expect(text).not.toMatch(/nl1\.[0-9a-f]{16}\./);
    const customer = await prisma().customer.findFirstOrThrow({ where: { shop, email: { not: null } } });
    const exported = data.tables.Customer?.find((c) => c.id === customer.id.toString());
    expect(exported?.email).toMatch(/@/);
    expect(exported?.emailHash).toBeUndefined();
    expect(data.tables.Shop?.[0]?.settings).toMatchObject({ aiKeys: { xai: { set: true } } });

    expect(
      await updateSettings(deps(), form({ intent: "deleteData", confirm: "wrong.myshopify.com" })),
    ).toMatchObject({
      ok: false,
      errors: { confirm: { key: "settings.errorConfirm" } },
    });
    expect(await prisma().product.count({ where: { shop } })).toBe(30);

    // The page's row counts are cached; the deletion forgets them, so the page shows it at once.
    const cache = createMemoryCache();
    const before = await loadSettings(prisma(), h.t.db.sql, shop, cache);
    expect(before.stored.find((s) => s.table === "Product")?.rows).toBe(30);
    expect(await updateSettings({ ...deps(), cache }, form({ intent: "deleteData", confirm: shop }))).toEqual(
      {
        ok: true,
        intent: "deleteData",
      },
    );
    const after = await loadSettings(prisma(), h.t.db.sql, shop, cache);
    expect(after.stored.find((s) => s.table === "Product")).toBeUndefined();
    expect(await prisma().product.count({ where: { shop } })).toBe(0);
    expect(await prisma().customer.count({ where: { shop } })).toBe(0);
    expect(await prisma().session.count({ where: { shop } })).toBeGreaterThan(0);
    const settings = await loadSettings(prisma(), h.t.db.sql, shop);
    expect(settings.keys.xai.set).toBe(false);
    expect(settings.pricing).toEqual(DEFAULT_PRICING);
    expect((await prisma().auditEvent.findMany({ where: { shop } })).map((e) => e.action)).toEqual([
      "settings.data_deleted",
    ]);
  });
});
