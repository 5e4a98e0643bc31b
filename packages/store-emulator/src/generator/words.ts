// Vocabulary for generated catalogs, per language: enough variety for realistic titles,
// descriptions and SEO fields (good and bad), not a corpus.

export type CatalogLanguage = "en" | "fr" | "de" | "es" | "it" | "pt-BR" | "nl" | "ja";

export interface Vocabulary {
  /** Product nouns with their product type. */
  nouns: readonly (readonly [string, string])[];
  adjectives: readonly string[];
  materials: readonly string[];
  colors: readonly string[];
  /** Title order: "{adj} {material} {noun}" or "{noun} {adj} en {material}"… */
  title(adjective: string, material: string, noun: string): string;
  sentences: readonly string[];
  care: readonly string[];
  seoSuffix: string;
  sizeName: string;
  colorName: string;
}

export const VOCABULARY: Record<CatalogLanguage, Vocabulary> = {
  en: {
    nouns: [["T-Shirt", "Tops"], ["Hoodie", "Tops"], ["Sweater", "Tops"], ["Jacket", "Outerwear"], ["Raincoat", "Outerwear"], ["Jeans", "Bottoms"], ["Chinos", "Bottoms"], ["Sneakers", "Shoes"], ["Boots", "Shoes"], ["Backpack", "Bags"], ["Tote Bag", "Bags"], ["Wallet", "Accessories"], ["Scarf", "Accessories"], ["Beanie", "Accessories"], ["Mug", "Home"], ["Candle", "Home"], ["Blanket", "Home"], ["Water Bottle", "Outdoor"], ["Yoga Mat", "Sport"], ["Sunglasses", "Accessories"]],
    adjectives: ["Classic", "Organic", "Lightweight", "Vintage", "Essential", "Premium", "Everyday", "Relaxed", "Slim", "Handmade", "Recycled", "Waterproof", "Cozy", "Minimalist"],
    materials: ["Cotton", "Linen", "Wool", "Leather", "Denim", "Bamboo", "Ceramic", "Canvas", "Cashmere", "Stainless Steel", "Cork"],
    colors: ["Black", "White", "Navy", "Olive", "Sand", "Burgundy", "Sky Blue", "Charcoal", "Forest Green", "Rust"],
    title: (a, m, n) => `${a} ${m} ${n}`,
    sentences: [
      "Designed for everyday comfort, it pairs with everything in your wardrobe.",
      "Made from responsibly sourced materials and finished by hand.",
      "A timeless piece that gets better with every wear.",
      "Breathable, durable and easy to care for.",
      "Our best-seller, now in new seasonal colours.",
      "Thoughtful details and a relaxed fit make it a go-to favourite.",
      "Packed with features for work, weekends and travel.",
      "Ethically produced in small batches.",
    ],
    care: ["Machine wash cold, line dry.", "Hand wash only.", "Wipe clean with a damp cloth.", "Dry clean recommended."],
    seoSuffix: "Free shipping & returns",
    sizeName: "Size",
    colorName: "Color",
  },
  fr: {
    nouns: [["T-shirt", "Hauts"], ["Sweat à capuche", "Hauts"], ["Pull", "Hauts"], ["Veste", "Vestes"], ["Imperméable", "Vestes"], ["Jean", "Bas"], ["Chino", "Bas"], ["Baskets", "Chaussures"], ["Bottines", "Chaussures"], ["Sac à dos", "Sacs"], ["Cabas", "Sacs"], ["Portefeuille", "Accessoires"], ["Écharpe", "Accessoires"], ["Bonnet", "Accessoires"], ["Tasse", "Maison"], ["Bougie", "Maison"], ["Plaid", "Maison"], ["Gourde", "Plein air"]],
    adjectives: ["classique", "bio", "léger", "vintage", "essentiel", "premium", "décontracté", "ajusté", "artisanal", "recyclé", "imperméable", "douillet", "minimaliste"],
    materials: ["coton", "lin", "laine", "cuir", "denim", "bambou", "céramique", "toile", "cachemire", "liège"],
    colors: ["Noir", "Blanc", "Marine", "Olive", "Sable", "Bordeaux", "Bleu ciel", "Anthracite", "Vert forêt", "Rouille"],
    title: (a, m, n) => `${n} ${a} en ${m}`,
    sentences: [
      "Conçu pour le confort au quotidien, il s'accorde avec toute votre garde-robe.",
      "Fabriqué à partir de matières issues de sources responsables et fini à la main.",
      "Une pièce intemporelle qui s'embellit à chaque port.",
      "Respirant, résistant et facile d'entretien.",
      "Notre meilleure vente, désormais dans de nouveaux coloris de saison.",
      "Des détails soignés et une coupe décontractée pour un favori de tous les jours.",
      "Produit de manière éthique en petites séries.",
    ],
    care: ["Lavage en machine à froid, séchage à l'air libre.", "Lavage à la main uniquement.", "Nettoyer avec un chiffon humide."],
    seoSuffix: "Livraison et retours gratuits",
    sizeName: "Taille",
    colorName: "Couleur",
  },
  de: {
    nouns: [["T-Shirt", "Oberteile"], ["Kapuzenpullover", "Oberteile"], ["Pullover", "Oberteile"], ["Jacke", "Jacken"], ["Regenjacke", "Jacken"], ["Jeans", "Hosen"], ["Chinohose", "Hosen"], ["Sneaker", "Schuhe"], ["Stiefel", "Schuhe"], ["Rucksack", "Taschen"], ["Tragetasche", "Taschen"], ["Geldbörse", "Accessoires"], ["Schal", "Accessoires"], ["Mütze", "Accessoires"], ["Tasse", "Wohnen"], ["Kerze", "Wohnen"], ["Decke", "Wohnen"]],
    adjectives: ["Klassisches", "Bio", "Leichtes", "Vintage", "Premium", "Lässiges", "Handgemachtes", "Recyceltes", "Wasserdichtes", "Gemütliches", "Minimalistisches"],
    materials: ["Baumwolle", "Leinen", "Wolle", "Leder", "Denim", "Bambus", "Keramik", "Canvas", "Kaschmir", "Kork"],
    colors: ["Schwarz", "Weiß", "Marineblau", "Oliv", "Sand", "Bordeaux", "Himmelblau", "Anthrazit", "Waldgrün", "Rost"],
    title: (a, m, n) => `${a} ${n} aus ${m}`,
    sentences: [
      "Für den täglichen Komfort entworfen und mit allem kombinierbar.",
      "Aus verantwortungsvoll beschafften Materialien gefertigt und von Hand veredelt.",
      "Ein zeitloses Stück, das mit jedem Tragen schöner wird.",
      "Atmungsaktiv, langlebig und pflegeleicht.",
      "Unser Bestseller, jetzt in neuen Saisonfarben.",
      "Ethisch produziert in kleinen Serien.",
    ],
    care: ["Maschinenwäsche kalt, an der Luft trocknen.", "Nur Handwäsche.", "Mit einem feuchten Tuch abwischen."],
    seoSuffix: "Kostenloser Versand & Rückversand",
    sizeName: "Größe",
    colorName: "Farbe",
  },
  es: {
    nouns: [["Camiseta", "Tops"], ["Sudadera", "Tops"], ["Jersey", "Tops"], ["Chaqueta", "Abrigos"], ["Chubasquero", "Abrigos"], ["Vaqueros", "Pantalones"], ["Chinos", "Pantalones"], ["Zapatillas", "Calzado"], ["Botas", "Calzado"], ["Mochila", "Bolsos"], ["Bolso", "Bolsos"], ["Cartera", "Accesorios"], ["Bufanda", "Accesorios"], ["Taza", "Hogar"], ["Vela", "Hogar"], ["Manta", "Hogar"]],
    adjectives: ["clásica", "orgánica", "ligera", "vintage", "esencial", "premium", "relajada", "artesanal", "reciclada", "impermeable", "minimalista"],
    materials: ["algodón", "lino", "lana", "cuero", "denim", "bambú", "cerámica", "lona", "cachemira", "corcho"],
    colors: ["Negro", "Blanco", "Marino", "Oliva", "Arena", "Burdeos", "Celeste", "Antracita", "Verde bosque", "Óxido"],
    title: (a, m, n) => `${n} ${a} de ${m}`,
    sentences: [
      "Diseñada para la comodidad diaria, combina con todo tu armario.",
      "Fabricada con materiales de origen responsable y acabada a mano.",
      "Una pieza atemporal que mejora con cada uso.",
      "Transpirable, duradera y fácil de cuidar.",
      "Nuestro superventas, ahora en nuevos colores de temporada.",
      "Producida de forma ética en pequeñas series.",
    ],
    care: ["Lavar a máquina en frío, secar al aire.", "Lavar solo a mano.", "Limpiar con un paño húmedo."],
    seoSuffix: "Envío y devoluciones gratis",
    sizeName: "Talla",
    colorName: "Color",
  },
  it: {
    nouns: [["T-shirt", "Top"], ["Felpa", "Top"], ["Maglione", "Top"], ["Giacca", "Capispalla"], ["Impermeabile", "Capispalla"], ["Jeans", "Pantaloni"], ["Chino", "Pantaloni"], ["Sneakers", "Scarpe"], ["Stivali", "Scarpe"], ["Zaino", "Borse"], ["Borsa", "Borse"], ["Portafoglio", "Accessori"], ["Sciarpa", "Accessori"], ["Tazza", "Casa"], ["Candela", "Casa"], ["Coperta", "Casa"]],
    adjectives: ["classica", "biologica", "leggera", "vintage", "essenziale", "premium", "comoda", "artigianale", "riciclata", "impermeabile", "minimalista"],
    materials: ["cotone", "lino", "lana", "pelle", "denim", "bambù", "ceramica", "tela", "cashmere", "sughero"],
    colors: ["Nero", "Bianco", "Blu navy", "Oliva", "Sabbia", "Bordeaux", "Azzurro", "Antracite", "Verde bosco", "Ruggine"],
    title: (a, m, n) => `${n} ${a} in ${m}`,
    sentences: [
      "Pensata per il comfort di tutti i giorni, si abbina a tutto il tuo guardaroba.",
      "Realizzata con materiali di provenienza responsabile e rifinita a mano.",
      "Un capo senza tempo che migliora a ogni utilizzo.",
      "Traspirante, resistente e facile da curare.",
      "Il nostro best seller, ora in nuovi colori di stagione.",
    ],
    care: ["Lavare in lavatrice a freddo, asciugare all'aria.", "Lavare solo a mano.", "Pulire con un panno umido."],
    seoSuffix: "Spedizione e resi gratuiti",
    sizeName: "Taglia",
    colorName: "Colore",
  },
  "pt-BR": {
    nouns: [["Camiseta", "Blusas"], ["Moletom", "Blusas"], ["Suéter", "Blusas"], ["Jaqueta", "Casacos"], ["Capa de chuva", "Casacos"], ["Calça jeans", "Calças"], ["Tênis", "Calçados"], ["Botas", "Calçados"], ["Mochila", "Bolsas"], ["Bolsa", "Bolsas"], ["Carteira", "Acessórios"], ["Cachecol", "Acessórios"], ["Caneca", "Casa"], ["Vela", "Casa"]],
    adjectives: ["clássica", "orgânica", "leve", "vintage", "essencial", "premium", "confortável", "artesanal", "reciclada", "impermeável"],
    materials: ["algodão", "linho", "lã", "couro", "jeans", "bambu", "cerâmica", "lona", "cortiça"],
    colors: ["Preto", "Branco", "Azul-marinho", "Oliva", "Areia", "Bordô", "Azul-claro", "Grafite", "Verde-floresta"],
    title: (a, m, n) => `${n} ${a} de ${m}`,
    sentences: [
      "Criada para o conforto do dia a dia, combina com todo o seu guarda-roupa.",
      "Feita com materiais de origem responsável e acabamento à mão.",
      "Uma peça atemporal que fica melhor a cada uso.",
      "Respirável, durável e fácil de cuidar.",
      "Nosso campeão de vendas, agora em novas cores da estação.",
    ],
    care: ["Lavar à máquina em água fria, secar à sombra.", "Lavar apenas à mão."],
    seoSuffix: "Frete e trocas grátis",
    sizeName: "Tamanho",
    colorName: "Cor",
  },
  nl: {
    nouns: [["T-shirt", "Tops"], ["Hoodie", "Tops"], ["Trui", "Tops"], ["Jas", "Jassen"], ["Regenjas", "Jassen"], ["Spijkerbroek", "Broeken"], ["Sneakers", "Schoenen"], ["Laarzen", "Schoenen"], ["Rugzak", "Tassen"], ["Draagtas", "Tassen"], ["Portemonnee", "Accessoires"], ["Sjaal", "Accessoires"], ["Mok", "Wonen"], ["Kaars", "Wonen"]],
    adjectives: ["Klassieke", "Biologische", "Lichte", "Vintage", "Essentiële", "Premium", "Relaxte", "Handgemaakte", "Gerecyclede", "Waterdichte"],
    materials: ["katoen", "linnen", "wol", "leer", "denim", "bamboe", "keramiek", "canvas", "kurk"],
    colors: ["Zwart", "Wit", "Marineblauw", "Olijf", "Zand", "Bordeaux", "Hemelsblauw", "Antraciet", "Bosgroen"],
    title: (a, m, n) => `${a} ${n} van ${m}`,
    sentences: [
      "Ontworpen voor dagelijks comfort en te combineren met je hele garderobe.",
      "Gemaakt van verantwoord ingekochte materialen en met de hand afgewerkt.",
      "Een tijdloos item dat mooier wordt met elke keer dragen.",
      "Ademend, duurzaam en makkelijk te onderhouden.",
    ],
    care: ["Koud wassen in de machine, aan de lijn drogen.", "Alleen handwas."],
    seoSuffix: "Gratis verzending & retour",
    sizeName: "Maat",
    colorName: "Kleur",
  },
  ja: {
    nouns: [["Tシャツ", "トップス"], ["パーカー", "トップス"], ["セーター", "トップス"], ["ジャケット", "アウター"], ["レインコート", "アウター"], ["ジーンズ", "パンツ"], ["スニーカー", "シューズ"], ["ブーツ", "シューズ"], ["リュック", "バッグ"], ["トートバッグ", "バッグ"], ["財布", "小物"], ["マフラー", "小物"], ["マグカップ", "ホーム"], ["キャンドル", "ホーム"]],
    adjectives: ["クラシック", "オーガニック", "軽量", "ヴィンテージ", "ベーシック", "プレミアム", "リラックス", "ハンドメイド", "リサイクル", "防水"],
    materials: ["コットン", "リネン", "ウール", "レザー", "デニム", "竹", "陶器", "キャンバス", "カシミア"],
    colors: ["ブラック", "ホワイト", "ネイビー", "オリーブ", "サンド", "ボルドー", "スカイブルー", "チャコール"],
    title: (a, m, n) => `${a}${m}${n}`,
    sentences: [
      "毎日快適に使えるようにデザインされ、どんな服にも合わせやすいアイテムです。",
      "責任ある方法で調達した素材を使い、手作業で仕上げました。",
      "使うほどに風合いが増す、時代を超えた定番品です。",
      "通気性と耐久性に優れ、お手入れも簡単です。",
      "人気No.1アイテムに、今季の新色が登場しました。",
    ],
    care: ["洗濯機で冷水洗い、陰干ししてください。", "手洗いのみ。"],
    seoSuffix: "送料・返品無料",
    sizeName: "サイズ",
    colorName: "カラー",
  },
};

