import type { Prisma, PrismaClient } from "@prisma/client";
import type { Cache, Logger } from "@ninjalead/core";
import { LANGUAGES, type Language } from "@ninjalead/core/i18n";
import { z } from "zod";
import { eraseShop, shopScopedTables } from "../compliance/compliance.server.js";
import type { Sql } from "../db/client.server.js";
import type { WorkbenchMessageKey } from "../i18n/workbench-messages.js";
import { personalData, type PersonalDataCipher } from "../security/personal-data.server.js";
import { TokenCipherError, type TokenCipher } from "../security/token-cipher.server.js";
import { recordAudit, type Actor } from "../trust/audit.server.js";
import { AI_PROVIDERS, type AiProvider } from "./ai-providers.js";
import { DEFAULT_PRICING, type ImportPricingForm } from "./import-form.js";
import { importDefaults, importFormSchema } from "./import.server.js";

/**
 * The general Settings page's server side: store languages, the shop's own AI provider keys
 * (sealed with the app's token cipher, never shown back), the import pricing defaults, and data &
 * privacy (export everything as JSON, delete everything). Every change is audited in the same
 * transaction; Shop.settings is read-modified-written so other features' keys (billing) stay.
 */

export { AI_PROVIDERS, type AiProvider } from "./ai-providers.js";

/** The part of Shop.settings this page owns. */
interface OwnSettings {
  /** Sealed provider keys (`nl1.…`) and their last four characters, for "set, ending …". */
  aiKeys?: Partial<Record<AiProvider, { sealed: string; last4: string; setAt: string }>>;
  importDefaults?: ImportPricingForm;
}

function settingsObject(json: unknown): Record<string, unknown> & OwnSettings {
  return json && typeof json === "object" && !Array.isArray(json)
    ? (json as Record<string, unknown> & OwnSettings)
    : {};
}

/**
 * The shop's own provider keys, decrypted, for the AI engine. A key that no longer decrypts
 * (its encryption key rotated out) is skipped with a warning: the app's keys answer instead.
 */
export function shopProviderKeys(
  json: Prisma.JsonValue,
  cipher: TokenCipher,
  logger: Logger,
): Partial<Record<AiProvider, string>> {
  const keys: Partial<Record<AiProvider, string>> = {};
  const stored = settingsObject(json).aiKeys ?? {};
  for (const provider of AI_PROVIDERS) {
    const sealed = stored[provider]?.sealed;
    if (!sealed) continue;
    try {
      keys[provider] = cipher.decrypt(sealed);
    } catch (error) {
      if (!(error instanceof TokenCipherError)) throw error;
      logger.warn("shop AI key cannot be decrypted; using the app's", { provider, error: error.message });
    }
  }
  return keys;
}

export interface KeyStatus {
  set: boolean;
  /** The key's last four characters, when set. */
  last4: string | null;
}

export interface SettingsView {
  primaryLocale: Language;
  enabledLocales: Language[];
  keys: Record<AiProvider, KeyStatus>;
  pricing: ImportPricingForm;
  /** What we store about the shop: rows per table (the data & privacy section). */
  stored: { table: string; rows: number }[];
}

const isLanguage = (v: string): v is Language => (LANGUAGES as readonly string[]).includes(v);

export async function loadSettings(
  prisma: PrismaClient,
  sql: Sql,
  shop: string,
  cache?: Cache,
): Promise<SettingsView> {
  const row = await prisma.shop.upsert({ where: { domain: shop }, create: { domain: shop }, update: {} });
  const own = settingsObject(row.settings);
  const keyStatus = (provider: AiProvider): KeyStatus => {
    const k = own.aiKeys?.[provider];
    return { set: Boolean(k), last4: k?.last4 ?? null };
  };
  const primary = isLanguage(row.primaryLocale) ? row.primaryLocale : "en";
  return {
    primaryLocale: primary,
    enabledLocales: [primary, ...row.enabledLocales.filter(isLanguage).filter((l) => l !== primary)],
    keys: { openai: keyStatus("openai"), xai: keyStatus("xai") },
    pricing: await importDefaults(prisma, shop),
    stored: await storedCounts(sql, shop, cache),
  };
}

