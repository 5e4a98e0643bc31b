import { normalizeLanguage, type Language } from "@ninjalead/core/i18n";

/** Remembers the admin user's language between pages: Shopify sends `locale` only on the first load. */
export const LOCALE_COOKIE = "nl_locale";

function cookieValue(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/**
 * The admin user's language: Shopify passes `locale` on embedded loads; later navigations carry
 * it in our cookie; otherwise the browser's Accept-Language. Unknown languages fall back to English.
 */
export function languageFromRequest(request: Request): Language {
  const fromQuery = new URL(request.url).searchParams.get("locale");
  if (fromQuery) return normalizeLanguage(fromQuery);
  const fromCookie = cookieValue(request, LOCALE_COOKIE);
  if (fromCookie) return normalizeLanguage(fromCookie);
  const accept = request.headers.get("accept-language") ?? "";
  return normalizeLanguage(accept.split(",")[0]?.split(";")[0]);
}

/**
 * The Set-Cookie header that remembers `?locale=` (undefined when there is nothing new to remember).
 * Inside the admin's iframe the cookie is third-party: on https it is `SameSite=None; Secure;
 * Partitioned` (CHIPS), so browsers that block third-party cookies still keep it per top site.
 */
export function localeCookie(request: Request): string | undefined {
  const url = new URL(request.url);
  const requested = url.searchParams.get("locale");
  if (!requested) return undefined;
  const language = normalizeLanguage(requested);
  if (cookieValue(request, LOCALE_COOKIE) === language) return undefined;
  const secure = url.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const attributes = secure ? "SameSite=None; Secure; Partitioned" : "SameSite=Lax";
  return `${LOCALE_COOKIE}=${encodeURIComponent(language)}; Path=/; Max-Age=31536000; HttpOnly; ${attributes}`;
}