export const CATALOG_LANGUAGE_WEIGHTS: readonly (readonly [CatalogLanguage, number])[] = [
  ["en", 50],
  ["fr", 15],
  ["de", 10],
  ["es", 8],
  ["it", 7],
  ["pt-BR", 4],
  ["nl", 3],
  ["ja", 3],
];

export const VENDORS = ["Northwind Supply", "Atelier Lune", "Bergmann & Söhne", "Casa Solana", "Studio Verde", "Kumo Works", "Maple & Moss", "Oceanic Goods", "Urban Thread", "Alpine Co."] as const;
export const SIZES = ["XS", "S", "M", "L", "XL", "XXL"] as const;

export const FIRST_NAMES: Record<string, readonly string[]> = {
  en: ["Emma", "Olivia", "Liam", "Noah", "Ava", "Mia", "James", "Lucas", "Grace", "Henry", "Chloe", "Jack"],
  fr: ["Camille", "Léa", "Louis", "Hugo", "Manon", "Chloé", "Jules", "Inès", "Gabriel", "Zoé"],
  de: ["Lena", "Mia", "Paul", "Leon", "Hannah", "Lukas", "Sophie", "Felix", "Marie", "Jonas"],
  es: ["Lucía", "Sofía", "Hugo", "Martín", "Paula", "Daniel", "Carmen", "Pablo", "Elena", "Álvaro"],
  it: ["Giulia", "Sofia", "Leonardo", "Francesco", "Aurora", "Alessandro", "Chiara", "Matteo"],
  "pt-BR": ["Ana", "Beatriz", "Miguel", "Arthur", "Júlia", "Davi", "Larissa", "Pedro"],
  nl: ["Emma", "Julia", "Daan", "Sem", "Tess", "Lucas", "Sanne", "Bram"],
  ja: ["Yui", "Haruto", "Sakura", "Ren", "Aoi", "Sota", "Hina", "Yuto"],
};