// Counting every shop table scans hundreds of thousands of rows (~350 ms on a 400,000-order
// shop) for figures that change slowly: kept for a minute, forgotten when the data is deleted.
const STORED_TTL_MS = 60_000;
const storedKey = (shop: string) => `admin:settings:stored:v1:${shop}`;

/** Rows per shop-scoped table (Session excluded: it is the app's login, not the shop's data). */
async function storedCounts(
  sql: Sql,
  shop: string,
  cache?: Cache,
): Promise<{ table: string; rows: number }[]> {
  const cached = await cache?.get<{ table: string; rows: number }[]>(storedKey(shop));
  if (cached) return cached;
  const tables = (await shopScopedTables(sql)).filter((t) => t.table !== "Session");
  const counts = await Promise.all(
    tables.map(async ({ table, column }) => {
      const [r] = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}" = $1`,
        [shop],
      );
      return { table, rows: r?.n ?? 0 };
    }),
  );
  const stored = counts.filter((c) => c.rows > 0);
  await cache?.set(storedKey(shop), stored, { ttlMs: STORED_TTL_MS });
  return stored;
}

// ---------------------------------------------------------------------------------------------
// Forms

export interface FieldError {
  key: WorkbenchMessageKey;
  params?: Record<string, string>;
}
export type SettingsResult =
  | { ok: true; intent: SettingsIntent }
  | {
      ok: false;
      intent: SettingsIntent | null;
      errors: Partial<Record<string, FieldError>>;
      /** For a refused key: which provider's form it came from. */
      provider?: string;
    };

const languagesForm = z
  .object({
    intent: z.literal("languages"),
    primaryLocale: z.enum(LANGUAGES, { message: "settings.errorPrimaryLocale" }),
    "enabledLocales[]": z.array(z.enum(LANGUAGES, { message: "settings.errorLocales" })).default([]),
  })
  .transform((v) => ({
    intent: v.intent,
    primaryLocale: v.primaryLocale,
    // The primary language is always generated; the others in the order of LANGUAGES.
    enabledLocales: [
      v.primaryLocale,
      ...LANGUAGES.filter((l) => l !== v.primaryLocale && v["enabledLocales[]"].includes(l)),
    ],
  }));

// Provider keys: printable, no spaces, a plausible length (sk-…, xai-…); checked by a real call later.
const keyForm = z.object({
  intent: z.literal("setKey"),
  provider: z.enum(AI_PROVIDERS, { message: "settings.errorProvider" }),
  apiKey: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]{20,300}$/, { message: "settings.errorApiKey" }),
});
const removeKeyForm = z.object({
  intent: z.literal("removeKey"),
  provider: z.enum(AI_PROVIDERS, { message: "settings.errorProvider" }),
});

const pricingSchema = importFormSchema.omit({ source: true });
const PRICING_MESSAGES: Record<string, WorkbenchMessageKey> = {
  multiplier: "settings.errorMultiplier",
  minimumMargin: "settings.errorMargin",
  ending: "settings.errorEnding",
  compareAt: "settings.errorCompareAt",
  rate: "settings.errorRate",
  optimise: "settings.errorOptimise",
};
const pricingForm = z.object({ intent: z.literal("pricing") }).and(pricingSchema);

const deleteForm = z.object({
  intent: z.literal("deleteData"),
  confirm: z.string().trim(),
});

export const SETTINGS_INTENTS = ["languages", "setKey", "removeKey", "pricing", "deleteData"] as const;
export type SettingsIntent = (typeof SETTINGS_INTENTS)[number];

function formObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = key.endsWith("[]") ? values : (values[0] ?? "");
  }
  return out;
}

function errorsOf(error: z.ZodError): Partial<Record<string, FieldError>> {
  const errors: Partial<Record<string, FieldError>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form").replace(/\[\]$/, "");
    const key = (PRICING_MESSAGES[field] ??
      (issue.message.startsWith("settings.") ? issue.message : "settings.errorForm")) as WorkbenchMessageKey;
    errors[field] ??= { key };
  }
  return errors;
}

export interface SettingsDeps {
  prisma: PrismaClient;
  sql: Sql;
  cipher: TokenCipher;
  shop: string;
  actor: Actor;
  requestId?: string;
  /** Where the page's row counts are kept (forgotten after a deletion). */
  cache?: Cache;
}

