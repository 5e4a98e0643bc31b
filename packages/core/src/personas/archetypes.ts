/**
 * What the offline generator knows about buyers, by archetype, in the ten languages. Each RFM
 * segment maps to one archetype; the numbers in a persona (orders, spend, recency, products,
 * countries) always come from the shop's own segment statistics.
 */
import type { Language } from "../i18n/index.js";
import type { Segment } from "../segments/rules.js";

export type Archetype = "devoted" | "newcomer" | "occasional" | "lapsed";

export const ARCHETYPE_OF: Readonly<Record<Segment, Archetype>> = {
  champions: "devoted",
  loyal: "devoted",
  potential_loyalist: "newcomer",
  new: "newcomer",
  promising: "newcomer",
  need_attention: "occasional",
  about_to_sleep: "occasional",
  at_risk: "lapsed",
  cant_lose_them: "lapsed",
  hibernating: "lapsed",
  lost: "lapsed",
};

export interface ArchetypeText {
  goals: [string, string];
  pains: [string, string];
  objections: [string, string];
  triggers: [string, string];
  tone: string;
}

/** "{share} of customers, {orders} orders on average, {aov} per order, last order {recency} days ago; loves {product}." */
export const SUMMARY: Readonly<Record<Language, string>> = {
  en: "{share} of customers: {orders} orders on average, {aov} per order, last order {recency} days ago. Loves {product}.",
  fr: "{share} des clients : {orders} commandes en moyenne, {aov} par commande, dernière commande il y a {recency} jours. Adore {product}.",
  es: "{share} de los clientes: {orders} pedidos de media, {aov} por pedido, último pedido hace {recency} días. Le encanta {product}.",
  de: "{share} der Kunden: im Schnitt {orders} Bestellungen, {aov} pro Bestellung, letzte Bestellung vor {recency} Tagen. Liebt {product}.",
  it: "{share} dei clienti: {orders} ordini in media, {aov} per ordine, ultimo ordine {recency} giorni fa. Adora {product}.",
  "pt-BR":
    "{share} dos clientes: {orders} pedidos em média, {aov} por pedido, último pedido há {recency} dias. Adora {product}.",
  nl: "{share} van de klanten: gemiddeld {orders} bestellingen, {aov} per bestelling, laatste bestelling {recency} dagen geleden. Dol op {product}.",
  pl: "{share} klientów: średnio {orders} zamówień, {aov} na zamówienie, ostatnie zamówienie {recency} dni temu. Uwielbia {product}.",
  ja: "顧客の{share}：平均{orders}回注文、1回あたり{aov}、最終注文は{recency}日前。お気に入りは{product}。",
  "zh-CN": "占客户的{share}：平均下单{orders}次，每单{aov}，最近一次下单在{recency}天前。最爱{product}。",
};

export const FIRST_NAMES: Readonly<Record<Language, readonly string[]>> = {
  en: ["Emma", "Olivia", "James", "Sophie", "Noah", "Grace"],
  fr: ["Camille", "Léa", "Hugo", "Chloé", "Louis", "Manon"],
  es: ["Lucía", "Carmen", "Diego", "Sofía", "Pablo", "Elena"],
  de: ["Anna", "Lena", "Jonas", "Marie", "Felix", "Laura"],
  it: ["Giulia", "Sofia", "Marco", "Chiara", "Luca", "Francesca"],
  "pt-BR": ["Ana", "Beatriz", "Lucas", "Mariana", "Gabriel", "Júlia"],
  nl: ["Sanne", "Eva", "Daan", "Lotte", "Bram", "Fleur"],
  pl: ["Anna", "Zofia", "Jakub", "Maja", "Piotr", "Ola"],
  ja: ["美咲", "陽子", "健太", "さくら", "翔太", "由美"],
  "zh-CN": ["李娜", "王芳", "张伟", "刘洋", "陈静", "赵磊"],
};

export const AGE_RANGE: Readonly<Record<Archetype, [number, number]>> = {
  devoted: [30, 54],
  newcomer: [22, 39],
  occasional: [25, 49],
  lapsed: [28, 59],
};

