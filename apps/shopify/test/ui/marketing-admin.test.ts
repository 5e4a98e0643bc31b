// The personas and campaigns services over a synced store (real emulator, real sync, real
// PostgreSQL), with the offline AI engine: generation grounded in the shop's data, edits,
// translation, A/B verdicts, exports, storefront publishing, audit trail, webhook events, tenant scoping.
import { createAI } from "@ninjalead/core/ai";
import { startOpenAIEmulator } from "@ninjalead/openai-emulator";
import { createMemoryCache } from "@ninjalead/core/cache";
import { validateChannelContent, type ChannelContent } from "@ninjalead/core/campaigns";
import { segmentLabel } from "@ninjalead/core/segments";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { segmentsOverview } from "../../app/admin/segments.server.js";
import {
  addVariantB,
  archiveCampaign,
  createCampaigns,
  exportCampaign,
  getCampaign,
  listCampaigns,
  publishShopCampaign,
  recordCampaignResults,
  updateCampaign,
  updateCampaignCopy,
  type CampaignView,
} from "../../app/campaigns/campaigns.server.js";
import { sanitizeSvg } from "../../app/personas/avatar.server.js";
import {
  generateShopPersonas,
  getPersona,
  listPersonas,
  regeneratePersona,
  shopPersonaRequest,
  translatePersona,
  translateShopPersonas,
  updatePersona,
  type MarketingDeps,
  type PersonaView,
} from "../../app/personas/personas.server.js";
import { startHarness, type Harness } from "../helpers/harness.js";
import { refusal } from "../helpers/refusal.js";

const OTHER = "someone-else.myshopify.com";

