import { ImportError } from "../errors.js";

const ALIEXPRESS_HOST = /^(?:[a-z0-9-]+\.)*aliexpress\.(?:com|us|ru)$/;
/** Hosts that only redirect (affiliate and share links): the id is not in the URL. */
const SHORT_LINK_HOST = /^(?:s\.click|click|a|star)\.aliexpress\.(?:com|us|ru)$/;
const PRODUCT_ID = /^\d{8,20}$/;

/** The canonical product page for an id, the URL we store and show. */
export function aliExpressProductUrl(productId: string): string {
  return `https://www.aliexpress.com/item/${productId}.html`;
}

function idFromPath(pathname: string): string | undefined {
  // /item/1005006.html, /i/1005006.html, /item/Some-Name/32812345678.html, /store/product/Name/123_32812345678.html
  const patterns = [
    /^\/(?:item|i)\/(?:[^/]+\/)?(\d{8,20})\.html?$/,
    /^\/store\/product\/[^/]+\/\d+_(\d{8,20})\.html?$/,
    /^\/item\/(\d{8,20})\/?$/,
  ];
  for (const pattern of patterns) {
    const id = pattern.exec(pathname)?.[1];
    if (id) return id;
  }
  return undefined;
}

/**
 * Extracts the AliExpress product id from a product URL in any of its shapes: www, m. and locale
 * subdomains (fr., de., aliexpress.us, aliexpress.ru), `/item/<id>.html`, `/i/<id>.html`, old
 * `/item/<name>/<id>.html` and store links, `?productId=` app links, tracking query strings, or a
 * bare id. Short share links (s.click.aliexpress.com, a.aliexpress.com) hide the id behind a
 * redirect and are rejected with an `ImportError` whose reason is "short_link".
 *
 * @example
 * parseAliExpressUrl("https://fr.aliexpress.com/item/1005006123456789.html?spm=a2g0o") // "1005006123456789"
 */
export function parseAliExpressUrl(input: string): string {
  const text = input.trim();
  if (PRODUCT_ID.test(text)) return text;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new ImportError("invalid_url", `Not a URL: ${JSON.stringify(text.slice(0, 200))}`, [
      { path: "url", message: "expected an AliExpress product URL" },
    ]);
  }
  const host = url.hostname.toLowerCase();
  if (SHORT_LINK_HOST.test(host))
    throw new ImportError(
      "short_link",
      `${host} links are short share links that hide the product id behind a redirect: open the link in a browser and paste the product page URL (…/item/<id>.html) instead`,
      [{ path: "url", message: "short links are not supported" }],
    );
  if (!ALIEXPRESS_HOST.test(host) || (url.protocol !== "https:" && url.protocol !== "http:"))
    throw new ImportError("not_aliexpress", `Not an AliExpress URL: ${host}`, [
      { path: "url", message: "expected an aliexpress.com, aliexpress.us or aliexpress.ru URL" },
    ]);
  const id =
    idFromPath(url.pathname) ??
    [
      url.searchParams.get("productId"),
      url.searchParams.get("product_id"),
      url.searchParams.get("itemId"),
    ].find((v): v is string => v !== null && PRODUCT_ID.test(v));
  if (!id)
    throw new ImportError("invalid_url", `No product id in this AliExpress URL: ${url.pathname}`, [
      { path: "url", message: "expected a product page URL like https://www.aliexpress.com/item/<id>.html" },
    ]);
  return id;
}
