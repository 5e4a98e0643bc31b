/**
 * A Liquid engine that renders the extension's blocks the way a Shopify storefront does, for the
 * rendering tests and the storefront benchmark. liquidjs brings the standard Liquid tags and
 * filters; the Shopify-only pieces the blocks use are implemented here, following Shopify's
 * documented behaviour:
 * - `t` (no interpolation: the blocks pass none): looks the key up in locales/<locale>.json, then
 *   the base language, then en.default.json; a missing key renders
 *   "translation missing: <locale>.<key>" as on Shopify.
 * - `json`: JSON with < > & U+2028 U+2029 escaped as \uXXXX (Shopify's HTML-safe JSON), so a
 *   value can never close a <script> element.
 * - `escape`: Ruby's CGI.escapeHTML (& < > " ' → &amp; &lt; &gt; &quot; &#39;), which differs
 *   from liquidjs' own (&#34;).
 * - `asset_url`: the extension's asset on a CDN base URL.
 * - `{% schema %}`: consumed and rendered as nothing; its JSON gives the settings' defaults.
 * - `product.metafields["$app"]`: resolved to the app-reserved namespace `app--<appId>`, where
 *   Shopify stores `$app` metafields; other namespaces resolve to what the fixture holds.
 * Strict filters: a filter the blocks use but nobody implemented fails the test.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Drop, Liquid, Tag, type Context, type TagToken, type TopLevelToken } from "liquidjs";

export const EXTENSION_DIR = fileURLToPath(new URL("../../", import.meta.url));

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Metafields of one resource as Shopify stores them: namespace → key → {type, value}. */
export type MetafieldStore = Record<string, Record<string, { type: string; value: unknown }>>;

/** `product.metafields` / `shop.metafields`: a Drop so `["$app"]` resolves like on Shopify. */
export class MetafieldsDrop extends Drop {
  constructor(
    private readonly store: MetafieldStore,
    private readonly appId: string,
  ) {
    super();
  }

  override liquidMethodMissing(namespace: string | number): unknown {
    const ns = String(namespace);
    // "$app" is the app's own reserved namespace; "$app:x" its sub-namespace app--<id>--x.
    const resolved =
      ns === "$app"
        ? `app--${this.appId}`
        : ns.startsWith("$app:")
          ? `app--${this.appId}--${ns.slice(5)}`
          : ns;
    return this.store[resolved];
  }
}

/** JSON as Shopify's `json` filter writes it: HTML-significant characters escaped. */
export function shopifyJson(value: unknown): string {
  const text = JSON.stringify(value === undefined ? null : value, (_key, v: unknown) =>
    v instanceof Drop ? null : v,
  );
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Liquid's `escape` on Shopify: nil renders as "", everything else as escaped text. */
export function shopifyEscape(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text =
    typeof value === "string"
      ? value
      : typeof value === "object"
        ? JSON.stringify(value)
        : `${value as number}`;
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8")) as unknown;
}

/** Storefront locale files by name ("en.default", "fr", "pt-BR", …). */
export function loadStorefrontLocales(dir = join(EXTENSION_DIR, "locales")): Map<string, unknown> {
  const locales = new Map<string, unknown>();
  for (const file of readdirSync(dir)) {
    if (file.endsWith(".json") && !file.endsWith(".schema.json")) {
      locales.set(file.slice(0, -".json".length), readJson(join(dir, file)));
    }
  }
  return locales;
}

function lookup(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

class SchemaTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    // Consume the JSON (and any {{ }} inside it, e.g. available_if) up to {% endschema %}.
    while (remainTokens.length > 0) {
      const next = remainTokens.shift();
      if (next && "name" in next && next.name === "endschema") return;
    }
    throw new Error(`{% schema %} without {% endschema %} in ${token.file ?? "template"}`);
  }

  render(): string {
    return "";
  }
}

export interface ShopifyLiquidOptions {
  /** The app's API client id: `$app` metafields live in namespace `app--<appId>`. */
  appId?: string;
  /** Base URL the extension's assets are served from (Shopify: its CDN). */
  assetBaseUrl?: string;
}

export interface ShopifyLiquid {
  engine: Liquid;
  appId: string;
}