/** Applies one Settings form (by its `intent`); invalid input changes nothing and names the field. */
export async function updateSettings(deps: SettingsDeps, form: FormData): Promise<SettingsResult> {
  const raw = formObject(form);
  const intent = SETTINGS_INTENTS.find((i) => i === raw.intent) ?? null;
  const fail = (error: z.ZodError): SettingsResult => ({ ok: false, intent, errors: errorsOf(error) });
  switch (intent) {
    case "languages": {
      const parsed = languagesForm.safeParse(raw);
      if (!parsed.success) return fail(parsed.error);
      const { primaryLocale, enabledLocales } = parsed.data;
      await change(deps, "settings.languages_updated", (before) => ({
        data: { primaryLocale, enabledLocales },
        summary: {
          before: { primaryLocale: before.primaryLocale, enabledLocales: before.enabledLocales },
          after: { primaryLocale, enabledLocales },
        },
      }));
      return { ok: true, intent };
    }
    case "setKey": {
      const parsed = keyForm.safeParse(raw);
      if (!parsed.success)
        return { ok: false, intent, errors: errorsOf(parsed.error), provider: String(raw.provider ?? "") };
      const { provider, apiKey } = parsed.data;
      await change(deps, "settings.ai_key_set", (before) => {
        const settings = settingsObject(before.settings);
        const aiKeys = {
          ...settings.aiKeys,
          [provider]: {
            sealed: deps.cipher.encrypt(apiKey),
            last4: apiKey.slice(-4),
            setAt: new Date().toISOString(),
          },
        };
        // The audit says which provider, never the key (not even its end).
        return { data: { settings: { ...settings, aiKeys } }, summary: { provider } };
      });
      return { ok: true, intent };
    }
    case "removeKey": {
      const parsed = removeKeyForm.safeParse(raw);
      if (!parsed.success) return fail(parsed.error);
      const { provider } = parsed.data;
      await change(deps, "settings.ai_key_removed", (before) => {
        const settings = settingsObject(before.settings);
        const aiKeys = { ...settings.aiKeys };
        delete aiKeys[provider];
        return { data: { settings: { ...settings, aiKeys } }, summary: { provider } };
      });
      return { ok: true, intent };
    }
    case "pricing": {
      const parsed = pricingForm.safeParse(raw);
      if (!parsed.success) return fail(parsed.error);
      const { intent: _intent, ...pricing } = parsed.data;
      await change(deps, "settings.import_defaults_updated", (before) => {
        const settings = settingsObject(before.settings);
        return {
          data: { settings: { ...settings, importDefaults: pricing } },
          summary: { before: settings.importDefaults ?? DEFAULT_PRICING, after: pricing },
        };
      });
      return { ok: true, intent };
    }
    case "deleteData": {
      const parsed = deleteForm.safeParse(raw);
      if (!parsed.success) return fail(parsed.error);
      if (parsed.data.confirm !== deps.shop)
        return { ok: false, intent, errors: { confirm: { key: "settings.errorConfirm" } } };
      await deleteShopData(deps);
      return { ok: true, intent };
    }
    case null:
      return { ok: false, intent: null, errors: { form: { key: "settings.errorForm" } } };
  }
}

type ShopRow = Awaited<ReturnType<PrismaClient["shop"]["findUniqueOrThrow"]>>;

/** Reads the shop row, writes the change and its audit event in one transaction. */
async function change(
  deps: SettingsDeps,
  action: string,
  build: (before: ShopRow) => {
    data: { primaryLocale?: string; enabledLocales?: string[]; settings?: object };
    summary: Record<string, unknown>;
  },
): Promise<void> {
  await deps.prisma.shop.upsert({ where: { domain: deps.shop }, create: { domain: deps.shop }, update: {} });
  await deps.prisma.$transaction(async (tx) => {
    // Row lock: two saves at once must not each drop the other's settings key.
    await tx.$queryRaw`SELECT 1 FROM "Shop" WHERE domain = ${deps.shop} FOR UPDATE`;
    const before = await tx.shop.findUniqueOrThrow({ where: { domain: deps.shop } });
    const { data, summary } = build(before);
    const { settings, ...fields } = data;
    await tx.shop.update({
      where: { domain: deps.shop },
      data: { ...fields, ...(settings ? { settings } : {}) },
    });
    await recordAudit(tx, {
      shop: deps.shop,
      actor: deps.actor,
      action,
      target: { type: "shop", id: deps.shop },
      summary,
      ...(deps.requestId ? { requestId: deps.requestId } : {}),
    });
  });
}

