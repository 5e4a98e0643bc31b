import type { Analysis } from "../analysis.js";
import { fold, latinWords } from "../text.js";
import { result, type CheckResult } from "./result.js";

// Residue of marketplace imports (AliExpress and co.), matched on folded word n-grams.
const NOISE_PHRASES = new Set([
  "hot sale",
  "new arrival",
  "new arrivals",
  "free shipping",
  "drop shipping",
  "dropshipping",
  "wholesale",
  "high quality",
  "best quality",
  "top quality",
  "100 brand new",
  "brand new",
  "factory price",
  "factory direct",
  "cheap price",
  "lowest price",
  "best seller",
  "best selling",
  "hot selling",
  "retail package",
  "retail box",
  "in stock",
  "fast shipping",
  "dropship",
  "aliexpress",
  "envio gratis",
  "livraison gratuite",
  "kostenloser versand",
  "spedizione gratuita",
  "frete gratis",
  "gratis verzending",
  "darmowa dostawa",
  "nouveaute",
  "novedad",
  "neuheit",
  "novita",
]);
const YEAR = /^(19|20)\d{2}$/;
// Only these words can start a noise phrase: a set lookup per word instead of building n-grams.
const NOISE_STARTS = new Set([...NOISE_PHRASES].map((p) => p.split(" ")[0] ?? ""));

/** Noise phrases and "2024 New" patterns in a text, in order. */
export function findImportNoise(text: string): string[] {
  return findImportNoiseIn(latinWords(text).map(fold));
}

/** Same, over already folded words. */
function findImportNoiseIn(ws: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] ?? "";
    if (!NOISE_STARTS.has(w) && !YEAR.test(w)) continue;
    const two = `${w} ${ws[i + 1] ?? ""}`;
    const three = `${two} ${ws[i + 2] ?? ""}`;
    if (NOISE_PHRASES.has(three)) found.push(three);
    else if (NOISE_PHRASES.has(two)) found.push(two);
    else if (NOISE_PHRASES.has(w)) found.push(w);
    else if (YEAR.test(w) && (ws[i + 1] === "new" || ws[i + 1] === "newest" || ws[i - 1] === "new"))
      found.push(`${w} new`);
  }
  return found;
}

/** Runs of 3+ words in capitals ("BEST SHIRT EVER"), capitalised words and words with case. */
export function capsStats(text: string): { runs: number; words: number; cased: number } {
  let runs = 0;
  let run = 0;
  let caps = 0;
  let cased = 0;
  for (const w of latinWords(text)) {
    const lower = w.toLowerCase();
    const upper = w.toUpperCase();
    if (lower === upper) continue; // numbers, CJK
    cased++;
    if (w === upper && w.length >= 2) {
      caps++;
      run++;
      if (run === 3) runs++;
    } else run = 0;
  }
  return { runs, words: caps, cased };
}

/**
 * E-mail addresses, phone numbers and messenger handles in the copy: import residue that sends
 * buyers off the shop. Linear scans (indexOf), safe on megabyte inputs.
 */
export function findContactInfo(text: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf("@"); at >= 0 && found.length < 5; at = text.indexOf("@", at + 1)) {
    let s = at;
    while (s > 0 && at - s < 64 && /[\w.+-]/.test(text[s - 1] ?? "")) s--;
    let e = at + 1;
    while (e < text.length && e - at < 255 && /[\w.-]/.test(text[e] ?? "")) e++;
    const candidate = text.slice(s, e);
    if (s < at && /\.[a-z]{2,}$/i.test(candidate)) found.push("email");
  }
  // Phone: 9+ digits in a run made only of digits, spaces, dots, dashes, parentheses and "+".
  // Char codes, not one-character strings: this loop runs over every description of a catalog.
  let digits = 0;
  let runLength = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c >= 48 && c <= 57) {
      digits++;
      runLength++;
    } else if (
      runLength > 0 &&
      (c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 43) // space - . ( ) +
    ) {
      runLength++;
    } else {
      // A bare 13-digit block is a barcode; a phone number has separators or a leading "+".
      if (digits >= 9 && digits <= 15 && runLength > digits) found.push("phone");
      digits = 0;
      runLength = 0;
    }
    if (c === 43 && runLength === 0) runLength = 1;
  }
  const lower = text.toLowerCase();
  for (const m of ["whatsapp", "wechat", "skype", "telegram", "viber"]) if (lower.includes(m)) found.push(m);
  return found;
}

