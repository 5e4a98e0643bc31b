import type { Language } from "../i18n/index.js";

export const MAX_TITLE_LENGTH = 70;

/*
 * Noise that marketplace sellers stuff into titles for their own search engine, never useful in a
 * shop: promotions, shipping claims, years, "dropshipping". Longest phrases first so "Free
 * Shipping" goes before "Free" could be considered.
 */
const NOISE_PHRASES: readonly string[] = [
  "free shipping",
  "fast shipping",
  "fast delivery",
  "drop shipping",
  "dropshipping",
  "drop-shipping",
  "hot sale",
  "hot selling",
  "best seller",
  "best selling",
  "new arrival",
  "new arrivals",
  "brand new",
  "high quality",
  "top quality",
  "good quality",
  "100% original",
  "100% brand new",
  "original",
  "wholesale",
  "factory price",
  "limited time",
  "big sale",
  "promotion",
  "livraison gratuite",
  "vente chaude",
  "nouveauté",
  "haute qualité",
  "envío gratis",
  "envio gratis",
  "venta caliente",
  "alta calidad",
  "kostenloser versand",
  "heißer verkauf",
  "hohe qualität",
  "spedizione gratuita",
  "vendita calda",
  "alta qualità",
  "frete grátis",
  "frete gratis",
  "venda quente",
  "alta qualidade",
  "gratis verzending",
  "hoge kwaliteit",
  "darmowa wysyłka",
  "wysoka jakość",
  "送料無料",
  "新品",
  "包邮",
  "热卖",
  "新款",
];

/** Placeholder or counterfeit-bait brands that must never reach a shop title. */
const BRAND_SPAM: readonly string[] = ["no brand", "nobrand", "oem", "odm", "generic", "unbranded", "none"];

const SMALL_WORDS_EN = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "by",
  "for",
  "from",
  "in",
  "of",
  "on",
  "or",
  "the",
  "to",
  "with",
  "vs",
]);
const STOPWORDS = new Set([
  ...SMALL_WORDS_EN,
  "de",
  "du",
  "des",
  "la",
  "le",
  "les",
  "et",
  "pour",
  "avec",
  "en",
  "à",
  "del",
  "el",
  "los",
  "las",
  "y",
  "para",
  "con",
  "por",
  "der",
  "die",
  "das",
  "und",
  "für",
  "mit",
  "von",
  "di",
  "il",
  "e",
  "per",
  "da",
  "con",
  "do",
  "da",
  "dos",
  "das",
  "e",
  "com",
  "het",
  "een",
  "en",
  "voor",
  "met",
  "van",
  "i",
  "w",
  "z",
  "na",
  "do",
  "dla",
]);

/** Stopword test that ignores surrounding punctuation ("(com" is "com"). */
const isStopword = (word: string) =>
  STOPWORDS.has(word.toLocaleLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));

const SENTENCE_CASE_LANGUAGES = new Set<Language>(["fr", "es", "it", "pt-BR", "nl", "pl"]);

export interface CleanTitleOptions {
  language: Language;
  /** The focus keyphrase: kept (or put first) whatever is cut. */
  keyphrase?: string;
  /** Extra brand names to remove (the supplier's store name is a typical one). */
  brandBlocklist?: readonly string[];
  maxLength?: number;
}

export interface CleanTitleResult {
  title: string;
  /** What was taken out, for the preview ("Free Shipping", "2024", duplicate "T-Shirt"…). */
  removed: string[];
  shortened: boolean;
}

const SEPARATOR = /^[/+&–—-]+$/u;
/** Bracketed tags worth removing: promotions, discounts, years, upgrades. */
const PROMO_TAG =
  /%|\b(?:off|sale|promo\w*|discount|deal|hot|free|gift|new|upgraded?|desconto|promoção|rebaja|oferta|soldes|rabatt|sconto|angebot|últimas|limited|limitada|limitée|(?:19|20)\d{2})\b/iu;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  quot: '"',
  apos: "'",
  lt: "<",
  gt: ">",
  nbsp: " ",
  trade: "™",
  reg: "®",
  copy: "©",
  ndash: "–",
  mdash: "—",
};