export const LAST_NAMES: Record<string, readonly string[]> = {
  en: ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Clarke", "Walker", "Hall"],
  fr: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"],
  de: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann"],
  es: ["García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Fernández", "Ruiz"],
  it: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"],
  "pt-BR": ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Ferreira"],
  nl: ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit"],
  ja: ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura"],
};

export const CITIES: Record<string, readonly (readonly [string, string, string, string | null])[]> = {
  // [city, country, countryCode, provinceCode]
  en: [["London", "United Kingdom", "GB", null], ["Manchester", "United Kingdom", "GB", null], ["New York", "United States", "US", "NY"], ["Austin", "United States", "US", "TX"], ["Dublin", "Ireland", "IE", null]],
  fr: [["Paris", "France", "FR", null], ["Lyon", "France", "FR", null], ["Bordeaux", "France", "FR", null], ["Bruxelles", "Belgium", "BE", null]],
  de: [["Berlin", "Germany", "DE", null], ["München", "Germany", "DE", null], ["Hamburg", "Germany", "DE", null], ["Wien", "Austria", "AT", null]],
  es: [["Madrid", "Spain", "ES", "M"], ["Barcelona", "Spain", "ES", "B"], ["Sevilla", "Spain", "ES", "SE"]],
  it: [["Milano", "Italy", "IT", "MI"], ["Roma", "Italy", "IT", "RM"], ["Torino", "Italy", "IT", "TO"]],
  "pt-BR": [["São Paulo", "Brazil", "BR", "SP"], ["Rio de Janeiro", "Brazil", "BR", "RJ"]],
  nl: [["Amsterdam", "Netherlands", "NL", null], ["Utrecht", "Netherlands", "NL", null]],
  ja: [["Tokyo", "Japan", "JP", "JP-13"], ["Osaka", "Japan", "JP", "JP-27"]],
};
