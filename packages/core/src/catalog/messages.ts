import { translate, type Language, type MessageCatalog } from "../i18n/index.js";
import type { ImportError, ImportFailureReason } from "./errors.js";

/** Everything the import tells the merchant, in the ten languages. */
export type CatalogMessageKey =
  | "ships_from_filtered"
  | "logistics_option_dropped"
  | "single_value_option_dropped"
  | "options_merged"
  | "duplicate_variants_merged"
  | "variants_truncated"
  | "media_truncated"
  | "title_shortened"
  | "title_noise_removed"
  | "description_cleaned"
  | "contact_info_removed"
  | "price_raised_for_margin"
  | "out_of_stock_variants"
  | "weight_missing"
  | "ai_rejected"
  | "ai_unavailable"
  | "specifications_heading"
  | "default_option_value"
  | `error_${ImportFailureReason}`;

export const catalogMessages: MessageCatalog<CatalogMessageKey> = {
  en: {
    ships_from_filtered:
      "Kept only the variants shipped from {origin}; {dropped} variants from other warehouses were left out.",
    logistics_option_dropped: "The option “{name}” describes shipping, not the product, and was removed.",
    single_value_option_dropped:
      "The option “{name}” had a single value and was removed to stay within 3 options.",
    options_merged: "Shopify allows 3 options: “{names}” were merged into one option.",
    duplicate_variants_merged: "{count} duplicate variants (same options) were merged.",
    variants_truncated: "Only {kept} of {total} variants were kept (Shopify limit).",
    media_truncated: "Only {kept} of {total} images were kept (Shopify limit).",
    title_shortened: "The title was shortened to {length} characters.",
    title_noise_removed: "Removed from the title: {removed}.",
    description_cleaned:
      "{count} unsafe or unwanted elements (scripts, embeds, links, tracking) were removed from the description.",
    contact_info_removed: "Seller contact details were removed from the description ({count}).",
    price_raised_for_margin: "The price of {sku} was raised to keep the minimum margin.",
    out_of_stock_variants: "{count} variants are out of stock at the supplier.",
    weight_missing: "The supplier gives no weight: shipping rates may be wrong.",
    ai_rejected: "The AI text for {field} failed the SEO checks and was not used: {reason}",
    ai_unavailable: "The AI step could not run; the cleaned supplier texts were kept.",
    specifications_heading: "Specifications",
    default_option_value: "Standard",
    error_invalid_payload: "The supplier data is incomplete or malformed ({field}).",
    error_platform_error: "AliExpress answered with an error: the product may have been removed.",
    error_missing_product_id: "The supplier data has no product id.",
    error_missing_title: "The supplier product has no title.",
    error_no_purchasable_sku: "The supplier product has no variant with a price.",
    error_invalid_url:
      "This is not an AliExpress product link: paste a link like https://www.aliexpress.com/item/1005….html.",
    error_short_link:
      "Short links hide the product: open the link in your browser, then paste the full product page address.",
    error_not_aliexpress: "Only AliExpress product links can be imported.",
  },
  fr: {
    ships_from_filtered:
      "Seules les variantes expédiées depuis {origin} sont conservées ; {dropped} variantes d’autres entrepôts ont été écartées.",
    logistics_option_dropped:
      "L’option « {name} » concerne l’expédition, pas le produit : elle a été retirée.",
    single_value_option_dropped:
      "L’option « {name} » n’avait qu’une valeur : elle a été retirée pour rester à 3 options.",
    options_merged: "Shopify accepte 3 options : « {names} » ont été fusionnées en une seule.",
    duplicate_variants_merged: "{count} variantes en double (mêmes options) ont été fusionnées.",
    variants_truncated: "Seules {kept} variantes sur {total} ont été conservées (limite Shopify).",
    media_truncated: "Seules {kept} images sur {total} ont été conservées (limite Shopify).",
    title_shortened: "Le titre a été raccourci à {length} caractères.",
    title_noise_removed: "Retiré du titre : {removed}.",
    description_cleaned:
      "{count} éléments dangereux ou indésirables (scripts, intégrations, liens, pistage) ont été retirés de la description.",
    contact_info_removed: "Les coordonnées du vendeur ont été retirées de la description ({count}).",
    price_raised_for_margin: "Le prix de {sku} a été relevé pour garantir la marge minimale.",
    out_of_stock_variants: "{count} variantes sont en rupture chez le fournisseur.",
    weight_missing: "Le fournisseur n’indique pas de poids : les frais de port peuvent être faux.",
    ai_rejected: "Le texte IA pour {field} n’a pas passé les contrôles SEO et n’a pas été utilisé : {reason}",
    ai_unavailable:
      "L’étape IA n’a pas pu s’exécuter ; les textes nettoyés du fournisseur ont été conservés.",
    specifications_heading: "Caractéristiques",
    default_option_value: "Standard",
    error_invalid_payload: "Les données du fournisseur sont incomplètes ou mal formées ({field}).",
    error_platform_error: "AliExpress a répondu par une erreur : le produit a peut-être été retiré.",
    error_missing_product_id: "Les données du fournisseur n’ont pas d’identifiant produit.",
    error_missing_title: "Le produit du fournisseur n’a pas de titre.",
    error_no_purchasable_sku: "Le produit du fournisseur n’a aucune variante avec un prix.",
    error_invalid_url:
      "Ce n’est pas un lien produit AliExpress : collez un lien comme https://www.aliexpress.com/item/1005….html.",
    error_short_link:
      "Les liens courts masquent le produit : ouvrez le lien dans votre navigateur, puis collez l’adresse complète de la page produit.",
    error_not_aliexpress: "Seuls les liens produits AliExpress peuvent être importés.",
  },
  es: {
    ships_from_filtered:
      "Solo se conservan las variantes enviadas desde {origin}; se descartaron {dropped} variantes de otros almacenes.",
    logistics_option_dropped: "La opción «{name}» describe el envío, no el producto, y se eliminó.",
    single_value_option_dropped:
      "La opción «{name}» tenía un solo valor y se eliminó para no superar 3 opciones.",
    options_merged: "Shopify permite 3 opciones: «{names}» se fusionaron en una sola.",
    duplicate_variants_merged: "Se fusionaron {count} variantes duplicadas (mismas opciones).",
    variants_truncated: "Solo se conservaron {kept} de {total} variantes (límite de Shopify).",
    media_truncated: "Solo se conservaron {kept} de {total} imágenes (límite de Shopify).",
    title_shortened: "El título se acortó a {length} caracteres.",
    title_noise_removed: "Eliminado del título: {removed}.",
    description_cleaned:
      "Se eliminaron de la descripción {count} elementos peligrosos o no deseados (scripts, inserciones, enlaces, rastreo).",
    contact_info_removed: "Se eliminaron los datos de contacto del vendedor de la descripción ({count}).",
    price_raised_for_margin: "Se subió el precio de {sku} para mantener el margen mínimo.",
    out_of_stock_variants: "{count} variantes están agotadas en el proveedor.",
    weight_missing: "El proveedor no indica el peso: las tarifas de envío pueden ser incorrectas.",
    ai_rejected: "El texto de IA para {field} no superó los controles SEO y no se usó: {reason}",
    ai_unavailable: "El paso de IA no pudo ejecutarse; se conservaron los textos limpios del proveedor.",
    specifications_heading: "Especificaciones",
    default_option_value: "Estándar",
    error_invalid_payload: "Los datos del proveedor están incompletos o mal formados ({field}).",
    error_platform_error: "AliExpress respondió con un error: puede que el producto se haya retirado.",
    error_missing_product_id: "Los datos del proveedor no tienen identificador de producto.",
    error_missing_title: "El producto del proveedor no tiene título.",
    error_no_purchasable_sku: "El producto del proveedor no tiene ninguna variante con precio.",
    error_invalid_url:
      "No es un enlace de producto de AliExpress: pega un enlace como https://www.aliexpress.com/item/1005….html.",
    error_short_link:
      "Los enlaces cortos ocultan el producto: abre el enlace en tu navegador y pega la dirección completa de la página del producto.",
    error_not_aliexpress: "Solo se pueden importar enlaces de productos de AliExpress.",
  },
  de: {
    ships_from_filtered:
      "Nur Varianten mit Versand aus {origin} wurden übernommen; {dropped} Varianten aus anderen Lagern wurden ausgelassen.",
    logistics_option_dropped:
      "Die Option „{name}“ beschreibt den Versand, nicht das Produkt, und wurde entfernt.",
    single_value_option_dropped:
      "Die Option „{name}“ hatte nur einen Wert und wurde entfernt, um bei 3 Optionen zu bleiben.",
    options_merged: "Shopify erlaubt 3 Optionen: „{names}“ wurden zu einer Option zusammengeführt.",
    duplicate_variants_merged: "{count} doppelte Varianten (gleiche Optionen) wurden zusammengeführt.",
    variants_truncated: "Nur {kept} von {total} Varianten wurden übernommen (Shopify-Limit).",
    media_truncated: "Nur {kept} von {total} Bildern wurden übernommen (Shopify-Limit).",
    title_shortened: "Der Titel wurde auf {length} Zeichen gekürzt.",
    title_noise_removed: "Aus dem Titel entfernt: {removed}.",
    description_cleaned:
      "{count} unsichere oder unerwünschte Elemente (Skripte, Einbettungen, Links, Tracking) wurden aus der Beschreibung entfernt.",
    contact_info_removed: "Kontaktdaten des Verkäufers wurden aus der Beschreibung entfernt ({count}).",
    price_raised_for_margin: "Der Preis von {sku} wurde angehoben, um die Mindestmarge zu halten.",
    out_of_stock_variants: "{count} Varianten sind beim Lieferanten ausverkauft.",
    weight_missing: "Der Lieferant nennt kein Gewicht: Versandkosten können falsch sein.",
    ai_rejected:
      "Der KI-Text für {field} hat die SEO-Prüfung nicht bestanden und wurde nicht verwendet: {reason}",
    ai_unavailable: "Der KI-Schritt konnte nicht laufen; die bereinigten Lieferantentexte wurden übernommen.",
    specifications_heading: "Technische Daten",
    default_option_value: "Standard",
    error_invalid_payload: "Die Lieferantendaten sind unvollständig oder fehlerhaft ({field}).",
    error_platform_error:
      "AliExpress hat mit einem Fehler geantwortet: Das Produkt wurde eventuell entfernt.",
    error_missing_product_id: "Die Lieferantendaten enthalten keine Produkt-ID.",
    error_missing_title: "Das Lieferantenprodukt hat keinen Titel.",
    error_no_purchasable_sku: "Das Lieferantenprodukt hat keine Variante mit Preis.",
    error_invalid_url:
      "Das ist kein AliExpress-Produktlink: Füge einen Link wie https://www.aliexpress.com/item/1005….html ein.",
    error_short_link:
      "Kurzlinks verbergen das Produkt: Öffne den Link im Browser und füge dann die vollständige Adresse der Produktseite ein.",
    error_not_aliexpress: "Nur AliExpress-Produktlinks können importiert werden.",
  },
  it: {
    ships_from_filtered:
      "Sono state mantenute solo le varianti spedite da {origin}; {dropped} varianti di altri magazzini sono state escluse.",
    logistics_option_dropped:
      "L’opzione «{name}» descrive la spedizione, non il prodotto, ed è stata rimossa.",
    single_value_option_dropped:
      "L’opzione «{name}» aveva un solo valore ed è stata rimossa per restare entro 3 opzioni.",
    options_merged: "Shopify consente 3 opzioni: «{names}» sono state unite in un’unica opzione.",
    duplicate_variants_merged: "{count} varianti duplicate (stesse opzioni) sono state unite.",
    variants_truncated: "Sono state mantenute solo {kept} varianti su {total} (limite di Shopify).",
    media_truncated: "Sono state mantenute solo {kept} immagini su {total} (limite di Shopify).",
    title_shortened: "Il titolo è stato accorciato a {length} caratteri.",
    title_noise_removed: "Rimosso dal titolo: {removed}.",
    description_cleaned:
      "{count} elementi non sicuri o indesiderati (script, incorporamenti, link, tracciamento) sono stati rimossi dalla descrizione.",
    contact_info_removed: "I contatti del venditore sono stati rimossi dalla descrizione ({count}).",
    price_raised_for_margin: "Il prezzo di {sku} è stato alzato per mantenere il margine minimo.",
    out_of_stock_variants: "{count} varianti sono esaurite presso il fornitore.",
    weight_missing: "Il fornitore non indica il peso: le tariffe di spedizione potrebbero essere errate.",
    ai_rejected: "Il testo IA per {field} non ha superato i controlli SEO e non è stato usato: {reason}",
    ai_unavailable:
      "Il passaggio IA non è stato eseguito; sono stati mantenuti i testi puliti del fornitore.",
    specifications_heading: "Specifiche",
    default_option_value: "Standard",
    error_invalid_payload: "I dati del fornitore sono incompleti o non validi ({field}).",
    error_platform_error: "AliExpress ha risposto con un errore: il prodotto potrebbe essere stato rimosso.",
    error_missing_product_id: "I dati del fornitore non hanno un ID prodotto.",
    error_missing_title: "Il prodotto del fornitore non ha un titolo.",
    error_no_purchasable_sku: "Il prodotto del fornitore non ha varianti con un prezzo.",
    error_invalid_url:
      "Questo non è un link a un prodotto AliExpress: incolla un link come https://www.aliexpress.com/item/1005….html.",
    error_short_link:
      "I link brevi nascondono il prodotto: apri il link nel browser e incolla l’indirizzo completo della pagina del prodotto.",
    error_not_aliexpress: "Si possono importare solo link a prodotti AliExpress.",
  },
  "pt-BR": {
    ships_from_filtered:
      "Apenas as variantes enviadas de {origin} foram mantidas; {dropped} variantes de outros armazéns ficaram de fora.",
    logistics_option_dropped: "A opção “{name}” descreve o envio, não o produto, e foi removida.",
    single_value_option_dropped:
      "A opção “{name}” tinha um único valor e foi removida para ficar em 3 opções.",
    options_merged: "A Shopify permite 3 opções: “{names}” foram combinadas em uma só.",
    duplicate_variants_merged: "{count} variantes duplicadas (mesmas opções) foram combinadas.",
    variants_truncated: "Apenas {kept} de {total} variantes foram mantidas (limite da Shopify).",
    media_truncated: "Apenas {kept} de {total} imagens foram mantidas (limite da Shopify).",
    title_shortened: "O título foi encurtado para {length} caracteres.",
    title_noise_removed: "Removido do título: {removed}.",
    description_cleaned:
      "{count} elementos inseguros ou indesejados (scripts, incorporações, links, rastreamento) foram removidos da descrição.",
    contact_info_removed: "Os contatos do vendedor foram removidos da descrição ({count}).",
    price_raised_for_margin: "O preço de {sku} foi aumentado para manter a margem mínima.",
    out_of_stock_variants: "{count} variantes estão esgotadas no fornecedor.",
    weight_missing: "O fornecedor não informa o peso: o frete pode ficar errado.",
    ai_rejected: "O texto de IA para {field} não passou nas verificações de SEO e não foi usado: {reason}",
    ai_unavailable: "A etapa de IA não pôde ser executada; os textos limpos do fornecedor foram mantidos.",
    specifications_heading: "Especificações",
    default_option_value: "Padrão",
    error_invalid_payload: "Os dados do fornecedor estão incompletos ou malformados ({field}).",
    error_platform_error: "O AliExpress respondeu com um erro: o produto pode ter sido removido.",
    error_missing_product_id: "Os dados do fornecedor não têm ID de produto.",
    error_missing_title: "O produto do fornecedor não tem título.",
    error_no_purchasable_sku: "O produto do fornecedor não tem nenhuma variante com preço.",
    error_invalid_url:
      "Este não é um link de produto do AliExpress: cole um link como https://www.aliexpress.com/item/1005….html.",
    error_short_link:
      "Links curtos escondem o produto: abra o link no navegador e cole o endereço completo da página do produto.",
    error_not_aliexpress: "Só é possível importar links de produtos do AliExpress.",
  },
  nl: {
    ships_from_filtered:
      "Alleen varianten die vanuit {origin} worden verzonden zijn behouden; {dropped} varianten uit andere magazijnen zijn weggelaten.",
    logistics_option_dropped:
      "De optie ‘{name}’ gaat over verzending, niet over het product, en is verwijderd.",
    single_value_option_dropped:
      "De optie ‘{name}’ had maar één waarde en is verwijderd om binnen 3 opties te blijven.",
    options_merged: "Shopify staat 3 opties toe: ‘{names}’ zijn samengevoegd tot één optie.",
    duplicate_variants_merged: "{count} dubbele varianten (zelfde opties) zijn samengevoegd.",
    variants_truncated: "Alleen {kept} van {total} varianten zijn behouden (Shopify-limiet).",
    media_truncated: "Alleen {kept} van {total} afbeeldingen zijn behouden (Shopify-limiet).",
    title_shortened: "De titel is ingekort tot {length} tekens.",
    title_noise_removed: "Uit de titel verwijderd: {removed}.",
    description_cleaned:
      "{count} onveilige of ongewenste elementen (scripts, insluitingen, links, tracking) zijn uit de beschrijving verwijderd.",
    contact_info_removed: "Contactgegevens van de verkoper zijn uit de beschrijving verwijderd ({count}).",
    price_raised_for_margin: "De prijs van {sku} is verhoogd om de minimale marge te behouden.",
    out_of_stock_variants: "{count} varianten zijn uitverkocht bij de leverancier.",
    weight_missing: "De leverancier geeft geen gewicht: verzendkosten kunnen onjuist zijn.",
    ai_rejected: "De AI-tekst voor {field} haalde de SEO-controles niet en is niet gebruikt: {reason}",
    ai_unavailable: "De AI-stap kon niet draaien; de opgeschoonde teksten van de leverancier zijn behouden.",
    specifications_heading: "Specificaties",
    default_option_value: "Standaard",
    error_invalid_payload: "De leveranciersgegevens zijn onvolledig of ongeldig ({field}).",
    error_platform_error: "AliExpress antwoordde met een fout: het product is mogelijk verwijderd.",
    error_missing_product_id: "De leveranciersgegevens hebben geen product-ID.",
    error_missing_title: "Het leveranciersproduct heeft geen titel.",
    error_no_purchasable_sku: "Het leveranciersproduct heeft geen variant met een prijs.",
    error_invalid_url:
      "Dit is geen AliExpress-productlink: plak een link zoals https://www.aliexpress.com/item/1005….html.",
    error_short_link:
      "Korte links verbergen het product: open de link in je browser en plak het volledige adres van de productpagina.",
    error_not_aliexpress: "Alleen AliExpress-productlinks kunnen worden geïmporteerd.",
  },
  pl: {
    ships_from_filtered:
      "Zachowano tylko warianty wysyłane z {origin}; pominięto {dropped} wariantów z innych magazynów.",
    logistics_option_dropped: "Opcja „{name}” dotyczy wysyłki, a nie produktu, i została usunięta.",
    single_value_option_dropped:
      "Opcja „{name}” miała jedną wartość i została usunięta, aby zmieścić się w 3 opcjach.",
    options_merged: "Shopify pozwala na 3 opcje: „{names}” połączono w jedną opcję.",
    duplicate_variants_merged: "Połączono {count} zduplikowanych wariantów (te same opcje).",
    variants_truncated: "Zachowano tylko {kept} z {total} wariantów (limit Shopify).",
    media_truncated: "Zachowano tylko {kept} z {total} zdjęć (limit Shopify).",
    title_shortened: "Tytuł skrócono do {length} znaków.",
    title_noise_removed: "Usunięto z tytułu: {removed}.",
    description_cleaned:
      "Z opisu usunięto {count} niebezpiecznych lub niepożądanych elementów (skrypty, osadzenia, linki, śledzenie).",
    contact_info_removed: "Dane kontaktowe sprzedawcy usunięto z opisu ({count}).",
    price_raised_for_margin: "Cenę {sku} podniesiono, aby zachować minimalną marżę.",
    out_of_stock_variants: "{count} wariantów jest niedostępnych u dostawcy.",
    weight_missing: "Dostawca nie podaje wagi: koszty wysyłki mogą być błędne.",
    ai_rejected: "Tekst AI dla {field} nie przeszedł kontroli SEO i nie został użyty: {reason}",
    ai_unavailable: "Krok AI nie mógł zostać wykonany; zachowano oczyszczone teksty dostawcy.",
    specifications_heading: "Specyfikacja",
    default_option_value: "Standard",
    error_invalid_payload: "Dane dostawcy są niekompletne lub błędne ({field}).",
    error_platform_error: "AliExpress odpowiedział błędem: produkt mógł zostać usunięty.",
    error_missing_product_id: "Dane dostawcy nie zawierają identyfikatora produktu.",
    error_missing_title: "Produkt dostawcy nie ma tytułu.",
    error_no_purchasable_sku: "Produkt dostawcy nie ma żadnego wariantu z ceną.",
    error_invalid_url:
      "To nie jest link do produktu AliExpress: wklej link w rodzaju https://www.aliexpress.com/item/1005….html.",
    error_short_link:
      "Krótkie linki ukrywają produkt: otwórz link w przeglądarce i wklej pełny adres strony produktu.",
    error_not_aliexpress: "Można importować tylko linki do produktów AliExpress.",
  },
  ja: {
    ships_from_filtered:
      "{origin}から発送されるバリエーションのみを残し、他の倉庫の{dropped}件を除外しました。",
    logistics_option_dropped: "オプション「{name}」は商品ではなく配送に関するものなので削除しました。",
    single_value_option_dropped:
      "オプション「{name}」は値が1つだけのため、3オプション以内に収めるよう削除しました。",
    options_merged: "Shopifyのオプションは3つまでです。「{names}」を1つのオプションに統合しました。",
    duplicate_variants_merged: "重複したバリエーション（同じオプション）{count}件を統合しました。",
    variants_truncated: "{total}件中{kept}件のバリエーションのみを残しました（Shopifyの上限）。",
    media_truncated: "{total}枚中{kept}枚の画像のみを残しました（Shopifyの上限）。",
    title_shortened: "タイトルを{length}文字に短縮しました。",
    title_noise_removed: "タイトルから削除：{removed}。",
    description_cleaned:
      "説明文から安全でない、または不要な要素（スクリプト、埋め込み、リンク、トラッキング）を{count}件削除しました。",
    contact_info_removed: "説明文から販売者の連絡先を削除しました（{count}件）。",
    price_raised_for_margin: "最低利益率を保つため、{sku}の価格を引き上げました。",
    out_of_stock_variants: "{count}件のバリエーションが仕入先で在庫切れです。",
    weight_missing: "仕入先が重量を示していないため、送料が正しくない可能性があります。",
    ai_rejected: "{field}のAIテキストはSEOチェックに合格しなかったため使用しませんでした：{reason}",
    ai_unavailable: "AIステップを実行できなかったため、整えた仕入先のテキストを使用しました。",
    specifications_heading: "仕様",
    default_option_value: "標準",
    error_invalid_payload: "仕入先のデータが不完全または不正です（{field}）。",
    error_platform_error: "AliExpressがエラーを返しました。商品が削除された可能性があります。",
    error_missing_product_id: "仕入先のデータに商品IDがありません。",
    error_missing_title: "仕入先の商品にタイトルがありません。",
    error_no_purchasable_sku: "仕入先の商品に価格のあるバリエーションがありません。",
    error_invalid_url:
      "AliExpressの商品リンクではありません。https://www.aliexpress.com/item/1005….html のようなリンクを貼り付けてください。",
    error_short_link:
      "短縮リンクでは商品が分かりません。ブラウザでリンクを開き、商品ページの完全なアドレスを貼り付けてください。",
    error_not_aliexpress: "インポートできるのはAliExpressの商品リンクのみです。",
  },
  "zh-CN": {
    ships_from_filtered: "仅保留从{origin}发货的变体；已排除其他仓库的{dropped}个变体。",
    logistics_option_dropped: "选项“{name}”描述的是配送而非商品，已删除。",
    single_value_option_dropped: "选项“{name}”只有一个值，为保持在3个选项以内已删除。",
    options_merged: "Shopify最多允许3个选项：已将“{names}”合并为一个选项。",
    duplicate_variants_merged: "已合并{count}个重复变体（选项相同）。",
    variants_truncated: "仅保留了{total}个变体中的{kept}个（Shopify限制）。",
    media_truncated: "仅保留了{total}张图片中的{kept}张（Shopify限制）。",
    title_shortened: "标题已缩短为{length}个字符。",
    title_noise_removed: "已从标题中删除：{removed}。",
    description_cleaned: "已从描述中删除{count}个不安全或不需要的元素（脚本、嵌入内容、链接、跟踪）。",
    contact_info_removed: "已从描述中删除卖家联系方式（{count}处）。",
    price_raised_for_margin: "为保持最低利润率，已提高{sku}的价格。",
    out_of_stock_variants: "{count}个变体在供应商处缺货。",
    weight_missing: "供应商未提供重量：运费可能不准确。",
    ai_rejected: "{field}的AI文本未通过SEO检查，未被采用：{reason}",
    ai_unavailable: "AI步骤无法运行；已保留清理后的供应商文本。",
    specifications_heading: "规格参数",
    default_option_value: "标准",
    error_invalid_payload: "供应商数据不完整或格式错误（{field}）。",
    error_platform_error: "速卖通返回了错误：该商品可能已下架。",
    error_missing_product_id: "供应商数据中没有商品ID。",
    error_missing_title: "供应商商品没有标题。",
    error_no_purchasable_sku: "供应商商品没有带价格的变体。",
    error_invalid_url: "这不是速卖通商品链接：请粘贴类似 https://www.aliexpress.com/item/1005….html 的链接。",
    error_short_link: "短链接无法识别商品：请在浏览器中打开链接，然后粘贴商品页面的完整地址。",
    error_not_aliexpress: "只能导入速卖通商品链接。",
  },
};

/** A warning shown in the preview: a stable code, its parameters, and the field it concerns. */
export interface ImportWarning {
  code: Exclude<CatalogMessageKey, "specifications_heading" | "default_option_value" | `error_${string}`>;
  params: Readonly<Record<string, string | number>>;
  /** The productSet field concerned ("title", "variants", "descriptionHtml", …). */
  field: string;
}

/**
 * Renders a warning in the merchant's language.
 *
 * @example
 * formatImportWarning({ code: "title_shortened", params: { length: 68 }, field: "title" }, "fr")
 * // "Le titre a été raccourci à 68 caractères."
 */
export function formatImportWarning(warning: ImportWarning, language: Language): string {
  return translate(catalogMessages, language, warning.code, warning.params);
}

/**
 * Renders why an import failed in the merchant's language (the error's own message is for logs).
 *
 * @example
 * formatImportError(error, "de") // "Kurzlinks verbergen das Produkt: …"
 */
export function formatImportError(error: Pick<ImportError, "reason" | "field">, language: Language): string {
  return translate(catalogMessages, language, `error_${error.reason}`, { field: error.field });
}
