import type { Analysis } from "../analysis.js";
import { fold } from "../text.js";
import { result, type CheckResult } from "./result.js";

export function textChecks(a: Analysis): CheckResult[] {
  const out: CheckResult[] = [];
  // ja/zh are measured in characters (no spaces between words): 2 characters ≈ 1 word.
  const cjk = a.profile.cjk;
  const length = cjk ? a.chars : a.wordCount;
  const [good, ok, poor] = cjk ? [400, 300, 200] : [200, 150, 100];
  const unit = cjk ? "chars" : "words";
  if (length >= good)
    out.push(result("textLength", "seo", "good", `textLength.good.${unit}`, { count: length }));
  else if (length >= ok)
    out.push(result("textLength", "seo", "ok", `textLength.short.${unit}`, { count: length, min: good }));
  else
    out.push(
      result(
        "textLength",
        "seo",
        "bad",
        `textLength.tooShort.${unit}`,
        { count: length, min: good },
        { score: length >= poor ? 3 : 1 },
      ),
    );

  const h1 = a.html.headingLevels.filter((l) => l === 1).length;
  if (h1 === 0) out.push(result("singleH1", "seo", "good", "singleH1.good"));
  else out.push(result("singleH1", "seo", "bad", "singleH1.extra", { count: h1 }));

  const levels = a.html.headingLevels;
  if (levels.length > 0) {
    let skipped = 0;
    let prev = 1; // the product title is the page's H1
    for (const l of levels) {
      if (l > prev + 1) skipped++;
      prev = l;
    }
    if (skipped > 0)
      out.push(result("headingOrder", "seo", "ok", "headingOrder.skipped", { count: skipped }));
    else out.push(result("headingOrder", "seo", "good", "headingOrder.good"));
  }

  // Specs and benefits scan better as a list once a description has some substance.
  if (a.html.listCount > 0)
    out.push(result("lists", "seo", "good", "lists.good", { count: a.html.listCount }));
  else if (length >= ok) out.push(result("lists", "seo", "ok", "lists.missing"));
  return out;
}

const FILE_NAME = /\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$/i;
const CAMERA_NAME = /^(img|dsc|dscn|dcim|image|photo|pic|screenshot|untitled|p\d)[\s_-]*\d*$/i;

/** Whether an alt text says something (not a file name, not a code). */
export function isMeaningfulAlt(alt: string): boolean {
  const t = alt.trim();
  if (t.length < 3) return false;
  if (FILE_NAME.test(t) || CAMERA_NAME.test(t)) return false;
  // "blue_shirt_01" or "a7f3e9c2": a slug or hash, not a description.
  if (!/\s/.test(t) && (/[_]/.test(t) || /^[0-9a-f-]{8,}$/i.test(t) || /\d{3,}/.test(t))) return false;
  return true;
}

export function imageChecks(a: Analysis): CheckResult[] {
  const out: CheckResult[] = [];
  const total = a.images.length;
  if (total === 0) out.push(result("imageCount", "seo", "bad", "imageCount.none"));
  else if (total < 4)
    out.push(
      result("imageCount", "seo", "ok", "imageCount.few", { count: total, recommended: 4 }, { score: 6 }),
    );
  else out.push(result("imageCount", "seo", "good", "imageCount.good", { count: total }));

  if (total > 0) {
    const missing = a.images.filter((i) => !i.hasAlt).length;
    const meaningless = a.images.filter((i) => i.hasAlt && !isMeaningfulAlt(i.alt)).length;
    const title = a.product.title.trim().toLowerCase();
    const sameAsTitle = a.images.filter((i) => i.hasAlt && i.alt.trim().toLowerCase() === title).length;
    if (missing > 0) {
      out.push(
        result("imageAlt", "seo", missing * 2 > total ? "bad" : "ok", "imageAlt.missing", {
          count: missing,
          total,
        }),
      );
    } else if (meaningless > 0) {
      out.push(result("imageAlt", "seo", "ok", "imageAlt.fileName", { count: meaningless, total }));
    } else if (total > 1 && sameAsTitle === total) {
      out.push(result("imageAlt", "seo", "ok", "imageAlt.repeatedTitle", { total }));
    } else {
      out.push(result("imageAlt", "seo", "good", "imageAlt.good", { total }));
    }
  }
  return out;
}

