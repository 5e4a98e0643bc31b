import { LANGUAGES, type Language } from "../i18n/index.js";

/*
 * A small dictionary for the option names and values suppliers use most. Each row lists the
 * word in our ten languages, in LANGUAGES order (en, fr, es, de, it, pt-BR, nl, pl, ja, zh-CN),
 * then extra spellings seen in supplier data. Any spelling in any language maps to the row, so a
 * French "Couleur" or a Chinese "颜色" becomes "Farbe" in a German shop.
 */
type Row = readonly [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  ...string[],
];

const OPTION_NAMES: readonly Row[] = [
  [
    "Color",
    "Couleur",
    "Color",
    "Farbe",
    "Colore",
    "Cor",
    "Kleur",
    "Kolor",
    "カラー",
    "颜色",
    "Colour",
    "Main Color",
    "Colors",
    "色",
    "Metal Color",
    "Emitting Color",
  ],
  [
    "Size",
    "Taille",
    "Talla",
    "Größe",
    "Taglia",
    "Tamanho",
    "Maat",
    "Rozmiar",
    "サイズ",
    "尺寸",
    "尺码",
    "Shoe Size",
    "Sizes",
    "Grösse",
    "Tamaño",
  ],
  [
    "Material",
    "Matière",
    "Material",
    "Material",
    "Materiale",
    "Material",
    "Materiaal",
    "Materiał",
    "素材",
    "材质",
    "Matériau",
  ],
  ["Style", "Style", "Estilo", "Stil", "Stile", "Estilo", "Stijl", "Styl", "スタイル", "风格", "款式"],
  [
    "Length",
    "Longueur",
    "Longitud",
    "Länge",
    "Lunghezza",
    "Comprimento",
    "Lengte",
    "Długość",
    "長さ",
    "长度",
    "Cable Length",
  ],
  [
    "Capacity",
    "Capacité",
    "Capacidad",
    "Kapazität",
    "Capacità",
    "Capacidade",
    "Capaciteit",
    "Pojemność",
    "容量",
    "容量",
  ],
  [
    "Plug Type",
    "Type de prise",
    "Tipo de enchufe",
    "Steckertyp",
    "Tipo di spina",
    "Tipo de plugue",
    "Stekkertype",
    "Typ wtyczki",
    "プラグタイプ",
    "插头类型",
    "Plug",
    "Plug Standard",
  ],
  [
    "Model",
    "Modèle",
    "Modelo",
    "Modell",
    "Modello",
    "Modelo",
    "Model",
    "Model",
    "モデル",
    "型号",
    "Compatible Model",
  ],
  [
    "Quantity",
    "Quantité",
    "Cantidad",
    "Menge",
    "Quantità",
    "Quantidade",
    "Aantal",
    "Ilość",
    "数量",
    "数量",
    "Package",
    "Bundle",
    "Pack",
  ],
  ["Pattern", "Motif", "Patrón", "Muster", "Motivo", "Estampa", "Patroon", "Wzór", "柄", "图案"],
];

const COLOR_VALUES: readonly Row[] = [
  ["Black", "Noir", "Negro", "Schwarz", "Nero", "Preto", "Zwart", "Czarny", "ブラック", "黑色", "黑", "黒"],
  ["White", "Blanc", "Blanco", "Weiß", "Bianco", "Branco", "Wit", "Biały", "ホワイト", "白色", "白", "Weiss"],
  ["Red", "Rouge", "Rojo", "Rot", "Rosso", "Vermelho", "Rood", "Czerwony", "レッド", "红色", "赤"],
  ["Blue", "Bleu", "Azul", "Blau", "Blu", "Azul", "Blauw", "Niebieski", "ブルー", "蓝色", "青"],
  ["Green", "Vert", "Verde", "Grün", "Verde", "Verde", "Groen", "Zielony", "グリーン", "绿色", "緑"],
  ["Yellow", "Jaune", "Amarillo", "Gelb", "Giallo", "Amarelo", "Geel", "Żółty", "イエロー", "黄色"],
  ["Pink", "Rose", "Rosa", "Rosa", "Rosa", "Rosa", "Roze", "Różowy", "ピンク", "粉色"],
  ["Purple", "Violet", "Morado", "Lila", "Viola", "Roxo", "Paars", "Fioletowy", "パープル", "紫色"],
  ["Grey", "Gris", "Gris", "Grau", "Grigio", "Cinza", "Grijs", "Szary", "グレー", "灰色", "Gray"],
  [
    "Brown",
    "Marron",
    "Marrón",
    "Braun",
    "Marrone",
    "Marrom",
    "Bruin",
    "Brązowy",
    "ブラウン",
    "棕色",
    "咖啡色",
  ],
  ["Beige", "Beige", "Beige", "Beige", "Beige", "Bege", "Beige", "Beżowy", "ベージュ", "米色"],
  [
    "Orange",
    "Orange",
    "Naranja",
    "Orange",
    "Arancione",
    "Laranja",
    "Oranje",
    "Pomarańczowy",
    "オレンジ",
    "橙色",
  ],
  ["Silver", "Argent", "Plateado", "Silber", "Argento", "Prata", "Zilver", "Srebrny", "シルバー", "银色"],
  ["Gold", "Or", "Dorado", "Gold", "Oro", "Dourado", "Goud", "Złoty", "ゴールド", "金色"],
  [
    "Navy Blue",
    "Bleu marine",
    "Azul marino",
    "Marineblau",
    "Blu navy",
    "Azul-marinho",
    "Marineblauw",
    "Granatowy",
    "ネイビー",
    "藏青色",
    "Navy",
  ],
];

const key = (word: string): string =>
  word
    .normalize("NFKC")
    .toLocaleLowerCase("en")
    .replace(/[\s_-]+/g, " ")
    .trim();

function index(rows: readonly Row[]): Map<string, Row> {
  const map = new Map<string, Row>();
  for (const row of rows) for (const word of row) if (!map.has(key(word))) map.set(key(word), row);
  return map;
}

const OPTION_INDEX = index(OPTION_NAMES);
const COLOR_INDEX = index(COLOR_VALUES);
const LANGUAGE_POSITION = new Map<Language, number>(LANGUAGES.map((l, i) => [l, i]));

function inLanguage(row: Row, language: Language): string {
  return row[LANGUAGE_POSITION.get(language) ?? 0] ?? row[0];
}

/** The canonical English name of a known option ("Couleur" → "Color"), or undefined. */
export function canonicalOptionName(name: string): string | undefined {
  return OPTION_INDEX.get(key(name))?.[0];
}

/**
 * Translates a common option name into the shop's language; unknown names come back unchanged.
 *
 * @example
 * translateOptionName("Couleur", "de") // "Farbe"
 */
export function translateOptionName(name: string, language: Language): string {
  const row = OPTION_INDEX.get(key(name));
  return row ? inLanguage(row, language) : name;
}

/**
 * Translates a plain colour value ("Noir" → "Black"); seller names such as "Midnight Black" are
 * left as written, since they are part of the product's identity.
 *
 * @example
 * translateOptionValue("Color", "noir", "en") // "Black"
 */
export function translateOptionValue(optionName: string, value: string, language: Language): string {
  if (canonicalOptionName(optionName) !== "Color") return value;
  const row = COLOR_INDEX.get(key(value));
  return row ? inLanguage(row, language) : value;
}