type Texts = Readonly<Record<Archetype, ArchetypeText>>;

export const ARCHETYPE_TEXT: Readonly<Record<Language, Texts>> = {
  en: {
    devoted: {
      goals: ["Get their favourites again without hassle", "Be first to discover new products"],
      pains: ["Out-of-stock favourites", "Feeling treated like any other customer"],
      objections: ["Why pay full price when I buy so often?", "Is the new product as good as my usual?"],
      triggers: ["Early access and loyalty rewards", "New arrivals in their favourite category"],
      tone: "Warm, personal and appreciative, like talking to a regular",
    },
    newcomer: {
      goals: ["Make sure the first purchase was the right choice", "Find what else suits them"],
      pains: ["Too many choices", "Uncertainty about quality and delivery"],
      objections: ["I do not know the brand well yet", "Shipping costs for a second order"],
      triggers: ["Welcome offers and tips on using the product", "Reviews from customers like them"],
      tone: "Friendly, reassuring and helpful",
    },
    occasional: {
      goals: ["Buy when there is a good reason", "Get good value"],
      pains: ["Forgetting the shop between purchases", "Generic messages that do not concern them"],
      objections: ["I can find something similar elsewhere", "I will wait for a sale"],
      triggers: ["Time-limited offers", "Reminders that match their past purchases"],
      tone: "Direct and value-focused, with a clear reason to act now",
    },
    lapsed: {
      goals: ["Find a reason to come back", "Know what has changed since last time"],
      pains: ["A past experience that was not perfect", "Too many emails"],
      objections: ["I have moved to another brand", "I no longer need the product"],
      triggers: ["A personal win-back offer", "News about improved products"],
      tone: "Humble and generous, acknowledging the time away",
    },
  },
  fr: {
    devoted: {
      goals: ["Racheter ses favoris sans effort", "Découvrir les nouveautés en premier"],
      pains: ["Favoris en rupture de stock", "Se sentir traité comme n'importe quel client"],
      objections: [
        "Pourquoi payer plein tarif alors que j'achète souvent ?",
        "La nouveauté vaut-elle mon produit habituel ?",
      ],
      triggers: ["Accès en avant-première et récompenses fidélité", "Nouveautés dans sa catégorie préférée"],
      tone: "Chaleureux, personnel et reconnaissant, comme avec un habitué",
    },
    newcomer: {
      goals: ["Être sûr d'avoir fait le bon premier achat", "Trouver ce qui lui convient d'autre"],
      pains: ["Trop de choix", "Incertitude sur la qualité et la livraison"],
      objections: ["Je connais encore mal la marque", "Les frais de port pour une deuxième commande"],
      triggers: ["Offres de bienvenue et conseils d'utilisation", "Avis de clients qui lui ressemblent"],
      tone: "Amical, rassurant et serviable",
    },
    occasional: {
      goals: ["Acheter quand il y a une bonne raison", "En avoir pour son argent"],
      pains: ["Oublier la boutique entre deux achats", "Messages génériques qui ne le concernent pas"],
      objections: ["Je trouve la même chose ailleurs", "J'attendrai les soldes"],
      triggers: ["Offres à durée limitée", "Rappels liés à ses achats passés"],
      tone: "Direct et orienté valeur, avec une vraie raison d'agir maintenant",
    },
    lapsed: {
      goals: ["Trouver une raison de revenir", "Savoir ce qui a changé"],
      pains: ["Une expérience passée imparfaite", "Trop d'e-mails"],
      objections: ["Je suis passé à une autre marque", "Je n'ai plus besoin du produit"],
      triggers: ["Une offre de retour personnelle", "Des nouvelles sur des produits améliorés"],
      tone: "Humble et généreux, en reconnaissant l'absence",
    },
  },
  es: {
    devoted: {
      goals: [
        "Volver a comprar sus favoritos sin complicaciones",
        "Ser de los primeros en descubrir novedades",
      ],
      pains: ["Favoritos agotados", "Sentirse tratado como un cliente más"],
      objections: [
        "¿Por qué pagar el precio completo si compro tan a menudo?",
        "¿La novedad es tan buena como lo de siempre?",
      ],
      triggers: ["Acceso anticipado y recompensas por fidelidad", "Novedades en su categoría favorita"],
      tone: "Cálido, personal y agradecido, como con un cliente habitual",
    },
    newcomer: {
      goals: ["Confirmar que su primera compra fue acertada", "Descubrir qué más le conviene"],
      pains: ["Demasiadas opciones", "Dudas sobre la calidad y la entrega"],
      objections: ["Todavía no conozco bien la marca", "Los gastos de envío de un segundo pedido"],
      triggers: ["Ofertas de bienvenida y consejos de uso", "Reseñas de clientes como él"],
      tone: "Cercano, tranquilizador y útil",
    },
    occasional: {
      goals: ["Comprar cuando hay un buen motivo", "Obtener buena relación calidad-precio"],
      pains: ["Olvidarse de la tienda entre compras", "Mensajes genéricos que no le interesan"],
      objections: ["Encuentro algo parecido en otro sitio", "Esperaré a las rebajas"],
      triggers: ["Ofertas por tiempo limitado", "Recordatorios según sus compras anteriores"],
      tone: "Directo y centrado en el valor, con un motivo claro para actuar ya",
    },
    lapsed: {
      goals: ["Encontrar un motivo para volver", "Saber qué ha cambiado"],
      pains: ["Una experiencia anterior mejorable", "Demasiados correos"],
      objections: ["Me he pasado a otra marca", "Ya no necesito el producto"],
      triggers: ["Una oferta personal de regreso", "Novedades sobre productos mejorados"],
      tone: "Humilde y generoso, reconociendo el tiempo de ausencia",
    },
  },
  de: {
    devoted: {
      goals: ["Lieblingsprodukte unkompliziert nachkaufen", "Neuheiten als Erste entdecken"],
      pains: ["Ausverkaufte Lieblingsprodukte", "Wie irgendein Kunde behandelt zu werden"],
      objections: [
        "Warum den vollen Preis zahlen, wenn ich so oft kaufe?",
        "Ist das Neue so gut wie mein Gewohntes?",
      ],
      triggers: ["Früher Zugang und Treueprämien", "Neuheiten in der Lieblingskategorie"],
      tone: "Herzlich, persönlich und wertschätzend, wie mit Stammkunden",
    },
    newcomer: {
      goals: ["Sicher sein, dass der erste Kauf richtig war", "Herausfinden, was sonst noch passt"],
      pains: ["Zu viel Auswahl", "Unsicherheit bei Qualität und Lieferung"],
      objections: ["Ich kenne die Marke noch kaum", "Versandkosten für eine zweite Bestellung"],
      triggers: ["Willkommensangebote und Anwendungstipps", "Bewertungen von ähnlichen Kunden"],
      tone: "Freundlich, beruhigend und hilfsbereit",
    },
    occasional: {
      goals: ["Kaufen, wenn es einen guten Grund gibt", "Ein gutes Preis-Leistungs-Verhältnis"],
      pains: ["Den Shop zwischen zwei Käufen vergessen", "Allgemeine Nachrichten ohne Bezug"],
      objections: ["Etwas Ähnliches finde ich auch anderswo", "Ich warte auf den Sale"],
      triggers: ["Zeitlich begrenzte Angebote", "Erinnerungen passend zu früheren Käufen"],
      tone: "Direkt und nutzenorientiert, mit einem klaren Grund, jetzt zu handeln",
    },
    lapsed: {
      goals: ["Einen Grund finden zurückzukommen", "Wissen, was sich geändert hat"],
      pains: ["Eine frühere, nicht perfekte Erfahrung", "Zu viele E-Mails"],
      objections: ["Ich bin zu einer anderen Marke gewechselt", "Ich brauche das Produkt nicht mehr"],
      triggers: ["Ein persönliches Comeback-Angebot", "Neuigkeiten zu verbesserten Produkten"],
      tone: "Bescheiden und großzügig, mit Verständnis für die Pause",
    },
  },
  it: {
    devoted: {
      goals: ["Riacquistare i preferiti senza fatica", "Scoprire per primi le novità"],
      pains: ["Preferiti esauriti", "Sentirsi trattati come un cliente qualunque"],
      objections: [
        "Perché pagare prezzo pieno se compro così spesso?",
        "La novità è buona quanto il mio solito?",
      ],
      triggers: ["Accesso in anteprima e premi fedeltà", "Novità nella categoria preferita"],
      tone: "Caloroso, personale e riconoscente, come con un cliente abituale",
    },
    newcomer: {
      goals: ["Essere sicuri che il primo acquisto sia stato giusto", "Scoprire cos'altro fa per loro"],
      pains: ["Troppa scelta", "Dubbi su qualità e consegna"],
      objections: ["Non conosco ancora bene il marchio", "Le spese di spedizione per un secondo ordine"],
      triggers: ["Offerte di benvenuto e consigli d'uso", "Recensioni di clienti simili"],
      tone: "Amichevole, rassicurante e disponibile",
    },
    occasional: {
      goals: ["Acquistare quando c'è un buon motivo", "Ottenere un buon rapporto qualità-prezzo"],
      pains: ["Dimenticare il negozio tra un acquisto e l'altro", "Messaggi generici che non li riguardano"],
      objections: ["Trovo qualcosa di simile altrove", "Aspetterò i saldi"],
      triggers: ["Offerte a tempo limitato", "Promemoria legati agli acquisti passati"],
      tone: "Diretto e orientato al valore, con un motivo chiaro per agire ora",
    },
    lapsed: {
      goals: ["Trovare un motivo per tornare", "Sapere cosa è cambiato"],
      pains: ["Un'esperienza passata non perfetta", "Troppe email"],
      objections: ["Sono passato a un altro marchio", "Non mi serve più il prodotto"],
      triggers: ["Un'offerta personale di ritorno", "Notizie su prodotti migliorati"],
      tone: "Umile e generoso, riconoscendo l'assenza",
    },
  },
  "pt-BR": {
    devoted: {
      goals: ["Recomprar os favoritos sem complicação", "Ser o primeiro a conhecer as novidades"],
      pains: ["Favoritos esgotados", "Ser tratado como qualquer cliente"],
      objections: [
        "Por que pagar preço cheio se compro com frequência?",
        "A novidade é tão boa quanto o de sempre?",
      ],
      triggers: ["Acesso antecipado e recompensas de fidelidade", "Novidades na categoria favorita"],
      tone: "Caloroso, pessoal e grato, como com um cliente fiel",
    },
    newcomer: {
      goals: ["Ter certeza de que a primeira compra foi acertada", "Descobrir o que mais combina"],
      pains: ["Opções demais", "Dúvidas sobre qualidade e entrega"],
      objections: ["Ainda conheço pouco a marca", "O frete de um segundo pedido"],
      triggers: ["Ofertas de boas-vindas e dicas de uso", "Avaliações de clientes parecidos"],
      tone: "Simpático, tranquilizador e prestativo",
    },
    occasional: {
      goals: ["Comprar quando há um bom motivo", "Ter um bom custo-benefício"],
      pains: ["Esquecer a loja entre uma compra e outra", "Mensagens genéricas que não o interessam"],
      objections: ["Acho algo parecido em outro lugar", "Vou esperar uma promoção"],
      triggers: ["Ofertas por tempo limitado", "Lembretes ligados às compras anteriores"],
      tone: "Direto e focado em valor, com um motivo claro para agir agora",
    },
    lapsed: {
      goals: ["Encontrar um motivo para voltar", "Saber o que mudou"],
      pains: ["Uma experiência anterior imperfeita", "E-mails demais"],
      objections: ["Mudei para outra marca", "Não preciso mais do produto"],
      triggers: ["Uma oferta pessoal de retorno", "Novidades sobre produtos melhorados"],
      tone: "Humilde e generoso, reconhecendo o tempo afastado",
    },
  },
  nl: {
    devoted: {
      goals: ["Favorieten zonder gedoe opnieuw kopen", "Als eerste nieuwe producten ontdekken"],
      pains: ["Uitverkochte favorieten", "Behandeld worden als elke andere klant"],
      objections: [
        "Waarom de volle prijs betalen als ik zo vaak koop?",
        "Is het nieuwe product net zo goed als mijn vaste keuze?",
      ],
      triggers: ["Vroege toegang en loyaliteitsbeloningen", "Nieuwe producten in hun favoriete categorie"],
      tone: "Warm, persoonlijk en waarderend, zoals tegen een vaste klant",
    },
    newcomer: {
      goals: ["Zeker weten dat de eerste aankoop goed was", "Ontdekken wat nog meer past"],
      pains: ["Te veel keuze", "Twijfel over kwaliteit en levering"],
      objections: ["Ik ken het merk nog niet goed", "Verzendkosten voor een tweede bestelling"],
      triggers: ["Welkomstaanbiedingen en gebruikstips", "Reviews van vergelijkbare klanten"],
      tone: "Vriendelijk, geruststellend en behulpzaam",
    },
    occasional: {
      goals: ["Kopen als er een goede reden is", "Waar voor hun geld krijgen"],
      pains: ["De winkel vergeten tussen aankopen", "Algemene berichten die niet over hen gaan"],
      objections: ["Ik vind iets vergelijkbaars elders", "Ik wacht op de uitverkoop"],
      triggers: ["Tijdelijke aanbiedingen", "Herinneringen die passen bij eerdere aankopen"],
      tone: "Direct en gericht op waarde, met een duidelijke reden om nu te handelen",
    },
    lapsed: {
      goals: ["Een reden vinden om terug te komen", "Weten wat er veranderd is"],
      pains: ["Een eerdere ervaring die niet perfect was", "Te veel e-mails"],
      objections: ["Ik ben overgestapt naar een ander merk", "Ik heb het product niet meer nodig"],
      triggers: ["Een persoonlijke terugkomaanbieding", "Nieuws over verbeterde producten"],
      tone: "Bescheiden en gul, met begrip voor de afwezigheid",
    },
  },
  pl: {
    devoted: {
      goals: ["Bez problemu kupować ulubione produkty", "Pierwszy odkrywać nowości"],
      pains: ["Wyprzedane ulubione produkty", "Bycie traktowanym jak każdy inny klient"],
      objections: [
        "Po co płacić pełną cenę, skoro kupuję tak często?",
        "Czy nowość jest tak dobra jak mój stały wybór?",
      ],
      triggers: ["Wcześniejszy dostęp i nagrody za lojalność", "Nowości w ulubionej kategorii"],
      tone: "Ciepły, osobisty i doceniający, jak wobec stałego klienta",
    },
    newcomer: {
      goals: ["Upewnić się, że pierwszy zakup był trafiony", "Odkryć, co jeszcze pasuje"],
      pains: ["Zbyt duży wybór", "Niepewność co do jakości i dostawy"],
      objections: ["Jeszcze słabo znam markę", "Koszt wysyłki drugiego zamówienia"],
      triggers: ["Oferty powitalne i porady", "Opinie podobnych klientów"],
      tone: "Przyjazny, uspokajający i pomocny",
    },
    occasional: {
      goals: ["Kupować, gdy jest dobry powód", "Dostać dobrą wartość"],
      pains: ["Zapominanie o sklepie między zakupami", "Ogólne wiadomości, które go nie dotyczą"],
      objections: ["Znajdę coś podobnego gdzie indziej", "Poczekam na wyprzedaż"],
      triggers: ["Oferty ograniczone czasowo", "Przypomnienia związane z wcześniejszymi zakupami"],
      tone: "Bezpośredni i nastawiony na wartość, z jasnym powodem, by działać teraz",
    },
    lapsed: {
      goals: ["Znaleźć powód, by wrócić", "Wiedzieć, co się zmieniło"],
      pains: ["Wcześniejsze nie najlepsze doświadczenie", "Zbyt wiele e-maili"],
      objections: ["Przeszedłem do innej marki", "Nie potrzebuję już produktu"],
      triggers: ["Osobista oferta powrotu", "Wieści o ulepszonych produktach"],
      tone: "Skromny i hojny, z uznaniem dla przerwy",
    },
  },
  ja: {
    devoted: {
      goals: ["お気に入りを手間なく再購入したい", "新商品をいち早く知りたい"],
      pains: ["お気に入りの品切れ", "ほかの客と同じ扱いをされること"],
      objections: ["よく買うのに定価を払う必要がある？", "新商品はいつもの商品と同じくらい良い？"],
      triggers: ["先行アクセスとロイヤルティ特典", "お気に入りカテゴリーの新着"],
      tone: "常連客に話しかけるような、温かく丁寧で感謝のこもった口調",
    },
    newcomer: {
      goals: ["初めての購入が正解だったと確かめたい", "ほかに合う商品を見つけたい"],
      pains: ["選択肢が多すぎる", "品質や配送への不安"],
      objections: ["まだブランドをよく知らない", "2回目の注文の送料"],
      triggers: ["ウェルカム特典と使い方のヒント", "似たお客様のレビュー"],
      tone: "親しみやすく、安心感があり、親切な口調",
    },
    occasional: {
      goals: ["理由があるときに買いたい", "お得に買いたい"],
      pains: ["購入の合間にショップを忘れてしまう", "自分に関係のない一斉メッセージ"],
      objections: ["似たものはほかでも買える", "セールまで待つ"],
      triggers: ["期間限定のオファー", "過去の購入に合わせたリマインダー"],
      tone: "今行動する理由が明確な、率直でお得さを伝える口調",
    },
    lapsed: {
      goals: ["戻る理由を見つけたい", "前回から何が変わったか知りたい"],
      pains: ["過去の不満な体験", "メールが多すぎる"],
      objections: ["ほかのブランドに乗り換えた", "もうその商品は必要ない"],
      triggers: ["個別のおかえりオファー", "改良された商品のお知らせ"],
      tone: "ご無沙汰を受け止める、謙虚で気前のよい口調",
    },
  },
  "zh-CN": {
    devoted: {
      goals: ["轻松回购心爱的商品", "第一时间发现新品"],
      pains: ["心爱的商品断货", "被当作普通顾客对待"],
      objections: ["我经常购买，为什么还要付全价？", "新品和我常买的一样好吗？"],
      triggers: ["抢先体验和会员奖励", "喜爱品类的新品"],
      tone: "像对待老顾客一样，温暖、亲切、充满感激",
    },
    newcomer: {
      goals: ["确认第一次购买选对了", "发现更多适合自己的商品"],
      pains: ["选择太多", "对质量和配送不放心"],
      objections: ["我对这个品牌还不够了解", "第二单的运费"],
      triggers: ["新客优惠和使用技巧", "相似顾客的评价"],
      tone: "友好、让人安心、乐于助人",
    },
    occasional: {
      goals: ["有合适的理由时才购买", "买得划算"],
      pains: ["两次购买之间忘记这家店", "与自己无关的群发消息"],
      objections: ["别处也能买到类似的", "我等打折再买"],
      triggers: ["限时优惠", "与过往购买相关的提醒"],
      tone: "直接、强调价值，并给出立即行动的理由",
    },
    lapsed: {
      goals: ["找到回来的理由", "了解有哪些新变化"],
      pains: ["过去不太满意的体验", "邮件太多"],
      objections: ["我已经换了别的品牌", "我不再需要这个商品"],
      triggers: ["专属回归优惠", "产品改进的消息"],
      tone: "谦逊、大方，理解顾客的离开",
    },
  },
};
