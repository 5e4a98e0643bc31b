import type { MessageKey } from "./en.js";

export const fr: Record<MessageKey, string> = {
  "seoTitle.missing": "Titre SEO : absent, et le produit n'a pas de titre non plus.",
  "seoTitle.fix": "Donnez un titre ou un titre SEO au produit.",
  "seoTitleWidth.good":
    "Largeur du titre SEO : {px} px ({chars} caractères), il tient dans les résultats de recherche.",
  "seoTitleWidth.short":
    "Largeur du titre SEO : seulement {px} px ({chars} caractères) ; il reste de la place.",
  "seoTitleWidth.tooLong":
    "Largeur du titre SEO : {px} px ({chars} caractères) ; Google coupe les titres au-delà de {max} px.",
  "seoTitleWidth.fix": "Écrivez un titre SEO d'environ 50 à 60 caractères qui commence par l'expression clé.",
  "seoTitleDistinct.good": "Titre SEO : défini séparément du titre du produit.",
  "seoTitleDistinct.default": "Titre SEO : non défini, le titre du produit est utilisé.",
  "seoTitleDistinct.copiesLongTitle":
    "Titre SEO : reprend un titre de produit trop long ({px} px) pour les résultats de recherche.",
  "seoTitleDistinct.fix": "Définissez un titre SEO plus court que le titre du produit.",
  "keyphraseInSeoTitle.start": "Expression clé dans le titre SEO : au début. Bravo !",
  "keyphraseInSeoTitle.notStart": "Expression clé dans le titre SEO : présente, mais pas au début.",
  "keyphraseInSeoTitle.missing": "Expression clé dans le titre SEO : « {keyphrase} » n'apparaît pas.",
  "keyphraseInSeoTitle.fix": "Commencez le titre SEO par l'expression clé.",
  "metaDescriptionLength.good": "Longueur de la méta-description : {length} caractères. Bien joué !",
  "metaDescriptionLength.missing":
    "Méta-description : absente ; les moteurs afficheront un extrait quelconque de la page.",
  "metaDescriptionLength.short":
    "Longueur de la méta-description : {length} caractères, moins que les {min} à {max} recommandés.",
  "metaDescriptionLength.long":
    "Longueur de la méta-description : {length} caractères ; seuls {max} environ s'affichent.",
  "metaDescriptionLength.fix":
    "Rédigez une méta-description qui résume le principal avantage du produit et contient l'expression clé.",
  "keyphraseInMetaDescription.good":
    "Expression clé dans la méta-description : trouvée {count} fois. Bien joué !",
  "keyphraseInMetaDescription.missing": "Expression clé dans la méta-description : introuvable.",
  "keyphraseInMetaDescription.tooOften":
    "Expression clé dans la méta-description : trouvée {count} fois, cela ressemble à du bourrage.",
  "keyphraseInMetaDescription.fix": "Utilisez l'expression clé une ou deux fois dans la méta-description.",
  "keyphrase.missing":
    "Expression clé principale : non définie, les vérifications liées ne peuvent pas s'exécuter.",
  "keyphrase.fix": "Choisissez l'expression que les acheteurs tapent pour trouver ce produit.",
  "keyphraseFunctionWords.bad": "Expression clé : « {keyphrase} » ne contient que des mots-outils.",
  "keyphraseFunctionWords.fix":
    "Utilisez une expression clé avec au moins un mot porteur de sens, comme le type de produit.",
  "keyphraseLength.good": "Longueur de l'expression clé : {words} mot(s). Bien.",
  "keyphraseLength.long":
    "Longueur de l'expression clé : {words} mots ; une expression plus courte se positionne plus facilement.",
  "keyphraseLength.tooLong": "Longueur de l'expression clé : {words} mots, c'est beaucoup trop long.",
  "keyphraseLength.longChars": "Longueur de l'expression clé : {chars} caractères, c'est long.",
  "keyphraseLength.fix": "Limitez l'expression clé aux quelques mots que les acheteurs tapent vraiment.",
  "keyphraseInTitle.good": "Expression clé dans le titre du produit : trouvée.",
  "keyphraseInTitle.partial":
    "Expression clé dans le titre du produit : tous les mots sont présents, mais pas ensemble.",
  "keyphraseInTitle.missing": "Expression clé dans le titre du produit : « {keyphrase} » n'apparaît pas.",
  "keyphraseInTitle.fix": "Utilisez l'expression clé dans le titre du produit.",
  "keyphraseInIntroduction.good": "Expression clé dans l'introduction : trouvée dans le premier paragraphe.",
  "keyphraseInIntroduction.scattered":
    "Expression clé dans l'introduction : ses mots sont dans le premier paragraphe, mais pas dans une même phrase.",
  "keyphraseInIntroduction.missing": "Expression clé dans l'introduction : absente du premier paragraphe.",
  "keyphraseInIntroduction.fix": "Mentionnez l'expression clé dans les premières phrases de la description.",
  "keyphraseInHandle.good": "Expression clé dans l'URL (handle) : trouvée.",
  "keyphraseInHandle.missing": "Expression clé dans l'URL (handle) : introuvable.",
  "keyphraseInHandle.fix":
    "Utilisez l'expression clé dans le handle (et gardez une redirection depuis l'ancienne URL).",
  "keyphraseInImageAlt.good": "Expression clé dans le texte alternatif : dans {count} image(s) sur {total}.",
  "keyphraseInImageAlt.missing":
    "Expression clé dans le texte alternatif : aucun texte alternatif ne la mentionne.",
  "keyphraseInImageAlt.noAlt":
    "Expression clé dans le texte alternatif : les images n'ont pas de texte alternatif.",
  "keyphraseInImageAlt.noImages": "Expression clé dans le texte alternatif : le produit n'a pas d'images.",
  "keyphraseInImageAlt.fix":
    "Décrivez au moins une image avec un texte alternatif contenant l'expression clé.",
  "keyphraseInSubheading.good":
    "Expression clé dans les sous-titres : dans {count} sous-titre(s) sur {total}.",
  "keyphraseInSubheading.missing":
    "Expression clé dans les sous-titres : aucun des {total} sous-titres ne la mentionne.",
  "keyphraseInSubheading.tooMany":
    "Expression clé dans les sous-titres : dans {count} sous-titres sur {total}, c'est répétitif.",
  "keyphraseInSubheading.fix": "Utilisez l'expression clé ou un synonyme dans un ou deux sous-titres.",
  "keyphraseDensity.good":
    "Densité de l'expression clé : trouvée {count} fois sur {words} mots ({density} %). Bien.",
  "keyphraseDensity.none": "Densité de l'expression clé : l'expression clé n'est pas dans la description.",
  "keyphraseDensity.tooLow":
    "Densité de l'expression clé : trouvée {count} fois sur {words} mots ({density} %), trop peu.",
  "keyphraseDensity.tooHigh":
    "Densité de l'expression clé : trouvée {count} fois sur {words} mots ({density} %), trop souvent.",
  "keyphraseDensity.fix": "Utilisez l'expression clé naturellement, environ une fois tous les 100 mots.",
  "textLength.good.words": "Longueur du texte : {count} mots. Bien.",
  "textLength.short.words": "Longueur du texte : {count} mots, un peu moins que les {min} recommandés.",
  "textLength.tooShort.words": "Longueur du texte : {count} mots, bien moins que les {min} recommandés.",
  "textLength.good.chars": "Longueur du texte : {count} caractères. Bien.",
  "textLength.short.chars": "Longueur du texte : {count} caractères, un peu moins que les {min} recommandés.",
  "textLength.tooShort.chars":
    "Longueur du texte : {count} caractères, bien moins que les {min} recommandés.",
  "textLength.fix":
    "Décrivez matières, tailles, usage et entretien pour informer acheteurs et moteurs de recherche.",
  "singleH1.good": "Titres : pas de H1 supplémentaire dans la description.",
  "singleH1.extra":
    "Titres : la description contient {count} titre(s) H1, alors que le titre du produit est déjà le H1.",
  "singleH1.fix": "Transformez les titres H1 de la description en H2.",
  "headingOrder.good": "Ordre des titres : logique.",
  "headingOrder.skipped": "Ordre des titres : {count} niveau(x) sauté(s).",
  "headingOrder.fix": "Imbriquez les titres sans sauter de niveau (H2, puis H3).",
  "lists.good": "Listes : la description utilise {count} liste(s).",
  "lists.missing": "Listes : aucune ; les caractéristiques se lisent mieux sous forme de liste à puces.",
  "lists.fix": "Présentez les caractéristiques dans une liste à puces.",
  "imageCount.good": "Images : {count}. Bien.",
  "imageCount.few": "Images : {count} ; {recommended} ou plus montrent mieux le produit.",
  "imageCount.none": "Images : aucune.",
  "imageCount.fix": "Ajoutez des photos du produit sous plusieurs angles et en situation.",
  "imageAlt.good": "Textes alternatifs : les {total} images sont décrites.",
  "imageAlt.missing": "Textes alternatifs : {count} image(s) sur {total} n'en ont pas.",
  "imageAlt.fileName":
    "Textes alternatifs : {count} sur {total} ressemblent à des noms de fichiers ou des codes.",
  "imageAlt.repeatedTitle": "Textes alternatifs : les {total} images répètent le titre du produit.",
  "imageAlt.fix":
    "Décrivez ce que montre chaque image (couleur, angle, détail) dans un court texte alternatif.",
  "handle.good": "Handle d'URL : court et propre.",
  "handle.missing": "Handle d'URL : absent.",
  "handle.format": "Handle d'URL : « {handle} » devrait être en minuscules, mots séparés par des tirets.",
  "handle.ids": "Handle d'URL : contient des codes ou des dates ({ids}).",
  "handle.stopWords": "Handle d'URL : {count} mots vides l'allongent inutilement.",
  "handle.long": "Handle d'URL : {chars} caractères ; restez sous {max}.",
  "handle.fix":
    "Utilisez un handle court de mots-clés en minuscules séparés par des tirets, et redirigez l'ancienne URL.",
  "productIdentifiers.good": "Identifiants produit : chaque variante a un SKU et un GTIN valide.",
  "productIdentifiers.noVariants": "Identifiants produit : le produit n'a pas de variantes.",
  "productIdentifiers.missing": "Identifiants produit : ni SKU ni GTIN (code-barres).",
  "productIdentifiers.noGtin":
    "Identifiants produit : {count} variante(s) sur {total} sans GTIN (code-barres).",
  "productIdentifiers.noSku": "Identifiants produit : {count} variante(s) sur {total} sans SKU.",
  "productIdentifiers.invalidGtin":
    "Identifiants produit : {count} code(s)-barres ne sont pas des GTIN valides.",
  "productIdentifiers.fix":
    "Saisissez le SKU et le GTIN (code-barres EAN/UPC) de chaque variante pour les résultats enrichis et les flux shopping.",
  "brand.good": "Marque : {brand}.",
  "brand.missing": "Marque : le champ fournisseur est vide.",
  "brand.fix": "Indiquez la marque du produit dans le champ fournisseur.",
  "price.good": "Prix : défini pour chaque variante.",
  "price.missing": "Prix : {count} variante(s) sur {total} sans prix.",
  "price.fix": "Définissez un prix pour chaque variante.",
  "keywordStuffing.good": "Bourrage de mots-clés : aucun détecté.",
  "keywordStuffing.body": "Bourrage de mots-clés : « {word} » représente {percent} % du texte.",
  "keywordStuffing.title": "Bourrage de mots-clés : le titre répète des mots {count} fois.",
  "keywordStuffing.fix": "Écrivez pour les acheteurs : chaque mot-clé là où il aide, des synonymes ailleurs.",
  "capitals.good": "Majuscules : utilisées normalement.",
  "capitals.shouting": "Majuscules : {count} suite(s) de mots en capitales donnent l'impression de crier.",
  "capitals.fix": "Écrivez en minuscules plutôt qu'en MAJUSCULES.",
  "importNoise.good": "Résidus d'import : aucun.",
  "importNoise.found": "Résidus d'import : formules de place de marché trouvées ({phrases}).",
  "importNoise.fix":
    "Retirez les formules du fournisseur comme « hot sale » ou « livraison gratuite » du titre et de la description.",
  "sellerContact.good": "Coordonnées du vendeur : aucune dans le texte.",
  "sellerContact.found": "Coordonnées du vendeur trouvées dans le texte ({kinds}).",
  "sellerContact.fix":
    "Supprimez les e-mails, numéros de téléphone et identifiants de messagerie du fournisseur.",
  "htmlHygiene.good": "HTML : propre.",
  "htmlHygiene.empty": "HTML : la description est vide.",
  "htmlHygiene.scripts": "HTML : la description contient {count} bloc(s) script ou style.",
  "htmlHygiene.plainText":
    "HTML : la description est en texte brut ; la boutique affiche ses {count} retours à la ligne comme des espaces, ses lignes et listes se suivent donc sans séparation.",
  "htmlHygiene.messy":
    "HTML : {styles} style(s) en ligne et {empty} élément(s) vide(s), typique d'un contenu collé.",
  "htmlHygiene.fix":
    "Nettoyez la description : paragraphes, titres et listes simples, sans styles en ligne ni scripts.",
  "structuredData.good": "Données structurées : tous les champs Product sont disponibles.",
  "structuredData.missingRequired":
    "Données structurées : champs obligatoires manquants ({fields}) ; pas de résultats enrichis.",
  "structuredData.missingRecommended": "Données structurées : champs recommandés manquants ({fields}).",
  "structuredData.fix": "Complétez les données produit correspondant aux champs manquants.",
  "textPresence.none": "Texte : la description ne contient aucun texte.",
  "textPresence.fix": "Rédigez une description.",
  "readingEase.good": "Facilité de lecture : {score} ({formula}). Facile à lire.",
  "readingEase.ok": "Facilité de lecture : {score} ({formula}). Assez difficile.",
  "readingEase.hard": "Facilité de lecture : {score} ({formula}). Difficile à lire.",
  "readingEase.fix": "Utilisez des phrases plus courtes et des mots plus simples.",
  "sentenceLength.good": "Longueur des phrases : peu de phrases longues. Parfait !",
  "sentenceLength.words": "Longueur des phrases : {percent} % des phrases dépassent {max} mots.",
  "sentenceLength.chars": "Longueur des phrases : {percent} % des phrases dépassent {max} caractères.",
  "sentenceLength.fix": "Coupez les phrases longues.",
  "paragraphLength.good": "Longueur des paragraphes : aucun trop long. Parfait !",
  "paragraphLength.long.words":
    "Longueur des paragraphes : {count} paragraphe(s) dépassent {max} mots (le plus long : {longest}).",
  "paragraphLength.long.chars":
    "Longueur des paragraphes : {count} paragraphe(s) dépassent {max} caractères (le plus long : {longest}).",
  "paragraphLength.fix": "Découpez les longs paragraphes.",
  "subheadingDistribution.good": "Répartition des sous-titres : bonne.",
  "subheadingDistribution.none": "Répartition des sous-titres : {count} mots sans aucun sous-titre.",
  "subheadingDistribution.long":
    "Répartition des sous-titres : une section compte {count} mots sans sous-titre.",
  "subheadingDistribution.fix": "Ajoutez des sous-titres pour découper le texte en sections.",
  "passiveVoice.good": "Voix passive : {percent} % des phrases. Bien.",
  "passiveVoice.tooMuch": "Voix passive : {percent} % des phrases, plus que les 10 % recommandés.",
  "passiveVoice.fix": "Réécrivez les phrases passives à la voix active.",
  "transitionWords.good": "Mots de transition : {percent} % des phrases. Bien joué !",
  "transitionWords.few": "Mots de transition : seulement {percent} % des phrases.",
  "transitionWords.fix":
    "Reliez les phrases avec des mots de transition comme « aussi », « car » ou « par exemple ».",
  "consecutiveSentences.good": "Débuts de phrases : variés.",
  "consecutiveSentences.repeated": "Débuts de phrases : {count} phrases d'affilée commencent par « {word} ».",
  "consecutiveSentences.fix": "Variez le début des phrases qui se suivent.",
  "report.seoScore": "Score SEO",
  "report.readabilityScore": "Score de lisibilité",
  "report.products": "{count} produits analysés",
  "report.average": "Score moyen",
  "report.worst": "Produits à améliorer en priorité",
  "report.belowThreshold": "{count} produit(s) sous le score minimal {min}.",
  "report.duplicateTitles": "Titres SEO en double",
  "report.duplicateMeta": "Méta-descriptions en double",
  "report.nearDuplicates": "Descriptions quasi identiques",
  "report.cannibalisation": "Expressions clés utilisées par plusieurs produits",
  "report.missingAlt": "Images sans texte alternatif",
  "report.ratings": "Vérifications par résultat",
  "report.good": "bon",
  "report.ok": "moyen",
  "report.bad": "mauvais",
};
