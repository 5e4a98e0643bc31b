import type { MessageKey } from "./en.js";

export const it: Record<MessageKey, string> = {
  "seoTitle.missing": "Titolo SEO: manca, e il prodotto non ha nemmeno un titolo.",
  "seoTitle.fix": "Dai al prodotto un titolo o un titolo SEO.",
  "seoTitleWidth.good":
    "Larghezza del titolo SEO: {px} px ({chars} caratteri), entra nei risultati di ricerca.",
  "seoTitleWidth.short": "Larghezza del titolo SEO: solo {px} px ({chars} caratteri); c'è spazio per altro.",
  "seoTitleWidth.tooLong":
    "Larghezza del titolo SEO: {px} px ({chars} caratteri); Google taglia i titoli oltre {max} px.",
  "seoTitleWidth.fix": "Scrivi un titolo SEO di circa 50–60 caratteri che inizi con la frase chiave.",
  "seoTitleDistinct.good": "Titolo SEO: impostato separatamente dal titolo del prodotto.",
  "seoTitleDistinct.default": "Titolo SEO: non impostato, viene usato il titolo del prodotto.",
  "seoTitleDistinct.copiesLongTitle":
    "Titolo SEO: copia un titolo del prodotto troppo lungo ({px} px) per i risultati di ricerca.",
  "seoTitleDistinct.fix": "Imposta un titolo SEO più corto del titolo del prodotto.",
  "keyphraseInSeoTitle.start": "Frase chiave nel titolo SEO: all'inizio. Ottimo lavoro!",
  "keyphraseInSeoTitle.notStart": "Frase chiave nel titolo SEO: presente, ma non all'inizio.",
  "keyphraseInSeoTitle.missing": "Frase chiave nel titolo SEO: «{keyphrase}» non compare.",
  "keyphraseInSeoTitle.fix": "Inizia il titolo SEO con la frase chiave.",
  "metaDescriptionLength.good": "Lunghezza della meta descrizione: {length} caratteri. Ben fatto!",
  "metaDescriptionLength.missing":
    "Meta descrizione: manca; i motori di ricerca mostreranno una parte qualsiasi della pagina.",
  "metaDescriptionLength.short":
    "Lunghezza della meta descrizione: {length} caratteri, meno dei {min}–{max} consigliati.",
  "metaDescriptionLength.long":
    "Lunghezza della meta descrizione: {length} caratteri; ne vengono mostrati solo circa {max}.",
  "metaDescriptionLength.fix":
    "Scrivi una meta descrizione che riassuma il vantaggio principale del prodotto e includa la frase chiave.",
  "keyphraseInMetaDescription.good":
    "Frase chiave nella meta descrizione: trovata {count} volta/e. Ben fatto!",
  "keyphraseInMetaDescription.missing": "Frase chiave nella meta descrizione: non trovata.",
  "keyphraseInMetaDescription.tooOften":
    "Frase chiave nella meta descrizione: trovata {count} volte, sembra keyword stuffing.",
  "keyphraseInMetaDescription.fix": "Usa la frase chiave una o due volte nella meta descrizione.",
  "keyphrase.missing":
    "Frase chiave principale: non impostata, quindi i relativi controlli non possono essere eseguiti.",
  "keyphrase.fix": "Scegli la frase che gli acquirenti cercano per trovare questo prodotto.",
  "keyphraseFunctionWords.bad": "Frase chiave: «{keyphrase}» contiene solo parole funzionali.",
  "keyphraseFunctionWords.fix":
    "Usa una frase chiave con almeno una parola significativa, come il tipo di prodotto.",
  "keyphraseLength.good": "Lunghezza della frase chiave: {words} parola/e. Bene.",
  "keyphraseLength.long":
    "Lunghezza della frase chiave: {words} parole; una frase più corta si posiziona più facilmente.",
  "keyphraseLength.tooLong": "Lunghezza della frase chiave: {words} parole sono decisamente troppe.",
  "keyphraseLength.longChars": "Lunghezza della frase chiave: {chars} caratteri sono tanti.",
  "keyphraseLength.fix": "Limita la frase chiave alle poche parole che gli acquirenti digitano davvero.",
  "keyphraseInTitle.good": "Frase chiave nel titolo del prodotto: trovata.",
  "keyphraseInTitle.partial":
    "Frase chiave nel titolo del prodotto: ci sono tutte le parole, ma non insieme.",
  "keyphraseInTitle.missing": "Frase chiave nel titolo del prodotto: «{keyphrase}» non compare.",
  "keyphraseInTitle.fix": "Usa la frase chiave nel titolo del prodotto.",
  "keyphraseInIntroduction.good": "Frase chiave nell'introduzione: trovata nel primo paragrafo.",
  "keyphraseInIntroduction.scattered":
    "Frase chiave nell'introduzione: le sue parole sono nel primo paragrafo, ma non nella stessa frase.",
  "keyphraseInIntroduction.missing": "Frase chiave nell'introduzione: non è nel primo paragrafo.",
  "keyphraseInIntroduction.fix": "Cita la frase chiave nelle prime frasi della descrizione.",
  "keyphraseInHandle.good": "Frase chiave nell'handle dell'URL: trovata.",
  "keyphraseInHandle.missing": "Frase chiave nell'handle dell'URL: non trovata.",
  "keyphraseInHandle.fix":
    "Usa la frase chiave nell'handle (e mantieni un reindirizzamento dal vecchio URL).",
  "keyphraseInImageAlt.good": "Frase chiave nel testo alternativo: in {count} immagini su {total}.",
  "keyphraseInImageAlt.missing": "Frase chiave nel testo alternativo: nessun testo alternativo la menziona.",
  "keyphraseInImageAlt.noAlt": "Frase chiave nel testo alternativo: le immagini non hanno testo alternativo.",
  "keyphraseInImageAlt.noImages": "Frase chiave nel testo alternativo: il prodotto non ha immagini.",
  "keyphraseInImageAlt.fix":
    "Descrivi almeno un'immagine con un testo alternativo che includa la frase chiave.",
  "keyphraseInSubheading.good": "Frase chiave nei sottotitoli: in {count} sottotitoli su {total}.",
  "keyphraseInSubheading.missing":
    "Frase chiave nei sottotitoli: nessuno dei {total} sottotitoli la menziona.",
  "keyphraseInSubheading.tooMany":
    "Frase chiave nei sottotitoli: in {count} sottotitoli su {total}, è ripetitivo.",
  "keyphraseInSubheading.fix": "Usa la frase chiave o un sinonimo in uno o due sottotitoli.",
  "keyphraseDensity.good":
    "Densità della frase chiave: trovata {count} volta/e in {words} parole ({density}%). Bene.",
  "keyphraseDensity.none": "Densità della frase chiave: la frase chiave non è nella descrizione.",
  "keyphraseDensity.tooLow":
    "Densità della frase chiave: trovata {count} volta/e in {words} parole ({density}%), troppo poche.",
  "keyphraseDensity.tooHigh":
    "Densità della frase chiave: trovata {count} volte in {words} parole ({density}%), troppe.",
  "keyphraseDensity.fix": "Usa la frase chiave in modo naturale, circa una volta ogni 100 parole.",
  "textLength.good.words": "Lunghezza del testo: {count} parole. Bene.",
  "textLength.short.words": "Lunghezza del testo: {count} parole, un po' meno delle {min} consigliate.",
  "textLength.tooShort.words": "Lunghezza del testo: {count} parole, molto meno delle {min} consigliate.",
  "textLength.good.chars": "Lunghezza del testo: {count} caratteri. Bene.",
  "textLength.short.chars": "Lunghezza del testo: {count} caratteri, un po' meno dei {min} consigliati.",
  "textLength.tooShort.chars": "Lunghezza del testo: {count} caratteri, molto meno dei {min} consigliati.",
  "textLength.fix": "Descrivi materiali, taglie, uso e cura per informare acquirenti e motori di ricerca.",
  "singleH1.good": "Intestazioni: nessun H1 in più nella descrizione.",
  "singleH1.extra":
    "Intestazioni: la descrizione ha {count} intestazione/i H1, ma il titolo del prodotto è già l'H1.",
  "singleH1.fix": "Trasforma gli H1 della descrizione in H2.",
  "headingOrder.good": "Ordine delle intestazioni: logico.",
  "headingOrder.skipped": "Ordine delle intestazioni: {count} livello/i saltato/i.",
  "headingOrder.fix": "Annida le intestazioni senza saltare livelli (H2, poi H3).",
  "lists.good": "Elenchi: la descrizione usa {count} elenco/i.",
  "lists.missing": "Elenchi: nessuno; le specifiche si leggono meglio in un elenco puntato.",
  "lists.fix": "Metti caratteristiche e specifiche in un elenco puntato.",
  "imageCount.good": "Immagini: {count}. Bene.",
  "imageCount.few": "Immagini: {count}; {recommended} o più mostrano meglio il prodotto.",
  "imageCount.none": "Immagini: nessuna.",
  "imageCount.fix": "Aggiungi foto del prodotto da più angolazioni e in uso.",
  "imageAlt.good": "Testi alternativi: tutte le {total} immagini sono descritte.",
  "imageAlt.missing": "Testi alternativi: {count} immagini su {total} ne sono prive.",
  "imageAlt.fileName": "Testi alternativi: {count} su {total} sembrano nomi di file o codici.",
  "imageAlt.repeatedTitle": "Testi alternativi: tutte le {total} immagini ripetono il titolo del prodotto.",
  "imageAlt.fix":
    "Descrivi cosa mostra ogni immagine (colore, angolazione, dettaglio) in un breve testo alternativo.",
  "handle.good": "Handle dell'URL: corto e pulito.",
  "handle.missing": "Handle dell'URL: manca.",
  "handle.format":
    "Handle dell'URL: «{handle}» dovrebbe essere composto da parole minuscole unite da trattini.",
  "handle.ids": "Handle dell'URL: contiene codici o date ({ids}).",
  "handle.stopWords": "Handle dell'URL: {count} parole vuote lo allungano inutilmente.",
  "handle.long": "Handle dell'URL: {chars} caratteri; restare sotto {max}.",
  "handle.fix":
    "Usa un handle corto di parole chiave minuscole unite da trattini e reindirizza il vecchio URL.",
  "productIdentifiers.good": "Identificativi del prodotto: ogni variante ha uno SKU e un GTIN valido.",
  "productIdentifiers.noVariants": "Identificativi del prodotto: il prodotto non ha varianti.",
  "productIdentifiers.missing": "Identificativi del prodotto: né SKU né GTIN (codice a barre).",
  "productIdentifiers.noGtin":
    "Identificativi del prodotto: {count} varianti su {total} senza GTIN (codice a barre).",
  "productIdentifiers.noSku": "Identificativi del prodotto: {count} varianti su {total} senza SKU.",
  "productIdentifiers.invalidGtin":
    "Identificativi del prodotto: {count} codice/i a barre non sono GTIN validi.",
  "productIdentifiers.fix":
    "Inserisci SKU e GTIN (codice EAN/UPC) di ogni variante per i risultati multimediali e i feed di shopping.",
  "brand.good": "Marca: {brand}.",
  "brand.missing": "Marca: il campo fornitore è vuoto.",
  "brand.fix": "Indica la marca del prodotto nel campo fornitore.",
  "price.good": "Prezzo: impostato per ogni variante.",
  "price.missing": "Prezzo: {count} varianti su {total} senza prezzo.",
  "price.fix": "Imposta un prezzo per ogni variante.",
  "keywordStuffing.good": "Keyword stuffing: nessuno rilevato.",
  "keywordStuffing.body": "Keyword stuffing: «{word}» costituisce il {percent}% del testo.",
  "keywordStuffing.title": "Keyword stuffing: il titolo ripete parole {count} volte.",
  "keywordStuffing.fix": "Scrivi per gli acquirenti: ogni parola chiave dove serve, sinonimi altrove.",
  "capitals.good": "Maiuscole: uso normale.",
  "capitals.shouting": "Maiuscole: {count} sequenza/e di parole in maiuscolo sembrano urlate.",
  "capitals.fix": "Scrivi in minuscolo invece che TUTTO MAIUSCOLO.",
  "importNoise.good": "Residui di importazione: nessuno.",
  "importNoise.found": "Residui di importazione: trovate frasi da marketplace ({phrases}).",
  "importNoise.fix":
    "Togli dal titolo e dalla descrizione frasi del fornitore come «hot sale» o «spedizione gratuita».",
  "sellerContact.good": "Contatti del venditore: nessuno nel testo.",
  "sellerContact.found": "Contatti del venditore trovati nel testo ({kinds}).",
  "sellerContact.fix": "Rimuovi e-mail, numeri di telefono e contatti di messaggistica del fornitore.",
  "htmlHygiene.good": "HTML: pulito.",
  "htmlHygiene.empty": "HTML: la descrizione è vuota.",
  "htmlHygiene.scripts": "HTML: la descrizione contiene {count} blocco/i script o style.",
  "htmlHygiene.plainText":
    "HTML: la descrizione è testo semplice; il negozio mostra i suoi {count} a capo come spazi, quindi righe ed elenchi si fondono.",
  "htmlHygiene.messy":
    "HTML: {styles} stile/i in linea e {empty} elemento/i vuoto/i, tipico di contenuti incollati.",
  "htmlHygiene.fix":
    "Pulisci la descrizione: paragrafi, intestazioni ed elenchi semplici, senza stili in linea né script.",
  "structuredData.good": "Dati strutturati: tutti i campi Product sono disponibili.",
  "structuredData.missingRequired":
    "Dati strutturati: mancano campi obbligatori ({fields}); niente risultati multimediali.",
  "structuredData.missingRecommended": "Dati strutturati: mancano campi consigliati ({fields}).",
  "structuredData.fix": "Completa i dati del prodotto relativi ai campi mancanti.",
  "textPresence.none": "Testo: la descrizione non contiene testo.",
  "textPresence.fix": "Scrivi una descrizione.",
  "readingEase.good": "Leggibilità: {score} ({formula}). Facile da leggere.",
  "readingEase.ok": "Leggibilità: {score} ({formula}). Abbastanza difficile.",
  "readingEase.hard": "Leggibilità: {score} ({formula}). Difficile da leggere.",
  "readingEase.fix": "Usa frasi più brevi e parole più semplici.",
  "sentenceLength.good": "Lunghezza delle frasi: poche frasi lunghe. Ottimo!",
  "sentenceLength.words": "Lunghezza delle frasi: il {percent}% delle frasi supera le {max} parole.",
  "sentenceLength.chars": "Lunghezza delle frasi: il {percent}% delle frasi supera i {max} caratteri.",
  "sentenceLength.fix": "Dividi le frasi lunghe.",
  "paragraphLength.good": "Lunghezza dei paragrafi: nessuno troppo lungo. Ottimo!",
  "paragraphLength.long.words":
    "Lunghezza dei paragrafi: {count} paragrafo/i superano le {max} parole (il più lungo: {longest}).",
  "paragraphLength.long.chars":
    "Lunghezza dei paragrafi: {count} paragrafo/i superano i {max} caratteri (il più lungo: {longest}).",
  "paragraphLength.fix": "Dividi i paragrafi lunghi.",
  "subheadingDistribution.good": "Distribuzione dei sottotitoli: buona.",
  "subheadingDistribution.none": "Distribuzione dei sottotitoli: {count} parole senza alcun sottotitolo.",
  "subheadingDistribution.long":
    "Distribuzione dei sottotitoli: una sezione ha {count} parole senza sottotitolo.",
  "subheadingDistribution.fix": "Aggiungi sottotitoli per dividere il testo in sezioni.",
  "passiveVoice.good": "Forma passiva: {percent}% delle frasi. Bene.",
  "passiveVoice.tooMuch": "Forma passiva: {percent}% delle frasi, più del 10% consigliato.",
  "passiveVoice.fix": "Riscrivi le frasi passive in forma attiva.",
  "transitionWords.good": "Parole di transizione: {percent}% delle frasi. Ben fatto!",
  "transitionWords.few": "Parole di transizione: solo il {percent}% delle frasi.",
  "transitionWords.fix":
    "Collega le frasi con parole di transizione come «inoltre», «perché» o «ad esempio».",
  "consecutiveSentences.good": "Inizio delle frasi: vario.",
  "consecutiveSentences.repeated": "Inizio delle frasi: {count} frasi di fila iniziano con «{word}».",
  "consecutiveSentences.fix": "Varia l'inizio delle frasi consecutive.",
  "report.seoScore": "Punteggio SEO",
  "report.readabilityScore": "Punteggio di leggibilità",
  "report.products": "{count} prodotti analizzati",
  "report.average": "Punteggio medio",
  "report.worst": "Prodotti che richiedono più lavoro",
  "report.belowThreshold": "{count} prodotto/i sotto il punteggio minimo {min}.",
  "report.duplicateTitles": "Titoli SEO duplicati",
  "report.duplicateMeta": "Meta descrizioni duplicate",
  "report.nearDuplicates": "Descrizioni quasi identiche",
  "report.cannibalisation": "Frasi chiave usate da più prodotti",
  "report.missingAlt": "Immagini senza testo alternativo",
  "report.ratings": "Controlli per esito",
  "report.good": "buono",
  "report.ok": "medio",
  "report.bad": "scarso",
};
