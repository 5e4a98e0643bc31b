import { translate, type Language, type MessageCatalog } from "../i18n/index.js";

/** Phrases the offline generators compose; every language has every key (a test holds it). */
export type OfflinePhrase =
  | "intro"
  | "highlights"
  | "price"
  | "cta"
  | "metaDescription"
  | "altText"
  | "personaSummary"
  | "campaignSubject"
  | "campaignBody";

export const OFFLINE_PHRASES: MessageCatalog<OfflinePhrase> = {
  en: {
    intro: "{title}: {summary}.",
    highlights: "Highlights: {list}.",
    price: "Available for {price}.",
    cta: "Order today and enjoy it tomorrow.",
    metaDescription: "{title} – {summary}. Shop now.",
    altText: "{title}, product photo",
    personaSummary: "{name} buys {frequency} and spends about {amount} per order.",
    campaignSubject: "{name}, something new for you",
    campaignBody: "Hello {name}, we picked {title} for you. {cta}",
  },
  fr: {
    intro: "{title} : {summary}.",
    highlights: "Points forts : {list}.",
    price: "Disponible pour {price}.",
    cta: "Commandez aujourd'hui, profitez-en demain.",
    metaDescription: "{title} – {summary}. Achetez maintenant.",
    altText: "{title}, photo du produit",
    personaSummary: "{name} achète {frequency} et dépense environ {amount} par commande.",
    campaignSubject: "{name}, une nouveauté pour vous",
    campaignBody: "Bonjour {name}, nous avons choisi {title} pour vous. {cta}",
  },
  es: {
    intro: "{title}: {summary}.",
    highlights: "Puntos destacados: {list}.",
    price: "Disponible por {price}.",
    cta: "Pídelo hoy y disfrútalo mañana.",
    metaDescription: "{title} – {summary}. Compra ahora.",
    altText: "{title}, foto del producto",
    personaSummary: "{name} compra {frequency} y gasta unos {amount} por pedido.",
    campaignSubject: "{name}, algo nuevo para ti",
    campaignBody: "Hola {name}, hemos elegido {title} para ti. {cta}",
  },
  de: {
    intro: "{title}: {summary}.",
    highlights: "Highlights: {list}.",
    price: "Erhältlich für {price}.",
    cta: "Heute bestellen, morgen genießen.",
    metaDescription: "{title} – {summary}. Jetzt kaufen.",
    altText: "{title}, Produktfoto",
    personaSummary: "{name} kauft {frequency} und gibt pro Bestellung etwa {amount} aus.",
    campaignSubject: "{name}, etwas Neues für Sie",
    campaignBody: "Hallo {name}, wir haben {title} für Sie ausgewählt. {cta}",
  },
  it: {
    intro: "{title}: {summary}.",
    highlights: "Punti di forza: {list}.",
    price: "Disponibile a {price}.",
    cta: "Ordina oggi e goditelo domani.",
    metaDescription: "{title} – {summary}. Acquista ora.",
    altText: "{title}, foto del prodotto",
    personaSummary: "{name} acquista {frequency} e spende circa {amount} per ordine.",
    campaignSubject: "{name}, una novità per te",
    campaignBody: "Ciao {name}, abbiamo scelto {title} per te. {cta}",
  },
  "pt-BR": {
    intro: "{title}: {summary}.",
    highlights: "Destaques: {list}.",
    price: "Disponível por {price}.",
    cta: "Peça hoje e aproveite amanhã.",
    metaDescription: "{title} – {summary}. Compre agora.",
    altText: "{title}, foto do produto",
    personaSummary: "{name} compra {frequency} e gasta cerca de {amount} por pedido.",
    campaignSubject: "{name}, uma novidade para você",
    campaignBody: "Olá {name}, escolhemos {title} para você. {cta}",
  },
  nl: {
    intro: "{title}: {summary}.",
    highlights: "Hoogtepunten: {list}.",
    price: "Verkrijgbaar voor {price}.",
    cta: "Vandaag besteld, morgen in huis.",
    metaDescription: "{title} – {summary}. Nu kopen.",
    altText: "{title}, productfoto",
    personaSummary: "{name} koopt {frequency} en besteedt ongeveer {amount} per bestelling.",
    campaignSubject: "{name}, iets nieuws voor jou",
    campaignBody: "Hallo {name}, we hebben {title} voor je uitgekozen. {cta}",
  },
  pl: {
    intro: "{title}: {summary}.",
    highlights: "Najważniejsze cechy: {list}.",
    price: "Dostępne za {price}.",
    cta: "Zamów dziś, ciesz się jutro.",
    metaDescription: "{title} – {summary}. Kup teraz.",
    altText: "{title}, zdjęcie produktu",
    personaSummary: "{name} kupuje {frequency} i wydaje około {amount} na zamówienie.",
    campaignSubject: "{name}, nowość dla Ciebie",
    campaignBody: "Cześć {name}, wybraliśmy dla Ciebie {title}. {cta}",
  },
  ja: {
    intro: "{title}：{summary}。",
    highlights: "おすすめポイント：{list}。",
    price: "価格：{price}。",
    cta: "今日ご注文いただくと、明日お届けします。",
    metaDescription: "{title} – {summary}。今すぐ購入。",
    altText: "{title}の商品写真",
    personaSummary: "{name}は{frequency}購入し、1回あたり約{amount}を使います。",
    campaignSubject: "{name}様へ新着のお知らせ",
    campaignBody: "{name}様、{title}をお選びしました。{cta}",
  },
  "zh-CN": {
    intro: "{title}：{summary}。",
    highlights: "亮点：{list}。",
    price: "售价：{price}。",
    cta: "今天下单，明天享受。",
    metaDescription: "{title} – {summary}。立即选购。",
    altText: "{title}的产品照片",
    personaSummary: "{name}{frequency}购买，每单花费约{amount}。",
    campaignSubject: "{name}，为您推荐新品",
    campaignBody: "{name}您好，我们为您挑选了{title}。{cta}",
  },
};

