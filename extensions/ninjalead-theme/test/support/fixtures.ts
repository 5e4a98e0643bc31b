/**
 * Realistic storefront data: a merino sweater with three variants in a Shopify shop selling in
 * EUR, the metafield values NinjaLead writes for it (valid against the contract), and the
 * campaign and persona messages of the shop. Texts in all ten languages.
 */
import type { Language } from "../../../../packages/core/src/i18n/index.js";
import type {
  CampaignValue,
  PersonaMessagesValue,
  ProductFaqValue,
  ProductJsonLdValue,
} from "../../src/contract.js";
import { appMetafields, type ProductFixture, type StorefrontState } from "./shopify-liquid.js";

export const APP_ID = "4921337";
export const ORIGIN = "https://alpine-knits.example";

export const jsonLd: ProductJsonLdValue = {
  version: 1,
  product: {
    "@context": "https://schema.org",
    "@type": "Product",
    "@id": `${ORIGIN}/products/merino-crew-sweater#product`,
    name: "Merino Crew Sweater",
    description: "A light crew-neck sweater knitted from 100% extra-fine merino wool. Machine washable.",
    image: [
      "https://cdn.shopify.com/s/files/1/0001/products/merino-crew-navy.jpg",
      "https://cdn.shopify.com/s/files/1/0001/products/merino-crew-grey.jpg",
    ],
    url: `${ORIGIN}/products/merino-crew-sweater`,
    sku: "MCS",
    gtin13: "4006381333931",
    brand: { "@type": "Brand", name: "Alpine Knits" },
    material: "Merino wool",
    aggregateRating: { "@type": "AggregateRating", ratingValue: 4.6, reviewCount: 38 },
  },
  breadcrumbs: {
    "@type": "BreadcrumbList",
    itemListElement: [
      { "@type": "ListItem", position: 1, name: "Home", item: `${ORIGIN}/` },
      { "@type": "ListItem", position: 2, name: "Knitwear", item: `${ORIGIN}/collections/knitwear` },
      { "@type": "ListItem", position: 3, name: "Merino Crew Sweater" },
    ],
  },
};

/** One FAQ per language: the question and answer written in that language. */
export const FAQ_TEXTS: Record<Language, { question: string; answer: string }[]> = {
  en: [
    { question: "Can I machine wash it?", answer: "Yes, on a wool cycle at 30 °C.\nDry it flat." },
    { question: "Does it run true to size?", answer: "Yes. Take your usual size for a regular fit." },
  ],
  fr: [
    {
      question: "Puis-je le laver en machine ?",
      answer: "Oui, en programme laine à 30 °C.\nSéchez-le à plat.",
    },
    { question: "La taille est-elle standard ?", answer: "Oui. Prenez votre taille habituelle." },
  ],
  es: [{ question: "¿Se puede lavar a máquina?", answer: "Sí, con el programa de lana a 30 °C." }],
  de: [{ question: "Ist der Pullover waschmaschinenfest?", answer: "Ja, im Wollprogramm bei 30 °C." }],
  it: [{ question: "Si può lavare in lavatrice?", answer: "Sì, con il programma lana a 30 °C." }],
  "pt-BR": [{ question: "Posso lavar na máquina?", answer: "Sim, no ciclo para lã a 30 °C." }],
  nl: [{ question: "Mag de trui in de wasmachine?", answer: "Ja, op het wolprogramma op 30 °C." }],
  pl: [{ question: "Czy można prać w pralce?", answer: "Tak, w programie do wełny w 30 °C." }],
  ja: [{ question: "洗濯機で洗えますか？", answer: "はい、30 °C のウールコースで洗えます。" }],
  "zh-CN": [{ question: "可以机洗吗？", answer: "可以，使用 30 °C 羊毛程序洗涤。" }],
};

export const faq: ProductFaqValue = { version: 1, defaultLanguage: "en", items: FAQ_TEXTS };

export const CAMPAIGN_TEXTS: Record<Language, { message: string; ctaLabel: string }> = {
  en: { message: "Winter sale: 20% off all knitwear until Sunday.", ctaLabel: "Shop knitwear" },
  fr: { message: "Soldes d'hiver : -20 % sur toute la maille jusqu'à dimanche.", ctaLabel: "Voir la maille" },
  es: {
    message: "Rebajas de invierno: 20 % en toda la ropa de punto hasta el domingo.",
    ctaLabel: "Ver punto",
  },
  de: {
    message: "Winterschlussverkauf: 20 % auf alle Strickwaren bis Sonntag.",
    ctaLabel: "Strickwaren ansehen",
  },
  it: {
    message: "Saldi invernali: 20% su tutta la maglieria fino a domenica.",
    ctaLabel: "Scopri la maglieria",
  },
  "pt-BR": { message: "Liquidação de inverno: 20% em todo o tricô até domingo.", ctaLabel: "Ver tricô" },
  nl: { message: "Winteruitverkoop: 20% korting op alle breiwerk tot zondag.", ctaLabel: "Bekijk breiwerk" },
  pl: { message: "Zimowa wyprzedaż: 20% taniej na dzianiny do niedzieli.", ctaLabel: "Zobacz dzianiny" },
  ja: { message: "ウィンターセール：日曜日までニット全品20%オフ。", ctaLabel: "ニットを見る" },
  "zh-CN": { message: "冬季促销：周日前所有针织品八折。", ctaLabel: "选购针织品" },
};

export const campaign: CampaignValue = {
  version: 1,
  id: "winter-sale-2026",
  startsAt: "2026-12-01T00:00:00+01:00",
  endsAt: "2026-12-07T00:00:00+01:00",
  languages: ["en", "fr", "es", "de", "it", "pt-BR", "nl", "pl", "ja", "zh-CN"],
  texts: CAMPAIGN_TEXTS,
  ctaUrl: "/collections/knitwear",
};

export const personas: PersonaMessagesValue = {
  version: 1,
  defaultLanguage: "en",
  messages: [
    {
      tag: "VIP",
      texts: {
        en: "Thank you for being a VIP: free express shipping on every order.",
        fr: "Merci d'être VIP : livraison express offerte sur chaque commande.",
      },
    },
    { tag: "newsletter", texts: { en: "Subscribers get early access to every sale." } },
  ],
};

export const sweater = (metafields: Record<string, unknown> = { jsonld: jsonLd, faq }): ProductFixture => ({
  id: 8123456789,
  handle: "merino-crew-sweater",
  title: "Merino Crew Sweater",
  variants: [
    { id: 4401, title: "Navy / S", price: 8900, available: true, sku: "MCS-NAVY-S" },
    { id: 4402, title: "Navy / M", price: 8900, available: false, sku: "MCS-NAVY-M" },
    { id: 4403, title: "Grey / L", price: 9500, available: true, sku: "MCS-GREY-L" },
  ],
  metafields: appMetafields(APP_ID, metafields),
});

/** A product page view: shopper language, shop metafields and the sweater. */
export function pageState(overrides: Partial<StorefrontState> = {}): StorefrontState {
  return {
    locale: "en",
    currency: "EUR",
    origin: ORIGIN,
    shopMetafields: appMetafields(APP_ID, { campaign, personas }),
    product: sweater(),
    customer: null,
    ...overrides,
  };
}

/** Strings that try to break out of text, attributes and script elements. */
export const HOSTILE = [
  `</script><script>alert(1)</script>`,
  `"><img src=x onerror=alert(1)>`,
  `' onmouseover='alert(1)`,
  `<svg/onload=alert(1)>`,
  `\u2028</SCRIPT >&lt;`,
];
