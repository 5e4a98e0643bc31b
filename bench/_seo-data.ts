/**
 * Deterministic product pages for the SEO benchmark when ../shared/corpus is absent, and the
 * streamed 100,000-product catalog. Same seed → same pages on every machine.
 */
import type { SeoProductInput } from "../packages/core/src/seo/index.ts";

export interface BenchPage {
  id: string;
  language: "en" | "fr" | "es" | "de";
  keyphrase: string;
  title: string;
  seoTitle: string;
  metaDescription: string;
  descriptionHtml: string;
  handle: string;
  imageAlts: string[];
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCAB = {
  en: {
    products: [
      "linen shirt",
      "leather bag",
      "wool sweater",
      "running shoe",
      "cotton dress",
      "ceramic mug",
      "desk lamp",
      "yoga mat",
    ],
    adjectives: ["soft", "light", "durable", "warm", "elegant", "practical", "comfortable", "handmade"],
    sentences: [
      "This {p} is {a} and easy to care for.",
      "Moreover, the {p} keeps its shape after many washes.",
      "We designed it for everyday use in the city and on trips.",
      "Because the material breathes, you stay comfortable all day.",
      "The {p} is made in a small workshop in Portugal.",
      "It pairs well with jeans, shorts or a light jacket.",
      "For example, you can wear it to work and to dinner.",
      "Each piece is checked by hand before it leaves our studio.",
    ],
    specs: ["Material: 100% {m}", "Weight: 180 g", "Size: 42 x 30 cm", "Care: machine wash at 30 °C"],
    care: ["Wash inside out with similar colours.", "Do not tumble dry.", "Iron on a low setting."],
    materials: ["linen", "cotton", "wool", "leather"],
    heading: "Why you will love the {p}",
  },
  fr: {
    products: [
      "chemise en lin",
      "sac en cuir",
      "pull en laine",
      "chaussure de course",
      "robe en coton",
      "tasse en céramique",
      "lampe de bureau",
      "tapis de yoga",
    ],
    adjectives: ["doux", "léger", "solide", "chaud", "élégant", "pratique", "confortable", "artisanal"],
    sentences: [
      "Cette {p} est {a} et facile à entretenir.",
      "De plus, la {p} garde sa forme après de nombreux lavages.",
      "Nous l'avons conçue pour la ville et pour les voyages.",
      "Comme la matière respire, vous restez à l'aise toute la journée.",
      "La {p} est fabriquée dans un petit atelier au Portugal.",
      "Elle se porte avec un jean, un short ou une veste légère.",
      "Par exemple, vous pouvez la porter au bureau et au dîner.",
      "Chaque pièce est vérifiée à la main avant de quitter l'atelier.",
    ],
    specs: ["Matière : 100 % {m}", "Poids : 180 g", "Taille : 42 x 30 cm", "Entretien : lavage à 30 °C"],
    care: [
      "Lavez à l'envers avec des couleurs proches.",
      "Pas de sèche-linge.",
      "Repassez à basse température.",
    ],
    materials: ["lin", "coton", "laine", "cuir"],
    heading: "Pourquoi vous allez aimer la {p}",
  },
  es: {
    products: [
      "camisa de lino",
      "bolso de cuero",
      "jersey de lana",
      "zapatilla de running",
      "vestido de algodón",
      "taza de cerámica",
      "lámpara de escritorio",
      "esterilla de yoga",
    ],
    adjectives: ["suave", "ligera", "resistente", "cálida", "elegante", "práctica", "cómoda", "artesanal"],
    sentences: [
      "Esta {p} es {a} y fácil de cuidar.",
      "Además, la {p} mantiene su forma después de muchos lavados.",
      "La diseñamos para el uso diario en la ciudad y en los viajes.",
      "Como el material respira, estás cómodo todo el día.",
      "La {p} fue fabricada en un pequeño taller de Portugal.",
      "Combina bien con vaqueros, pantalones cortos o una chaqueta ligera.",
      "Por ejemplo, puedes llevarla al trabajo y a cenar.",
      "Revisamos cada pieza a mano antes de que salga del taller.",
    ],
    specs: ["Material: 100 % {m}", "Peso: 180 g", "Tamaño: 42 x 30 cm", "Cuidado: lavado a 30 °C"],
    care: ["Lava del revés con colores parecidos.", "No uses secadora.", "Plancha a baja temperatura."],
    materials: ["lino", "algodón", "lana", "cuero"],
    heading: "Por qué te encantará la {p}",
  },
  de: {
    products: [
      "Leinenhemd",
      "Ledertasche",
      "Wollpullover",
      "Laufschuh",
      "Baumwollkleid",
      "Keramikbecher",
      "Schreibtischlampe",
      "Yogamatte",
    ],
    adjectives: ["weich", "leicht", "robust", "warm", "elegant", "praktisch", "bequem", "handgemacht"],
    sentences: [
      "Dieses {p} ist {a} und pflegeleicht.",
      "Außerdem behält das {p} auch nach vielen Wäschen seine Form.",
      "Wir haben es für den Alltag in der Stadt und auf Reisen entworfen.",
      "Weil das Material atmet, fühlst du dich den ganzen Tag wohl.",
      "Das {p} wird in einer kleinen Werkstatt in Portugal gefertigt.",
      "Es passt zu Jeans, Shorts oder einer leichten Jacke.",
      "Zum Beispiel kannst du es im Büro und beim Abendessen tragen.",
      "Jedes Teil wird von Hand geprüft, bevor es unsere Werkstatt verlässt.",
    ],
    specs: [
      "Material: 100 % {m}",
      "Gewicht: 180 g",
      "Größe: 42 x 30 cm",
      "Pflege: Maschinenwäsche bei 30 °C",
    ],
    care: [
      "Auf links mit ähnlichen Farben waschen.",
      "Nicht im Trockner trocknen.",
      "Bei niedriger Temperatur bügeln.",
    ],
    materials: ["Leinen", "Baumwolle", "Wolle", "Leder"],
    heading: "Darum wirst du das {p} lieben",
  },
} as const;

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

/** One deterministic product page. */
export function generatePage(language: BenchPage["language"], i: number): BenchPage {
  const r = rng(i * 7919 + language.charCodeAt(0));
  const v = VOCAB[language];
  const p = pick(r, v.products);
  const a = pick(r, v.adjectives);
  const fill = (s: string): string => s.replace("{p}", p).replace("{a}", a);
  const paragraphs: string[] = [];
  const n = 2 + Math.floor(r() * 6);
  for (let k = 0; k < n; k++) {
    const sentences = Array.from({ length: 2 + Math.floor(r() * 4) }, () => fill(pick(r, v.sentences)));
    // Some pages emphasise a phrase inside a sentence, as merchants do.
    if (k === 0 && r() < 0.4) sentences[0] = (sentences[0] ?? "").replace(a, `<strong>${a}</strong>`);
    paragraphs.push(`<p>${sentences.join(" ")}</p>`);
    if (k === 1 && r() < 0.6) paragraphs.push(`<h2>${fill(v.heading)}</h2>`);
  }
  // A spec list (figures and units) on half the pages, care lines separated by <br> on a third.
  const material = pick(r, v.materials);
  if (r() < 0.5)
    paragraphs.push(`<ul>${v.specs.map((x) => `<li>${x.replace("{m}", material)}</li>`).join("")}</ul>`);
  if (r() < 0.33) paragraphs.push(`<p>${v.care.join("<br>")}</p>`);
  const title = `${p.charAt(0).toUpperCase()}${p.slice(1)} ${a}`;
  const text = paragraphs
    .join(" ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const metaLength = [0, 90, 135, 150, 175][i % 5] ?? 0;
  return {
    id: `gen-${language}-${i}`,
    language,
    keyphrase: p,
    title,
    seoTitle: r() < 0.5 ? `${title} | Acme` : `Acme – ${title}`,
    metaDescription: text.slice(0, metaLength),
    descriptionHtml: paragraphs.join("\n"),
    handle: p
      .toLowerCase()
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[^a-z0-9]+/g, "-"),
    imageAlts: i % 3 === 0 ? [] : i % 3 === 1 ? [title, "IMG_0001.jpg"] : [`${p} ${a}`],
  };
}

export function generatePages(languages: readonly BenchPage["language"][], perLanguage: number): BenchPage[] {
  return languages.flatMap((l) => Array.from({ length: perLanguage }, (_, i) => generatePage(l, i)));
}

/** A streamed catalog of `count` products, with some duplicated titles and copied descriptions. */
export function* generateCatalog(count: number): Generator<SeoProductInput> {
  const languages = ["en", "fr", "es", "de"] as const;
  for (let i = 0; i < count; i++) {
    const language = languages[i % languages.length] ?? "en";
    // Every 50th product copies an earlier page: duplicate titles and near-duplicate text.
    const page = generatePage(language, i % 50 === 49 ? i - 49 : i);
    yield {
      id: `p${i}`,
      title: page.title,
      seoTitle: page.seoTitle,
      metaDescription: page.metaDescription,
      descriptionHtml: page.descriptionHtml,
      handle: `${page.handle}-${i}`,
      keyphrase: page.keyphrase,
      language,
      vendor: "Acme",
      images: page.imageAlts.map((alt, k) => ({ src: `https://cdn.example/${i}/${k}.jpg`, alt })),
      variants: [{ sku: `SKU-${i}`, price: 10 + (i % 90), available: i % 7 !== 0 }],
      currency: "EUR",
    };
  }
}