describe("personas and campaigns services", () => {
  let h: Harness;
  let shop: string;
  let personas: PersonaView[];
  let productIds: string[];
  const cache = createMemoryCache();
  const ai = createAI({ cache });
  const prisma = () => h.t.db.prisma;
  const deps = (overrides: Partial<MarketingDeps> = {}): MarketingDeps => ({
    prisma: prisma(),
    ai,
    shop,
    actor: { type: "staff", id: "test" },
    requestId: "req-test",
    ...overrides,
  });
  const audits = async (action: string) => prisma().auditEvent.count({ where: { shop, action } });
  const deliveries = async (event: string) => prisma().webhookDelivery.count({ where: { shop, event } });

  beforeAll(async () => {
    h = await startHarness({
      emulator: { generate: { seed: 21, products: 12, customers: 60, orders: 300 } },
    });
    await h.install();
    await h.settle();
    shop = h.emulator.shop;
    // An endpoint subscribed to both events, so emitEvent queues deliveries we can count.
    await prisma().webhookEndpoint.create({
      data: {
        shop,
        url: "https://hooks.example.com/nl",
        events: ["persona.created", "campaign.generated"],
        secret: "sealed",
      },
    });
    const products = await prisma().product.findMany({ where: { shop }, orderBy: { id: "asc" }, take: 5 });
    productIds = products.map((p) => p.id.toString());
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it("grounds the persona input in the synced customers, orders and catalog, like the segments page", async () => {
    const request = await shopPersonaRequest(prisma(), shop);
    if (!request) throw new Error("no persona input");
    const overview = await segmentsOverview(prisma(), cache, shop, "en", h.logger);
    expect(request.statistics.map((s) => s.customers)).toEqual(overview?.segments.map((s) => s.customers));
    expect(request.currency).toBe(overview?.currency);
    expect(request.catalog.productCount).toBe(
      await prisma().product.count({ where: { shop, status: { not: "ARCHIVED" } } }),
    );
    // Top products are real ids of the mirror with their titles.
    const top = request.statistics.flatMap((s) => s.topProducts);
    expect(top.length).toBeGreaterThan(0);
    const mirror = new Set(
      (await prisma().product.findMany({ where: { shop } })).map((p) => p.id.toString()),
    );
    for (const p of top) expect(mirror.has(p.id)).toBe(true);
    expect(await shopPersonaRequest(prisma(), OTHER)).toBeNull();
  });

  it("generates personas with sanitised avatars, one audit event and a persona.created event each", async () => {
    personas = await generateShopPersonas(deps(), { language: "en" });
    expect(personas.length).toBeGreaterThanOrEqual(3);
    expect(personas.length).toBeLessThanOrEqual(6);
    const rows = await prisma().persona.findMany({ where: { shop } });
    expect(rows).toHaveLength(personas.length);
    for (const row of rows) {
      expect(row.language).toBe("en");
      expect(row.generatedBy).toBe("offline");
      expect(row.avatar?.startsWith("<svg")).toBe(true);
      expect(row.avatar).not.toMatch(/script|onload|href/i);
    }
    for (const p of personas) {
      expect(p.offline).toBe(true);
      expect(p.avatar?.startsWith("data:image/svg+xml;base64,")).toBe(true);
      for (const f of p.favouriteProducts) expect(f.title.length).toBeGreaterThan(0);
    }
    expect(await audits("persona.generated")).toBe(1);
    expect(await deliveries("persona.created")).toBe(personas.length);

    // Generating again replaces the set (no duplicates).
    personas = await generateShopPersonas(deps(), { language: "en" });
    expect(await prisma().persona.count({ where: { shop } })).toBe(personas.length);
  });

  it("keeps only drawing markup in an SVG avatar", () => {
    const hostile =
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="5" fill="url(https://evil.example/x)"/><foreignObject><div>x</div></foreignObject><circle r="3" fill="#fff"/><a href="javascript:alert(3)"><text>hi</text></a></svg>';
    const clean = sanitizeSvg(hostile) ?? "";
    expect(clean).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg"><rect width="5"></rect><circle r="3" fill="#fff"></circle></svg>',
    );
    expect(sanitizeSvg("<div>not svg</div>")).toBeNull();
  });

  it("switches language: lists what is missing, translates every persona, keeps ages and segments", async () => {
    const before = await listPersonas(prisma(), shop, "fr");
    expect(before.missing).toBe(personas.length);
    expect(before.personas.every((p) => !p.translated && p.language === "en")).toBe(true);
    const french = await translateShopPersonas(deps(), { language: "fr" });
    expect(french).toHaveLength(personas.length);
    const after = await listPersonas(prisma(), shop, "fr");
    expect(after.missing).toBe(0);
    for (const p of after.personas) {
      const english = personas.find((e) => e.groupId === p.groupId);
      expect(p.language).toBe("fr");
      expect(p.segment).toBe(english?.segment);
      expect(p.ageRange).toEqual(english?.ageRange);
      expect(p.languages).toEqual(["en", "fr"]);
      // Offline, the translated persona has a French first name: its avatar shows its own initials.
      if (p.name !== english?.name) expect(p.avatar).not.toBe(english?.avatar);
      expect(p.segmentName).toBe(segmentLabel(p.segment, "fr").name);
    }
    expect(await audits("persona.translated")).toBe(1);
    // Translating again writes nothing; a single persona to a third language.
    expect(await translateShopPersonas(deps(), { language: "fr" })).toEqual([]);
    const first = personas[0];
    if (!first) throw new Error("no persona");
    const german = await translatePersona(deps(), first.id, { language: "de" });
    expect(german.language).toBe("de");
    expect(german.groupId).toBe(first.groupId);
    await expect(refusal(translateShopPersonas(deps(), { language: "xx" }))).resolves.toMatchObject({
      code: "invalid_input",
      fields: { language: { key: "marketing.error.language" } },
    });
  });

  it("saves a valid edit (ages shared with the translations), refuses bad ones naming the field", async () => {
    const first = personas[0];
    if (!first) throw new Error("no persona");
    const saved = await updatePersona(deps(), first.id, {
      name: "Camille the Collector",
      goals: ["Find rare pieces", "Buy once, keep forever"],
      ageMin: 30,
      ageMax: 44,
      preferredChannels: ["email", "instagram"],
    });
    expect(saved.name).toBe("Camille the Collector");
    expect(saved.goals).toEqual(["Find rare pieces", "Buy once, keep forever"]);
    const fr = (await listPersonas(prisma(), shop, "fr")).personas.find((p) => p.groupId === first.groupId);
    expect(fr?.ageRange).toEqual([30, 44]);
    expect(fr?.preferredChannels).toEqual(["email", "instagram"]);
    expect(fr?.name).not.toBe("Camille the Collector");
    expect(await audits("persona.updated")).toBe(1);

    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: "" }, "name", "marketing.error.personaName"],
      [{ goals: [] }, "goals", "marketing.error.personaList"],
      [{ goals: ["ok goal", "x"] }, "goals", "marketing.error.personaText"],
      [{ ageMin: 50, ageMax: 20 }, "ageMax", "marketing.error.ageOrder"],
      [{ ageMax: 20 }, "ageMax", "marketing.error.ageOrder"],
      [{ ageMin: Number.NaN }, "ageMin", "marketing.error.age"],
      [{ preferredChannels: ["fax"] }, "preferredChannels", "marketing.error.channel"],
      [{}, "form", "marketing.error.nothingToSave"],
    ];
    for (const [input, field, key] of cases) {
      const error = await refusal(updatePersona(deps(), first.id, input));
      expect(error.code).toBe("invalid_input");
      expect(error.fields[field]?.key, JSON.stringify(input)).toBe(key);
    }
    expect((await refusal(updatePersona(deps(), first.id, { role: "admin" }))).code).toBe("invalid_input");
    expect((await getPersona(prisma(), shop, first.id)).name).toBe("Camille the Collector");
    expect(await audits("persona.updated")).toBe(1);
  });

  it("regenerates one persona in place and redoes its translations", async () => {
    const first = personas[0];
    if (!first) throw new Error("no persona");
    const again = await regeneratePersona(deps(), first.id);
    expect(again.id).toBe(first.id);
    expect(again.segment).toBe(first.segment);
    expect(again.name).not.toBe("Camille the Collector");
    expect(again.languages).toEqual(["en", "fr", "de"]);
    expect(await audits("persona.regenerated")).toBe(1);
  });

  it("never shows or changes another shop's persona", async () => {
    const first = personas[0];
    if (!first) throw new Error("no persona");
    expect((await refusal(getPersona(prisma(), OTHER, first.id))).code).toBe("not_found");
    expect((await refusal(updatePersona(deps({ shop: OTHER }), first.id, { name: "Hijacked" }))).code).toBe(
      "not_found",
    );
    expect((await refusal(regeneratePersona(deps({ shop: OTHER }), first.id))).code).toBe("not_found");
    expect((await listPersonas(prisma(), OTHER, "en")).personas).toEqual([]);
    expect((await refusal(generateShopPersonas(deps({ shop: OTHER }), { language: "en" }))).code).toBe(
      "no_customers",
    );
    expect((await getPersona(prisma(), shop, first.id)).name).not.toBe("Hijacked");
  });

  let email: CampaignView;
  let sms: CampaignView;

  it("writes a French campaign from a template for a persona, per channel, with its events", async () => {
    const persona = personas.find((p) => p.segment) ?? personas[0];
    if (!persona) throw new Error("no persona");
    const created = await createCampaigns(deps(), {
      name: "Rentrée",
      personaId: persona.id,
      productIds: productIds.slice(0, 2),
      channels: ["email", "sms"],
      languages: ["fr", "en"],
      template: "new_arrival",
    });
    expect(created.map((c) => c.channel)).toEqual(["email", "sms"]);
    [email, sms] = created as [CampaignView, CampaignView];
    const product = await prisma().product.findFirst({ where: { shop, id: BigInt(productIds[0] ?? "0") } });
    for (const c of created) {
      expect(c.languages).toEqual(["fr", "en"]);
      expect(c.segment).toBe(persona.segment);
      expect(c.template).toBe("new_arrival");
      expect(c.offline).toBe(true);
      expect(c.variants.map((v) => v.id)).toEqual(["A"]);
      const [fr, en] = c.variants[0]?.copies ?? [];
      expect(fr?.language).toBe("fr");
      expect(en?.language).toBe("en");
      expect(fr?.violations).toEqual([]);
      if (c.channel === "email") expect(JSON.stringify(fr?.content)).toContain(product?.title ?? "?");
      expect(JSON.stringify(fr?.content)).not.toBe(JSON.stringify(en?.content));
    }
    expect(email.variants[0]?.copies[0]?.content).toMatchObject({ channel: "email" });
    expect(await audits("campaign.created")).toBe(2);
    expect(await deliveries("campaign.generated")).toBe(2);
    const list = await listCampaigns(prisma(), shop, {});
    expect(list.campaigns.map((c) => c.id).sort()).toEqual([email.id, sms.id].sort());
  });

  it("refuses a bad campaign request naming the field, and writes nothing", async () => {
    const count = await prisma().campaign.count({ where: { shop } });
    const base = { name: "X", productIds: productIds.slice(0, 1), channels: ["email"], languages: ["en"] };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, name: "" }, "name", "marketing.error.name"],
      [{ ...base, productIds: [] }, "productIds", "marketing.error.products"],
      [{ ...base, productIds: ["1", "2", "3", "4", "5", "6"] }, "productIds", "marketing.error.products"],
      [{ ...base, productIds: ["abc"] }, "productIds", "marketing.error.products"],
      [{ ...base, productIds: ["999999999"] }, "productIds", "marketing.error.productMissing"],
      [{ ...base, channels: [] }, "channels", "marketing.error.channel"],
      [{ ...base, channels: ["email", "email"] }, "channels", "marketing.error.channel"],
      [{ ...base, languages: ["xx"] }, "languages", "marketing.error.language"],
      [{ ...base, template: "nope" }, "template", "marketing.error.template"],
      [{ ...base, template: "win_back" }, "offer.code", "marketing.error.offerNeeded"],
      [
        { ...base, template: "flash_sale", offer: { code: "SALE10", discountPercent: 10 } },
        "offer.hours",
        "marketing.error.hours",
      ],
      [
        { ...base, template: "bundle", offer: { code: "DUO", discountPercent: 10 } },
        "productIds",
        "marketing.error.twoProducts",
      ],
      [
        { ...base, offer: { code: "bad code!", discountPercent: 10 } },
        "offer.code",
        "marketing.error.offerCode",
      ],
      [
        { ...base, offer: { code: "OK10", discountPercent: 95 } },
        "offer.discountPercent",
        "marketing.error.discount",
      ],
      [{ ...base, startsAt: "2026-12-10", endsAt: "2026-12-01" }, "endsAt", "marketing.error.endsAt"],
      [{ ...base, personaId: "not-a-persona" }, "personaId", "marketing.error.personaNotFound"],
    ];
    for (const [input, field, key] of cases) {
      const error = await refusal(createCampaigns(deps(), input));
      expect(error.code, JSON.stringify(input)).toBe("invalid_input");
      expect(error.fields[field]?.key, JSON.stringify(input)).toBe(key);
    }
    // Another shop's product ids are not this shop's.
    const otherProduct = await refusal(createCampaigns(deps({ shop: OTHER }), base));
    expect(otherProduct.fields.productIds?.key).toBe("marketing.error.productMissing");
    expect(await prisma().campaign.count({ where: { shop } })).toBe(count);
  });

  it("saves edited copy within the channel's limits and refuses copy that breaks them", async () => {
    const fr = email.variants[0]?.copies[0];
    if (!fr || fr.content.channel !== "email") throw new Error("no email copy");
    const edited: ChannelContent = {
      ...fr.content,
      subject: "Nouveautés pour vous, {{ customer.first_name }}",
    };
    const saved = await updateCampaignCopy(deps(), email.id, {
      variant: "A",
      language: "fr",
      content: edited,
    });
    const copy = saved.variants[0]?.copies.find((c) => c.language === "fr");
    expect(copy?.content).toEqual(edited);
    expect(copy?.template).toBeNull();
    expect(validateChannelContent(edited)).toEqual([]);

    const long = await refusal(
      updateCampaignCopy(deps(), email.id, {
        variant: "A",
        language: "fr",
        content: { ...fr.content, subject: "x".repeat(61) },
      }),
    );
    expect(long.fields["content.subject"]?.key).toBe("marketing.error.limit");
    const wrongChannel = await refusal(
      updateCampaignCopy(deps(), email.id, {
        variant: "A",
        language: "fr",
        content: { channel: "sms", text: "Hi" },
      }),
    );
    expect(wrongChannel.fields["content.channel"]?.key).toBe("marketing.error.channel");
    expect(
      (await refusal(updateCampaignCopy(deps(), email.id, { variant: "B", language: "fr", content: edited })))
        .code,
    ).toBe("not_found");
    expect(
      (
        await refusal(
          updateCampaignCopy(deps({ shop: OTHER }), email.id, {
            variant: "A",
            language: "fr",
            content: edited,
          }),
        )
      ).code,
    ).toBe("not_found");
    expect(await audits("campaign.copy_updated")).toBe(1);
  });

  it("adds a B variant from another template, records results and gives core's verdict", async () => {
    const withB = await addVariantB(deps(), email.id, {});
    expect(withB.variants.map((v) => v.id)).toEqual(["A", "B"]);
    const b = withB.variants[1]?.copies;
    expect(b?.map((c) => c.language)).toEqual(["fr", "en"]);
    expect(b?.[0]?.template).not.toBe("new_arrival");
    expect(JSON.stringify(b?.[0]?.content)).not.toBe(JSON.stringify(withB.variants[0]?.copies[0]?.content));
    expect((await refusal(addVariantB(deps(), email.id, {}))).code).toBe("conflict");
    expect(await deliveries("campaign.generated")).toBe(3);

    const early = await recordCampaignResults(deps(), email.id, {
      A: { sent: 200, conversions: 20 },
      B: { sent: 200, conversions: 25 },
    });
    expect(early.verdict?.status).toBe("not_enough_data");
    const done = await recordCampaignResults(
      deps(),
      email.id,
      { A: { sent: 5000, conversions: 500 }, B: { sent: 5000, conversions: 600 } },
      "fr",
    );
    expect(done.verdict?.status).toBe("significant");
    expect(done.verdict?.winner).toBe("B");
    expect(done.verdict?.message).toMatch(/^B gagne/);
    expect((await getCampaign(prisma(), shop, email.id, "de")).verdict?.message).toMatch(/^B gewinnt/);

    const over = await refusal(recordCampaignResults(deps(), email.id, { A: { sent: 10, conversions: 11 } }));
    expect(over.fields["A.conversions"]?.key).toBe("marketing.error.conversions");
    const negative = await refusal(
      recordCampaignResults(deps(), email.id, { A: { sent: -1, conversions: 0 } }),
    );
    expect(negative.fields["A.sent"]?.key).toBe("marketing.error.count");
    const noB = await refusal(
      recordCampaignResults(deps(), sms.id, {
        A: { sent: 10, conversions: 1 },
        B: { sent: 10, conversions: 2 },
      }),
    );
    expect(noB.fields.B?.key).toBe("marketing.error.noVariantB");
    expect((await getCampaign(prisma(), shop, email.id, "en")).results.A).toEqual({
      sent: 5000,
      conversions: 600 - 100,
    });
    expect(await audits("campaign.results_recorded")).toBe(2);
  });

  it("exports copy as text, CSV (one row per variant and language) and an HTML email", async () => {
    const text = await exportCampaign(prisma(), shop, email.id, { format: "text" });
    expect(text.contentType).toBe("text/plain; charset=utf-8");
    expect(text.filename).toBe("rentree-email.txt");
    expect(text.body).toContain("Nouveautés pour vous, {{ customer.first_name }}");

    const csv = await exportCampaign(prisma(), shop, email.id, { format: "csv" });
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]?.startsWith("Variant,Language,Subject,Preheader,")).toBe(true);
    expect(lines.slice(1).map((l) => l.slice(0, 4))).toEqual(["A,fr", "A,en", "B,fr", "B,en"]);
    // Field labels follow the merchant's admin language; the copy stays in its own language.
    const frenchAdmin = await exportCampaign(prisma(), shop, email.id, { format: "csv" }, "fr");
    expect(frenchAdmin.body.replace(/^\uFEFF/, "").startsWith("Variante,Langue,Objet,")).toBe(true);
    const frenchText = await exportCampaign(prisma(), shop, email.id, { format: "text" }, "fr");
    expect(frenchText.body).toContain("Objet:\nNouveautés pour vous");

    const html = await exportCampaign(prisma(), shop, email.id, {
      format: "html",
      variant: "A",
      language: "fr",
    });
    expect(html.contentType).toBe("text/html; charset=utf-8");
    expect(html.body).toContain('<html lang="fr">');
    expect(html.body).toContain("Nouveautés pour vous, {{ customer.first_name }}");
    expect(html.body).not.toMatch(/<script/i);

    const smsHtml = await refusal(exportCampaign(prisma(), shop, sms.id, { format: "html" }));
    expect(smsHtml.fields.format?.key).toBe("marketing.error.htmlEmailOnly");
    expect(
      (await refusal(exportCampaign(prisma(), shop, email.id, { format: "pdf" }))).fields.format?.key,
    ).toBe("marketing.error.format");
    expect((await refusal(exportCampaign(prisma(), OTHER, email.id, { format: "text" }))).code).toBe(
      "not_found",
    );
  });

  it("publishes to the storefront once it has an end date, then archives (off the storefront, read-only)", async () => {
    const noEnd = await refusal(publishShopCampaign(deps(), h.ctx, sms.id));
    expect(noEnd.fields.endsAt?.key).toBe("marketing.error.endsAtNeeded");
    const bad = await refusal(
      updateCampaign(deps(), sms.id, { startsAt: "2026-12-10", endsAt: "2026-12-01" }),
    );
    expect(bad.fields.endsAt?.key).toBe("marketing.error.endsAt");
    await updateCampaign(deps(), sms.id, { startsAt: "2026-11-01", endsAt: "2027-01-31" });
    const live = await publishShopCampaign(deps(), h.ctx, sms.id);
    expect(live.status).toBe("published");
    const metafield = h.emulator.store.shop.metafields.find(
      (m) => m.namespace.startsWith("app--") && m.key === "campaign",
    );
    expect(JSON.parse(metafield?.value ?? "{}")).toMatchObject({ id: sms.id, languages: ["fr", "en"] });
    expect(await audits("storefront.campaign_published")).toBe(1);
    expect((await refusal(publishShopCampaign(deps({ shop: OTHER }), h.ctx, sms.id))).code).toBe("not_found");

    const archived = await archiveCampaign(deps(), h.ctx, sms.id);
    expect(archived.status).toBe("archived");
    expect(
      h.emulator.store.shop.metafields.some((m) => m.namespace.startsWith("app--") && m.key === "campaign"),
    ).toBe(false);
    expect(await audits("campaign.archived")).toBe(1);
    expect((await refusal(updateCampaign(deps(), sms.id, { name: "Again" }))).code).toBe("conflict");
    expect((await refusal(addVariantB(deps(), sms.id, {}))).code).toBe("conflict");
    expect((await refusal(publishShopCampaign(deps(), h.ctx, sms.id))).code).toBe("conflict");

    const drafts = await listCampaigns(prisma(), shop, { status: "archived" });
    expect(drafts.campaigns.map((c) => c.id)).toEqual([sms.id]);
    expect((await listCampaigns(prisma(), OTHER, {})).campaigns).toEqual([]);
    const firstPage = await listCampaigns(prisma(), shop, { limit: 1 });
    expect(firstPage.nextCursor).not.toBeNull();
    const second = await listCampaigns(prisma(), shop, { limit: 1, cursor: firstPage.nextCursor });
    expect(second.campaigns[0]?.id).not.toBe(firstPage.campaigns[0]?.id);
  });

  it("writes through a real provider (the OpenAI emulator, labelled), and refuses cleanly when credits are gone", async () => {
    const server = await startOpenAIEmulator({ port: 0 });
    try {
      const remote = createAI({
        openai: { apiKey: "test", baseURL: server.baseURL },
        offline: false,
        cache: createMemoryCache(),
      });
      const written = await generateShopPersonas(deps({ ai: remote }), { language: "de" });
      expect(written.every((p) => p.generatedBy === "openai" && !p.offline)).toBe(true);
      const [campaign] = await createCampaigns(deps({ ai: remote }), {
        name: "Herbst",
        personaId: written[0]?.id,
        productIds: productIds.slice(0, 1),
        channels: ["meta_ad"],
        languages: ["de"],
      });
      expect(campaign?.generatedBy).toBe("openai");
      expect(campaign?.offline).toBe(false);
      expect(campaign?.variants[0]?.copies[0]?.violations).toEqual([]);

      const broke = createAI({
        openai: { apiKey: "test", baseURL: server.baseURL },
        offline: false,
        cache: createMemoryCache(),
        quota: { creditsPerShop: 0 },
      });
      const before = await prisma().persona.findMany({ where: { shop }, orderBy: { id: "asc" } });
      const refused = await refusal(generateShopPersonas(deps({ ai: broke }), { language: "en" }));
      expect(refused).toMatchObject({ code: "quota_exceeded", key: "marketing.error.quota" });
      expect(await prisma().persona.findMany({ where: { shop }, orderBy: { id: "asc" } })).toEqual(before);
      const noCampaign = await refusal(
        createCampaigns(deps({ ai: broke }), {
          name: "X",
          productIds: productIds.slice(0, 1),
          channels: ["sms"],
          languages: ["en"],
        }),
      );
      expect(noCampaign.code).toBe("quota_exceeded");
    } finally {
      await server.close();
    }
  }, 60_000);

  it("records every change in the audit trail with the actor and request id", async () => {
    const events = await prisma().auditEvent.findMany({
      where: { shop, OR: [{ action: { startsWith: "persona." } }, { action: { startsWith: "campaign." } }] },
    });
    expect(events.length).toBeGreaterThan(8);
    for (const e of events) {
      expect(e.actorType).toBe("staff");
      expect(e.actorId).toBe("test");
      expect(e.requestId).toBe("req-test");
    }
    expect(await prisma().auditEvent.count({ where: { shop: OTHER } })).toBe(0);
  });
});