const LIST_SEPARATORS: Readonly<Record<Language, { comma: string; and: string }>> = {
  en: { comma: ", ", and: " and " },
  fr: { comma: ", ", and: " et " },
  es: { comma: ", ", and: " y " },
  de: { comma: ", ", and: " und " },
  it: { comma: ", ", and: " e " },
  "pt-BR": { comma: ", ", and: " e " },
  nl: { comma: ", ", and: " en " },
  pl: { comma: ", ", and: " i " },
  ja: { comma: "、", and: "、" },
  "zh-CN": { comma: "、", and: "和" },
};

/** 32-bit FNV-1a: a stable seed from any string, identical on every runtime. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Deterministic text building blocks for offline generators: the same input always gives the
 * same copy, in any of the ten languages.
 *
 * @example
 * offlineText.phrase("fr", "price", { price: "19,90 €" }) // "Disponible pour 19,90 €."
 * offlineText.list("de", ["Leinen", "Baumwolle", "Seide"]) // "Leinen, Baumwolle und Seide"
 * offlineText.truncate("A long sentence about linen", 15) // "A long sentence"
 */
export const offlineText = {
  phrase(
    language: Language,
    key: OfflinePhrase,
    params: Readonly<Record<string, string | number>> = {},
  ): string {
    return translate(OFFLINE_PHRASES, language, key, params);
  },

  /** "a, b and c" with the language's separators. */
  list(language: Language, items: readonly string[]): string {
    const { comma, and } = LIST_SEPARATORS[language];
    const clean = items.map((i) => i.trim()).filter((i) => i.length > 0);
    if (clean.length <= 1) return clean.join("");
    return `${clean.slice(0, -1).join(comma)}${and}${clean[clean.length - 1] ?? ""}`;
  },

  /**
   * Cuts `text` to at most `maxChars` characters, at a word boundary when the text has spaces
   * (CJK text has none and is cut at a character), without a dangling separator.
   */
  truncate(text: string, maxChars: number): string {
    const chars = Array.from(text.trim());
    if (chars.length <= maxChars) return chars.join("");
    const cut = chars.slice(0, maxChars).join("");
    const space = cut.lastIndexOf(" ");
    const base = space > maxChars * 0.5 ? cut.slice(0, space) : cut;
    return base.replace(/[\s,;:–-]+$/u, "");
  },

  /** Picks one of `options` from a seed: stable variety without randomness. */
  pick<T>(seed: string, options: readonly [T, ...T[]]): T {
    return options[hash32(seed) % options.length] ?? options[0];
  },

  /** A stable unsigned 32-bit number from a string. */
  hash: hash32,

  /** First sentence-ish summary of free text (HTML stripped), for intros and meta descriptions. */
  summarize(text: string, maxChars: number): string {
    const plain = text
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    const sentence = /^(.+?[.!?。！？])(\s|$)/u.exec(plain)?.[1] ?? plain;
    return offlineText.truncate(sentence.replace(/[.!?。！？]+$/u, ""), maxChars);
  },
};

const PALETTE = [
  "#5C6AC4",
  "#006FBB",
  "#47C1BF",
  "#50B83C",
  "#EEC200",
  "#F49342",
  "#DE3618",
  "#9C6ADE",
] as const;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A deterministic SVG avatar for a persona: colours and shape from `seed`, initials from
 * `label`. Used when no image provider is configured.
 *
 * @example
 * const svg = createOfflineAvatarSvg("persona-42", "Eco Emma"); // "<svg …>EE</svg>"
 */
export function createOfflineAvatarSvg(seed: string, label: string): string {
  const h = hash32(seed);
  const bg = PALETTE[h % PALETTE.length] ?? PALETTE[0];
  const accent = PALETTE[(h >>> 8) % PALETTE.length] ?? PALETTE[1];
  const initials =
    label
      .trim()
      .split(/\s+/u)
      .filter((w) => w.length > 0)
      .slice(0, 2)
      .map((w) => Array.from(w)[0]?.toUpperCase() ?? "")
      .join("") || "?";
  const cx = 40 + ((h >>> 16) % 48);
  const cy = 40 + ((h >>> 24) % 48);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128" role="img" aria-label="${escapeXml(label)}">`,
    `<rect width="128" height="128" rx="64" fill="${bg}"/>`,
    `<circle cx="${cx}" cy="${cy}" r="34" fill="${accent}" opacity="0.35"/>`,
    `<text x="64" y="78" text-anchor="middle" font-family="system-ui, sans-serif" font-size="44" font-weight="600" fill="#FFFFFF">${escapeXml(initials)}</text>`,
    `</svg>`,
  ].join("");
}