export function spamChecks(a: Analysis): CheckResult[] {
  const out: CheckResult[] = [];
  const title = a.product.title;
  const bodyText = a.blocks.map((b) => b.text).join("\n");

  // Stuffing: one content word dominating the copy, or the keyphrase far above 3 %.
  const counts = new Map<string, number>();
  let contentWords = 0;
  for (const s of a.sentences) {
    for (let i = 0; i < s.stems.length; i++) {
      if (s.functionFlags[i] === true) continue;
      const st = s.stems[i] ?? "";
      if (st.length < 3 || /^\d+$/.test(st)) continue;
      contentWords++;
      counts.set(st, (counts.get(st) ?? 0) + 1);
    }
  }
  let top = "";
  let topCount = 0;
  for (const [w, c] of counts) if (c > topCount) [top, topCount] = [w, c];
  const share = contentWords === 0 ? 0 : topCount / contentWords;
  const density = a.wordCount === 0 ? 0 : (a.keyphraseCount / a.wordCount) * 100;
  const titleWords = latinWords(title)
    .map(fold)
    .filter((w) => w.length > 2 && !a.profile.functionWords.has(w));
  const titleRepeats = titleWords.length - new Set(titleWords).size;
  if ((contentWords >= 50 && share > 0.08) || (a.wordCount >= 100 && density > 6)) {
    out.push(
      result("keywordStuffing", "seo", "bad", "keywordStuffing.body", {
        word: top,
        percent: Math.round(Math.max(share * 100, density)),
      }),
    );
  } else if (titleRepeats >= 2) {
    out.push(result("keywordStuffing", "seo", "bad", "keywordStuffing.title", { count: titleRepeats + 1 }));
  } else out.push(result("keywordStuffing", "seo", "good", "keywordStuffing.good"));

  // The body's capitals were counted while tokenising (analysis); only the title is scanned here.
  const titleCaps = capsStats(title);
  const cased = a.caps.cased + titleCaps.cased;
  const caps = {
    runs: a.caps.runs + titleCaps.runs,
    share: cased === 0 ? 0 : (a.caps.words + titleCaps.words) / cased,
  };
  if (caps.runs > 0 || (caps.share > 0.3 && a.wordCount >= 10)) {
    out.push(
      result("capitals", "seo", caps.runs > 2 || caps.share > 0.5 ? "bad" : "ok", "capitals.shouting", {
        count: caps.runs,
      }),
    );
  } else out.push(result("capitals", "seo", "good", "capitals.good"));

  const bodyNoise = a.sentences.flatMap((st) => (a.profile.cjk ? [] : findImportNoiseIn(st.folded)));
  const noise = [...new Set([...findImportNoise(title), ...bodyNoise])];
  if (noise.length > 0)
    out.push(
      result("importNoise", "seo", noise.length > 2 ? "bad" : "ok", "importNoise.found", {
        phrases: noise.slice(0, 5).join(", "),
      }),
    );
  else out.push(result("importNoise", "seo", "good", "importNoise.good"));

  const contact = [...new Set(findContactInfo(bodyText))];
  if (contact.length > 0)
    out.push(result("sellerContact", "seo", "bad", "sellerContact.found", { kinds: contact.join(", ") }));
  else out.push(result("sellerContact", "seo", "good", "sellerContact.good"));

  const h = a.html;
  if (a.product.descriptionHtml.trim() === "" || (a.blocks.length === 0 && a.html.images.length === 0)) {
    out.push(result("htmlHygiene", "seo", "bad", "htmlHygiene.empty"));
  } else if (h.scriptOrStyleCount > 0) {
    out.push(result("htmlHygiene", "seo", "bad", "htmlHygiene.scripts", { count: h.scriptOrStyleCount }));
  } else if (h.plainTextLineBreaks >= 2) {
    out.push(result("htmlHygiene", "seo", "ok", "htmlHygiene.plainText", { count: h.plainTextLineBreaks }));
  } else if (h.inlineStyleCount + h.legacyTagCount > 3 || h.emptyBlockCount > 3) {
    out.push(
      result("htmlHygiene", "seo", "ok", "htmlHygiene.messy", {
        styles: h.inlineStyleCount + h.legacyTagCount,
        empty: h.emptyBlockCount,
      }),
    );
  } else out.push(result("htmlHygiene", "seo", "good", "htmlHygiene.good"));
  return out;
}
