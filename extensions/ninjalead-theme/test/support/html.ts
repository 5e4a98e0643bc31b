import { expect } from "vitest";

/** HTML escaping as Liquid's `escape` does it (CGI.escapeHTML on Shopify). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The HTML without the bodies of JSON-LD scripts (those are checked by parsing them). */
export function withoutJsonLd(html: string): string {
  return html.replace(/(<script type="application\/ld\+json"[^>]*>)[\s\S]*?(<\/script>)/g, "$1$2");
}

/**
 * Asserts a hostile string is inert in the markup: it never appears raw outside JSON-LD, and
 * (when `shown`) appears escaped, i.e. it was rendered as text, not dropped by accident.
 */
export function expectInert(html: string, evil: string, shown = true): void {
  const markup = withoutJsonLd(html);
  expect(markup).not.toContain(evil);
  if (shown) expect(markup).toContain(escapeHtml(evil));
}