const YEAR = /^(19|20)\d{2}$/;
const MAX_HANDLE_CHARS = 60;

export function handleCheck(a: Analysis): CheckResult {
  const handle = a.product.handle.trim();
  if (handle === "") return result("handle", "seo", "bad", "handle.missing", {});
  // Lowercase words joined by single hyphens; non-Latin letters are fine (Shopify keeps them).
  if (!/^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(handle)) {
    return result("handle", "seo", "bad", "handle.format", { handle });
  }
  const parts = handle.split("-");
  const ids = parts.filter(
    (p) =>
      /^\d{5,}$/.test(p) ||
      YEAR.test(p) ||
      /^[0-9a-f]{8,}$/.test(p) ||
      (/\d/.test(p) && /[a-z]/.test(p) && p.replace(/\D/g, "").length >= 4),
  );
  if (ids.length > 0) return result("handle", "seo", "ok", "handle.ids", { handle, ids: ids.join(", ") });
  const stop = parts.filter((p) => a.profile.functionWords.has(fold(p))).length;
  if (stop >= 3 || (parts.length >= 4 && stop * 3 > parts.length)) {
    return result("handle", "seo", "ok", "handle.stopWords", { handle, count: stop });
  }
  if ([...handle].length > MAX_HANDLE_CHARS || parts.length > 8) {
    return result("handle", "seo", "ok", "handle.long", {
      handle,
      chars: [...handle].length,
      max: MAX_HANDLE_CHARS,
    });
  }
  return result("handle", "seo", "good", "handle.good", { handle });
}

/** GS1 check digit for GTIN-8/12/13/14. */
export function isValidGtin(code: string): boolean {
  const digits = code.replace(/\s|-/g, "");
  if (!/^\d{8}$|^\d{12,14}$/.test(digits)) return false;
  let sum = 0;
  const body = digits.slice(0, -1);
  for (let i = 0; i < body.length; i++) {
    const d = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10 === Number(digits.at(-1));
}

export function productDataChecks(a: Analysis): CheckResult[] {
  const out: CheckResult[] = [];
  const variants = a.product.variants;
  const total = variants.length;
  const withSku = variants.filter((v) => v.sku.trim() !== "").length;
  const barcodes = variants.map((v) => v.barcode.trim()).filter((b) => b !== "");
  const invalid = barcodes.filter((b) => !isValidGtin(b)).length;
  if (total === 0) out.push(result("productIdentifiers", "seo", "bad", "productIdentifiers.noVariants"));
  else if (withSku === total && barcodes.length === total && invalid === 0)
    out.push(result("productIdentifiers", "seo", "good", "productIdentifiers.good"));
  else if (invalid > 0)
    out.push(result("productIdentifiers", "seo", "ok", "productIdentifiers.invalidGtin", { count: invalid }));
  else if (withSku === 0 && barcodes.length === 0)
    out.push(result("productIdentifiers", "seo", "bad", "productIdentifiers.missing"));
  else if (barcodes.length < total)
    out.push(
      result("productIdentifiers", "seo", "ok", "productIdentifiers.noGtin", {
        count: total - barcodes.length,
        total,
      }),
    );
  else
    out.push(
      result("productIdentifiers", "seo", "ok", "productIdentifiers.noSku", {
        count: total - withSku,
        total,
      }),
    );

  if (a.product.vendor.trim() === "") out.push(result("brand", "seo", "bad", "brand.missing"));
  else out.push(result("brand", "seo", "good", "brand.good", { brand: a.product.vendor.trim() }));

  if (total > 0) {
    const priced = variants.filter((v) => v.price !== undefined && v.price > 0).length;
    if (priced === total) out.push(result("price", "seo", "good", "price.good"));
    else out.push(result("price", "seo", "bad", "price.missing", { count: total - priced, total }));
  }
  return out;
}