/** Decodes HTML entities, full-width ASCII (ＵＳＢ → USB) and collapses whitespace. */
function normaliseText(input: string): string {
  return input
    .normalize("NFC")
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/giu, (match, entity: string) => {
      if (!entity.startsWith("#")) return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
      const code =
        entity[1] === "x" || entity[1] === "X"
          ? parseInt(entity.slice(2), 16)
          : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    })
    .replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/gu, " ");
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Letters only, lowercase, plural/possessive `s` dropped: "T-Shirts", "TSHIRT" and "t shirt" meet. */
const wordKey = (word: string) =>
  word
    .toLocaleLowerCase()
    .replace(/['’]s$/u, "")
    .replace(/[^\p{L}\p{N}]/gu, "")
    .replace(/(?<=\p{L}{3})s$/u, "");

function isAcronym(word: string): boolean {
  return /\d/.test(word) || (/^\p{Lu}{2,4}$/u.test(word) && !/^[AEIOU]+$/.test(word));
}

/** Names with a fixed spelling that casing rules must not touch. */
const PROPER_NOUNS = new Map(
  [
    "iPhone",
    "iPad",
    "iOS",
    "Android",
    "Bluetooth",
    "Wi-Fi",
    "WiFi",
    "USB-C",
    "Type-C",
    "Samsung",
    "Apple",
    "Xiaomi",
    "Huawei",
    "MagSafe",
    "AirPods",
    "LEGO",
  ].map((n) => [n.toLocaleLowerCase(), n]),
);

function applyCasing(words: string[], language: Language): string[] {
  if (language === "ja" || language === "zh-CN") return words;
  // The first word with a letter starts the sentence (titles may open with an emoji or a number).
  const first = Math.max(
    0,
    words.findIndex((w) => /\p{L}/u.test(w)),
  );
  return words.map((word, index) => {
    const i = index === first ? 0 : index > first ? index : -1;
    const proper = PROPER_NOUNS.get(word.toLocaleLowerCase());
    if (proper) return proper;
    // SHOUTING words become normal words; short acronyms (USB, LED, 4K) stay.
    let w = /^\p{Lu}{5,}$/u.test(word) ? word.toLocaleLowerCase() : word;
    if (isAcronym(w)) return w;
    if (language === "en") {
      if (i > 0 && SMALL_WORDS_EN.has(w.toLocaleLowerCase())) return w.toLocaleLowerCase();
      return w.charAt(0).toLocaleUpperCase() + w.slice(1);
    }
    if (SENTENCE_CASE_LANGUAGES.has(language)) {
      w = i === 0 ? w : /^\p{Lu}\p{Ll}+$/u.test(w) ? w.toLocaleLowerCase() : w;
      return i === 0 ? w.charAt(0).toLocaleUpperCase() + w.slice(1) : w;
    }
    // German keeps its capitalised nouns; only the first letter of the title is forced.
    return i === 0 ? w.charAt(0).toLocaleUpperCase() + w.slice(1) : w;
  });
}

/**
 * Cleans a supplier title for a shop: removes promotional noise ("2024 New Hot Sale Free
 * Shipping"), placeholder and blocked brands, repeated words (keyword stuffing, including
 * "T-Shirt"/"T Shirt"/"TSHIRT"), fixes casing for the language (Title Case in English, sentence
 * case in Romance languages, Dutch and Polish, German nouns kept), and fits it in 70 characters
 * at a word boundary without ever cutting the focus keyphrase.
 *
 * @example
 * cleanTitle("2024 New Hot Sale Free Shipping Men's T-Shirt Cotton T Shirt", { language: "en", keyphrase: "cotton t-shirt" })
 * // { title: "Men's T-Shirt Cotton", … }
 */
export function cleanTitle(input: string, options: CleanTitleOptions): CleanTitleResult {
  const max = options.maxLength ?? MAX_TITLE_LENGTH;
  const removed: string[] = [];
  let text = ` ${normaliseText(input)} `;

  // Seller tags: 【2024 Upgrade】 always; (…)/[…] only when promotional — "(V-neck)" or "(40 kg)" inform.
  text = text.replace(/【[^】]{0,40}】|[[(（][^\])）]{0,40}[\])）]/gu, (match) => {
    if (!match.startsWith("【") && !PROMO_TAG.test(match)) return match;
    removed.push(match.trim());
    return " ";
  });
  for (const phrase of [...NOISE_PHRASES, ...BRAND_SPAM, ...(options.brandBlocklist ?? [])].sort(
    (a, b) => b.length - a.length,
  )) {
    if (!phrase.trim()) continue;
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(phrase);
    const pattern = cjk
      ? new RegExp(escapeRegExp(phrase), "giu")
      : new RegExp(`(?<=^|[\\s,/|+-])${escapeRegExp(phrase)}(?=$|[\\s,/|+!-])`, "giu");
    text = text.replace(pattern, (match) => {
      removed.push(match.trim());
      return " ";
    });
  }
  text = text.replace(/(?<=^|\s)(?:201[5-9]|20[23]\d)(?:\s+new)?(?=\s|$)/giu, (match) => {
    removed.push(match.trim());
    return " ";
  });
  // A leading "New" is a marketplace badge, elsewhere it may be part of a name ("New Balance").
  text = text.replace(/^\s*new(?=\s)/iu, (match) => {
    removed.push(match.trim());
    return " ";
  });

  // Repeated words and split spellings: keep the first occurrence of each word.
  const rawWords = text.split(/\s+/).filter((w) => w && !/^[,|!]+$/.test(w));
  const seen = new Set<string>();
  const words: string[] = [];
  for (let i = 0; i < rawWords.length; i++) {
    const word = rawWords[i] ?? "";
    const next = rawWords[i + 1];
    const k = wordKey(word);
    const joined = next === undefined ? undefined : wordKey(word + next);
    // Split spellings of a word already seen ("T Shirt" after "T-Shirt") go as a pair.
    if (joined !== undefined && seen.has(joined) && !seen.has(k) && k !== "") {
      removed.push(`${word} ${next ?? ""}`.trim());
      i++;
      continue;
    }
    // Stopwords, numbers and short acronyms repeat legitimately ("EF 18-55mm IS + EF 55-250mm IS"),
    // and after a stopword or a number a repeat is part of a phrase ("Garrafa de Água", "6 a 12 anos").
    const previous = words.at(-1) ?? "";
    const exempt =
      isStopword(word) ||
      k === "" ||
      /[\d()[\]]/.test(word) ||
      /^\p{Lu}{1,3}$/u.test(word) ||
      isStopword(previous) ||
      /\d/.test(previous);
    if (seen.has(k) && !exempt) {
      removed.push(word);
      continue;
    }
    if (exempt && seen.has(k)) {
      words.push(word);
      continue;
    }
    seen.add(k);
    words.push(word);
  }
  // Separators left doubled or dangling by removals ("Tee - - Cotton", "– Tee").
  for (let i = words.length - 1; i >= 0; i--)
    if (
      SEPARATOR.test(words[i] ?? "") &&
      (i === 0 || i === words.length - 1 || SEPARATOR.test(words[i - 1] ?? ""))
    )
      words.splice(i, 1);
  // Stopwords left dangling at either end ("for", "with") after removals read as broken.
  while (words.length > 0 && STOPWORDS.has((words.at(-1) ?? "").toLocaleLowerCase())) words.pop();
  while (words.length > 1 && STOPWORDS.has((words[0] ?? "").toLocaleLowerCase())) words.shift();

  let cased = applyCasing(words, options.language);
  const keyphrase = options.keyphrase?.trim();
  if (keyphrase) {
    const kpWords = keyphrase.split(/\s+/).map(wordKey);
    const has = kpWords.every((k) => cased.some((w) => wordKey(w) === k));
    if (!has) {
      const rest = cased.filter((w) => !kpWords.includes(wordKey(w)));
      cased = applyCasing([...keyphrase.split(/\s+/), ...rest], options.language);
    }
  }
  const protectedKeys = new Set(keyphrase ? keyphrase.split(/\s+/).map(wordKey) : []);
  let shortened = false;
  while (cased.join(" ").length > max) {
    // Drop the last word that is not part of the keyphrase.
    let index = -1;
    for (let i = cased.length - 1; i >= 0; i--)
      if (!protectedKeys.has(wordKey(cased[i] ?? ""))) {
        index = i;
        break;
      }
    if (index <= 0 || cased.length === 1) {
      const single = cased.join(" ");
      cased = [single.slice(0, max).trimEnd()];
      shortened = true;
      break;
    }
    cased.splice(index, 1);
    shortened = true;
  }
  while (cased.length > 1 && STOPWORDS.has((cased.at(-1) ?? "").toLocaleLowerCase())) cased.pop();
  const title = cased
    .join(" ")
    .replace(/\s+([,.!?])/g, "$1")
    .replace(/[\s,;:/|+&–—-]+$/u, "")
    .trim();
  return { title: title || input.trim().slice(0, max), removed: removed.filter(Boolean), shortened };
}
