import type { Language } from "../i18n/index.js";
import { catalogMessages } from "./messages.js";
import { escapeHtml, hasContactInfo } from "./sanitize.js";

/** Values that say "no information" and names that only make sense on the marketplace. */
const EMPTY_VALUES = /^(none|no|n\/a|na|null|other|others|no brand|nobrand|oem|generic|unbranded|-|\/)$/i;
const MARKETPLACE_NAMES =
  /^(item ?type|model number|is_customized|is customized|origin|place of origin|certification|cn|high-concerned chemical|choice|semi_choice)$/i;

/**
 * The supplier properties worth showing to a buyer: no empty values ("NONE", "OEM"), no
 * marketplace-only fields, nothing carrying contact details, each name once.
 *
 * @example
 * usefulSpecifications([{ name: "Brand Name", value: "NONE" }, { name: "Material", value: "Cotton" }])
 * // [{ name: "Material", value: "Cotton" }]
 */
export function usefulSpecifications(
  specs: readonly { name: string; value: string }[],
): { name: string; value: string }[] {
  const seen = new Set<string>();
  return specs.flatMap(({ name, value }) => {
    const n = name.replace(/\s+/g, " ").trim();
    const v = value.replace(/\s+/g, " ").trim();
    if (!n || !v || EMPTY_VALUES.test(v) || MARKETPLACE_NAMES.test(n) || hasContactInfo(`${n} ${v}`))
      return [];
    if (seen.has(n.toLowerCase())) return [];
    seen.add(n.toLowerCase());
    return [{ name: n, value: v }];
  });
}

/**
 * Builds an HTML specifications table from the supplier's useful item properties
 * (`usefulSpecifications`). Returns "" when nothing useful is left.
 *
 * @example
 * specificationsTable([{ name: "Material", value: "Cotton" }], "fr")
 * // "<h3>Caractéristiques</h3><table><tbody><tr><th>Material</th><td>Cotton</td></tr></tbody></table>"
 */
export function specificationsTable(
  specs: readonly { name: string; value: string }[],
  language: Language,
): string {
  const rows = usefulSpecifications(specs).map(
    ({ name, value }) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`,
  );
  if (rows.length === 0) return "";
  return `<h3>${escapeHtml(catalogMessages[language].specifications_heading)}</h3><table><tbody>${rows.join("")}</tbody></table>`;
}