/** Builds the engine: snippets from the extension's snippets/, Shopify filters and tags. */
export function createShopifyLiquid(options: ShopifyLiquidOptions = {}): ShopifyLiquid {
  const appId = options.appId ?? "4921337";
  const assetBaseUrl = options.assetBaseUrl ?? "https://cdn.shopify.com/extensions/0000-ninjalead/assets";
  const locales = loadStorefrontLocales();
  const engine = new Liquid({
    root: [join(EXTENSION_DIR, "blocks")],
    partials: [join(EXTENSION_DIR, "snippets")],
    extname: ".liquid",
    strictFilters: true,
    relativeReference: false,
    // Shopify's Liquid is not strict about undefined variables (nil renders as "").
    strictVariables: false,
  });
  engine.registerTag("schema", SchemaTag);
  engine.registerFilter("json", (value: unknown) => shopifyJson(value));
  engine.registerFilter("escape", (value: unknown) => shopifyEscape(value));
  engine.registerFilter("asset_url", (name: unknown) => `${assetBaseUrl}/${encodeURI(String(name))}`);
  engine.registerFilter("t", function (this: { context: Context }, key: unknown) {
    const current = this.context.getSync(["request", "locale", "iso_code"]);
    const iso = typeof current === "string" ? current : "en";
    const candidates = [iso, iso.split("-")[0] ?? iso, "en.default"];
    const k = String(key);
    let text: string | undefined;
    for (const name of candidates) {
      text = lookup(locales.get(name), k);
      if (text !== undefined) break;
    }
    return text ?? `translation missing: ${iso}.${k}`;
  });
  return { engine, appId };
}

/** A block's `{% schema %}` JSON. */
export function readBlockSchema(block: string): {
  name: string;
  target: string;
  settings?: { id?: string; type: string; default?: Json; label?: string; content?: string }[];
  available_if?: string;
  enabled_on?: { templates?: string[] };
} {
  const source = readFileSync(join(EXTENSION_DIR, "blocks", `${block}.liquid`), "utf8");
  const match = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(source);
  if (!match?.[1]) throw new Error(`blocks/${block}.liquid has no schema`);
  return JSON.parse(match[1]) as ReturnType<typeof readBlockSchema>;
}

// ---------------------------------------------------------------------------------------------
// Storefront objects, shaped like Shopify's Liquid objects (only the fields the blocks read).

export interface VariantFixture {
  id: number;
  title: string;
  /** In the presentment currency's minor unit, as Liquid's `variant.price`. */
  price: number;
  available: boolean;
  sku?: string;
}

export interface ProductFixture {
  id: number;
  handle: string;
  title: string;
  variants: VariantFixture[];
  metafields?: MetafieldStore;
}

export interface StorefrontState {
  locale: string;
  currency: string;
  origin: string;
  shopMetafields?: MetafieldStore;
  product?: ProductFixture;
  customer?: { first_name: string; tags: string[] } | null;
}

/** Liquid's global objects (request, shop, cart, customer) and `product` for one page view. */
export function storefrontScope(state: StorefrontState, appId: string): Record<string, unknown> {
  const product = state.product;
  const prices = product?.variants.map((v) => v.price) ?? [];
  return {
    request: {
      locale: { iso_code: state.locale },
      origin: state.origin,
      page_type: product ? "product" : "index",
    },
    shop: {
      currency: state.currency,
      metafields: new MetafieldsDrop(state.shopMetafields ?? {}, appId),
    },
    cart: { currency: { iso_code: state.currency } },
    customer: state.customer ?? null,
    product: product
      ? {
          id: product.id,
          handle: product.handle,
          title: product.title,
          url: `/products/${product.handle}`,
          available: product.variants.some((v) => v.available),
          price_min: Math.min(...prices),
          price_max: Math.max(...prices),
          variants: product.variants.map((v) => ({
            ...v,
            sku: v.sku ?? "",
            url: `/products/${product.handle}?variant=${v.id}`,
          })),
          metafields: new MetafieldsDrop(product.metafields ?? {}, appId),
        }
      : null,
  };
}

export interface RenderBlockOptions {
  block: "seo-embed" | "product-faq" | "campaign-banner" | "persona-message" | "lead-form";
  state: StorefrontState;
  settings?: Record<string, Json>;
  blockId?: string;
}

/** Renders one block with its schema defaults overridden by `settings`, as the theme would. */
export async function renderBlock(liquid: ShopifyLiquid, options: RenderBlockOptions): Promise<string> {
  const schema = readBlockSchema(options.block);
  const settings: Record<string, Json> = {};
  for (const s of schema.settings ?? []) {
    if (s.id !== undefined) settings[s.id] = s.default ?? (s.type === "checkbox" ? false : null);
  }
  Object.assign(settings, options.settings);
  const globals = storefrontScope(options.state, liquid.appId);
  const scope = {
    product: globals.product,
    block: {
      id: options.blockId ?? `AbCd123${options.block.replace(/-/g, "")}`,
      settings,
      shopify_attributes: "",
    },
  };
  return liquid.engine.renderFile(options.block, scope, { globals }) as Promise<string>;
}

/** `app--<id>` metafields of the contract, as Shopify stores what the app wrote to `$app`. */
export function appMetafields(appId: string, values: Record<string, unknown>): MetafieldStore {
  const ns: Record<string, { type: string; value: unknown }> = {};
  for (const [key, value] of Object.entries(values)) ns[key] = { type: "json", value };
  return { [`app--${appId}`]: ns };
}