/**
 * Deletes everything the app stored about the shop (the compliance erasure, every shop-scoped
 * table) except what keeps it installed: its login (Session) and its row (plan, install date),
 * whose settings are reset. The deletion itself is then recorded, as the trail's first event.
 */
async function deleteShopData(deps: SettingsDeps): Promise<void> {
  const report = await eraseShop(deps.sql, deps.shop, { keep: ["Session", "Shop"] });
  await deps.cache?.delete(storedKey(deps.shop));
  await deps.prisma.$transaction(async (tx) => {
    const row = await tx.shop.findUnique({ where: { domain: deps.shop } });
    // Billing's own keys stay (the subscription is Shopify's); everything this app chose is reset.
    const { aiKeys: _keys, importDefaults: _defaults, ...rest } = settingsObject(row?.settings ?? {});
    await tx.shop.update({
      where: { domain: deps.shop },
      data: { settings: rest as Prisma.InputJsonObject },
    });
    await recordAudit(tx, {
      shop: deps.shop,
      actor: deps.actor,
      action: "settings.data_deleted",
      target: { type: "shop", id: deps.shop },
      summary: { rows: Object.values(report).reduce((a, b) => a + b, 0) },
      ...(deps.requestId ? { requestId: deps.requestId } : {}),
    });
  });
}

// Columns never exported: secrets and their hashes (they are ours, and useless to the merchant).
const SECRET_COLUMNS = new Set(["hash", "secret", "accessToken", "refreshToken", "emailHash"]);
const SEALED_VALUE = /^nl1\.[0-9a-f]{16}\./;
const EXPORT_PAGE = 1_000;

/**
 * Everything stored about the shop, as one JSON document streamed table by table in pages
 * (a 50,000-product catalog never sits in memory whole). Sessions and secrets are left out;
 * the shop's sealed AI keys are replaced by whether they are set.
 */
export async function* exportShopData(
  sql: Sql,
  shop: string,
  pd: PersonalDataCipher = personalData(),
): AsyncGenerator<string> {
  const tables = (await shopScopedTables(sql)).filter((t) => t.table !== "Session");
  yield `{"shop":${JSON.stringify(shop)},"exportedAt":${JSON.stringify(new Date().toISOString())},"tables":{`;
  let firstTable = true;
  for (const { table, column } of tables) {
    yield `${firstTable ? "" : ","}${JSON.stringify(table)}:[`;
    firstTable = false;
    let first = true;
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const rows = await sql.query(
        `SELECT * FROM "${table}" WHERE "${column}" = $1 ORDER BY ctid LIMIT ${EXPORT_PAGE} OFFSET ${offset}`,
        [shop],
      );
      for (const row of rows) {
        for (const [key, value] of Object.entries(row)) {
          if (SECRET_COLUMNS.has(key)) delete row[key];
          // Personal data is sealed at rest; the merchant's copy has it readable.
          else if (typeof value === "string" && SEALED_VALUE.test(value)) row[key] = openOrMark(pd, value);
        }
        if (table === "Shop") row.settings = redactSettings(row.settings);
        yield `${first ? "" : ","}${JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`;
        first = false;
      }
      if (rows.length < EXPORT_PAGE) break;
    }
    yield "]";
  }
  yield "}}";
}

/** A sealed value opened, or marked when its key was rotated out (it cannot be read any more). */
function openOrMark(pd: PersonalDataCipher, value: string): string | null {
  try {
    return pd.open(value);
  } catch (error) {
    if (error instanceof TokenCipherError) return "[encrypted with a retired key]";
    throw error;
  }
}

function redactSettings(value: unknown): unknown {
  const settings = settingsObject(value);
  if (!settings.aiKeys) return settings;
  const aiKeys = Object.fromEntries(
    Object.entries(settings.aiKeys).map(([provider, k]) => [provider, { set: true, setAt: k?.setAt }]),
  );
  return { ...settings, aiKeys };
}
