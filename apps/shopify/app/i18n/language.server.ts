import { normalizeLanguage, type Language } from "@ninjalead/core/i18n";

/**
 * The admin user's language: Shopify passes `locale` on embedded requests; otherwise the
 * browser's Accept-Language. Unknown languages fall back to English.
 */
export function languageFromRequest(request: Request): Language {
  const url = new URL(request.url);
  const fromQuery = url.searchParams.get("locale");
  if (fromQuery) return normalizeLanguage(fromQuery);
  const accept = request.headers.get("accept-language") ?? "";
  const first = accept.split(",")[0]?.split(";")[0];
  return normalizeLanguage(first);
}
