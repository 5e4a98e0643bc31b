import { z } from "zod";

/*
 * The platform serialises the same field as a number in one response and a string in the next,
 * sends "" for "absent", and wraps lists in an object (`{"ae_item_property": [...]}`) or not.
 * These schemas accept every shape seen and normalise to one.
 */

const blankToUndefined = (value: unknown): unknown =>
  value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;

/**
 * An identifier that may arrive as a number or a string: always a trimmed string out. SKU ids
 * exceed 2^53, so a body decoded with plain `JSON.parse` has already lost digits: such ids are
 * refused rather than silently pointing at another SKU (decode with `parseAliExpressJson`).
 */
export const looseId = z.preprocess(
  (value) => {
    const v = blankToUndefined(value);
    if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
    return typeof v === "string" ? v.trim() : v;
  },
  z
    .string({
      error: (issue) =>
        typeof issue.input === "number"
          ? "id is larger than 2^53 and lost precision in JSON.parse: decode the body with parseAliExpressJson"
          : "expected an identifier",
    })
    .regex(/^[^\p{Cc}]+$/u, "expected an identifier")
    .optional(),
);

/**
 * Decodes an AliExpress response body, keeping integers beyond 2^53 (SKU ids) as exact strings
 * instead of rounding them as `JSON.parse` does.
 *
 * @example
 * parseAliExpressJson('{"sku_id":12000035916497236}') // { sku_id: "12000035916497236" }
 */
export function parseAliExpressJson(text: string): unknown {
  const reviver = (_key: string, value: unknown, context?: { source?: string }): unknown =>
    typeof value === "number" &&
    !Number.isSafeInteger(value) &&
    context?.source &&
    /^-?\d+$/.test(context.source)
      ? context.source
      : value;
  return JSON.parse(text, reviver) as unknown;
}

/** Free text that may be absent or blank: trimmed string or undefined. */
export const looseText = z.preprocess((value) => {
  const v = blankToUndefined(value);
  return typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : v;
}, z.string().optional());

/**
 * Parses a decimal written as a number or a string ("12.5", "1,299.00", "12,99") into a canonical
 * decimal string, or null when it is not a number.
 */
export function canonicalDecimal(value: unknown): string | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return null;
    // Numbers from JSON carry no more precision than their shortest round-trip form.
    return String(value).includes("e") ? null : String(value);
  }
  if (typeof value !== "string") return null;
  let text = value.trim().replace(/^[A-Z]{0,3}\s?[$€£¥₽]?\s*/u, "");
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, "");
  else if (/^\d+,\d{1,2}$/.test(text)) text = text.replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return text.replace(/^0+(?=\d)/, "");
}

/** A non-negative decimal (price, weight) as a canonical string; optional. */
export const looseDecimal = z.preprocess(
  blankToUndefined,
  z
    .unknown()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const decimal = canonicalDecimal(value);
      if (decimal === null) {
        ctx.addIssue({ code: "custom", message: `expected a decimal number, got ${JSON.stringify(value)}` });
        return z.NEVER;
      }
      return decimal;
    }),
);

/** A non-negative integer (stock, days, counts) from a number or a numeric string; optional. */
export const looseInt = z.preprocess((value) => {
  const v = blankToUndefined(value);
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  if (typeof v === "boolean") return undefined;
  return v;
}, z.number().int().optional());

/** `true`, `"true"`, `1`, `"1"` → true; their opposites → false; anything else → undefined. */
export const looseBool = z.preprocess((value) => {
  if (value === true || value === "true" || value === 1 || value === "1") return true;
  if (value === false || value === "false" || value === 0 || value === "0") return false;
  return undefined;
}, z.boolean().optional());

/**
 * A list that arrives either as an array, as `{"<one key>": [...]}` (the platform's XML-born
 * wrapping, e.g. `{"ae_sku_property_d_t_o": [...]}`), as a single object, or not at all.
 */
export function looseList<T extends z.ZodType>(item: T) {
  return z.preprocess((value): unknown => {
    if (value === undefined || value === null || value === "") return [];
    if (Array.isArray(value)) return value as unknown[];
    if (typeof value === "object") {
      const entries = Object.values(value as Record<string, unknown>);
      const [first] = entries;
      if (entries.length === 1 && Array.isArray(first)) return first as unknown[];
      if (entries.length === 1 && entries[0] !== null && typeof entries[0] === "object") return [entries[0]];
      if (entries.length === 0) return [];
      return [value];
    }
    return value;
  }, z.array(item));
}
