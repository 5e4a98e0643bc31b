import type { MessageKey } from "./en.js";

export const es: Record<MessageKey, string> = {
  "seoTitle.missing": "Título SEO: falta, y el producto tampoco tiene título.",
  "seoTitle.fix": "Dale al producto un título o un título SEO.",
  "seoTitleWidth.good":
    "Ancho del título SEO: {px} px ({chars} caracteres), cabe en los resultados de búsqueda.",
  "seoTitleWidth.short": "Ancho del título SEO: solo {px} px ({chars} caracteres); hay espacio para más.",
  "seoTitleWidth.tooLong":
    "Ancho del título SEO: {px} px ({chars} caracteres); Google corta los títulos de más de {max} px.",
  "seoTitleWidth.fix": "Escribe un título SEO de unos 50–60 caracteres que empiece por la frase clave.",
  "seoTitleDistinct.good": "Título SEO: definido aparte del título del producto.",
  "seoTitleDistinct.default": "Título SEO: no definido, se usa el título del producto.",
  "seoTitleDistinct.copiesLongTitle":
    "Título SEO: copia un título de producto demasiado largo ({px} px) para los resultados de búsqueda.",
  "seoTitleDistinct.fix": "Define un título SEO más corto que el título del producto.",
  "keyphraseInSeoTitle.start": "Frase clave en el título SEO: al principio. ¡Buen trabajo!",
  "keyphraseInSeoTitle.notStart": "Frase clave en el título SEO: presente, pero no al principio.",
  "keyphraseInSeoTitle.missing": "Frase clave en el título SEO: «{keyphrase}» no aparece.",
  "keyphraseInSeoTitle.fix": "Empieza el título SEO con la frase clave.",
  "metaDescriptionLength.good": "Longitud de la meta descripción: {length} caracteres. ¡Bien hecho!",
  "metaDescriptionLength.missing":
    "Meta descripción: falta; los buscadores mostrarán un fragmento cualquiera de la página.",
  "metaDescriptionLength.short":
    "Longitud de la meta descripción: {length} caracteres, menos de los {min}–{max} recomendados.",
  "metaDescriptionLength.long":
    "Longitud de la meta descripción: {length} caracteres; solo se muestran unos {max}.",
  "metaDescriptionLength.fix":
    "Escribe una meta descripción que resuma la principal ventaja del producto e incluya la frase clave.",
  "keyphraseInMetaDescription.good":
    "Frase clave en la meta descripción: encontrada {count} vez/veces. ¡Bien hecho!",
  "keyphraseInMetaDescription.missing": "Frase clave en la meta descripción: no encontrada.",
  "keyphraseInMetaDescription.tooOften":
    "Frase clave en la meta descripción: encontrada {count} veces, parece relleno.",
  "keyphraseInMetaDescription.fix": "Usa la frase clave una o dos veces en la meta descripción.",
  "keyphrase.missing": "Frase clave objetivo: no definida, así que sus comprobaciones no pueden ejecutarse.",
  "keyphrase.fix": "Elige la frase que los compradores buscan para encontrar este producto.",
  "keyphraseFunctionWords.bad": "Frase clave: «{keyphrase}» solo contiene palabras funcionales.",
  "keyphraseFunctionWords.fix":
    "Usa una frase clave con al menos una palabra con significado, como el tipo de producto.",
  "keyphraseLength.good": "Longitud de la frase clave: {words} palabra(s). Bien.",
  "keyphraseLength.long":
    "Longitud de la frase clave: {words} palabras; una frase más corta posiciona mejor.",
  "keyphraseLength.tooLong": "Longitud de la frase clave: {words} palabras es demasiado.",
  "keyphraseLength.longChars": "Longitud de la frase clave: {chars} caracteres es mucho.",
  "keyphraseLength.fix": "Limita la frase clave a las pocas palabras que los compradores escriben de verdad.",
  "keyphraseInTitle.good": "Frase clave en el título del producto: encontrada.",
  "keyphraseInTitle.partial":
    "Frase clave en el título del producto: están todas las palabras, pero no juntas.",
  "keyphraseInTitle.missing": "Frase clave en el título del producto: «{keyphrase}» no aparece.",
  "keyphraseInTitle.fix": "Usa la frase clave en el título del producto.",
  "keyphraseInIntroduction.good": "Frase clave en la introducción: encontrada en el primer párrafo.",
  "keyphraseInIntroduction.scattered":
    "Frase clave en la introducción: sus palabras están en el primer párrafo, pero no en la misma oración.",
  "keyphraseInIntroduction.missing": "Frase clave en la introducción: no está en el primer párrafo.",
  "keyphraseInIntroduction.fix": "Menciona la frase clave en las primeras oraciones de la descripción.",
  "keyphraseInHandle.good": "Frase clave en el handle de la URL: encontrada.",
  "keyphraseInHandle.missing": "Frase clave en el handle de la URL: no encontrada.",
  "keyphraseInHandle.fix": "Usa la frase clave en el handle (y mantén una redirección desde la URL antigua).",
  "keyphraseInImageAlt.good": "Frase clave en el texto alternativo: en {count} de {total} imágenes.",
  "keyphraseInImageAlt.missing": "Frase clave en el texto alternativo: ningún texto alternativo la menciona.",
  "keyphraseInImageAlt.noAlt":
    "Frase clave en el texto alternativo: las imágenes no tienen texto alternativo.",
  "keyphraseInImageAlt.noImages": "Frase clave en el texto alternativo: el producto no tiene imágenes.",
  "keyphraseInImageAlt.fix":
    "Describe al menos una imagen con un texto alternativo que incluya la frase clave.",
  "keyphraseInSubheading.good": "Frase clave en los subtítulos: en {count} de {total} subtítulos.",
  "keyphraseInSubheading.missing":
    "Frase clave en los subtítulos: ninguno de los {total} subtítulos la menciona.",
  "keyphraseInSubheading.tooMany":
    "Frase clave en los subtítulos: en {count} de {total} subtítulos, resulta repetitivo.",
  "keyphraseInSubheading.fix": "Usa la frase clave o un sinónimo en uno o dos subtítulos.",
  "keyphraseDensity.good":
    "Densidad de la frase clave: encontrada {count} vez/veces en {words} palabras ({density} %). Bien.",
  "keyphraseDensity.none": "Densidad de la frase clave: la frase clave no está en la descripción.",
  "keyphraseDensity.tooLow":
    "Densidad de la frase clave: encontrada {count} vez/veces en {words} palabras ({density} %), muy pocas.",
  "keyphraseDensity.tooHigh":
    "Densidad de la frase clave: encontrada {count} veces en {words} palabras ({density} %), demasiadas.",
  "keyphraseDensity.fix": "Usa la frase clave con naturalidad, más o menos una vez cada 100 palabras.",
  "textLength.good.words": "Longitud del texto: {count} palabras. Bien.",
  "textLength.short.words": "Longitud del texto: {count} palabras, algo menos de las {min} recomendadas.",
  "textLength.tooShort.words":
    "Longitud del texto: {count} palabras, muy por debajo de las {min} recomendadas.",
  "textLength.good.chars": "Longitud del texto: {count} caracteres. Bien.",
  "textLength.short.chars": "Longitud del texto: {count} caracteres, algo menos de los {min} recomendados.",
  "textLength.tooShort.chars":
    "Longitud del texto: {count} caracteres, muy por debajo de los {min} recomendados.",
  "textLength.fix": "Describe materiales, tallas, uso y cuidados para informar a compradores y buscadores.",
  "singleH1.good": "Encabezados: no hay H1 extra en la descripción.",
  "singleH1.extra":
    "Encabezados: la descripción tiene {count} encabezado(s) H1, pero el título del producto ya es el H1.",
  "singleH1.fix": "Convierte los H1 de la descripción en H2.",
  "headingOrder.good": "Orden de los encabezados: lógico.",
  "headingOrder.skipped": "Orden de los encabezados: {count} nivel(es) saltado(s).",
  "headingOrder.fix": "Anida los encabezados sin saltar niveles (H2, luego H3).",
  "lists.good": "Listas: la descripción usa {count} lista(s).",
  "lists.missing": "Listas: ninguna; las especificaciones se leen mejor en una lista con viñetas.",
  "lists.fix": "Pon las características y especificaciones en una lista con viñetas.",
  "imageCount.good": "Imágenes: {count}. Bien.",
  "imageCount.few": "Imágenes: {count}; {recommended} o más muestran mejor el producto.",
  "imageCount.none": "Imágenes: ninguna.",
  "imageCount.fix": "Añade fotos del producto desde varios ángulos y en uso.",
  "imageAlt.good": "Textos alternativos: las {total} imágenes están descritas.",
  "imageAlt.missing": "Textos alternativos: {count} de {total} imágenes no tienen.",
  "imageAlt.fileName": "Textos alternativos: {count} de {total} parecen nombres de archivo o códigos.",
  "imageAlt.repeatedTitle": "Textos alternativos: las {total} imágenes repiten el título del producto.",
  "imageAlt.fix":
    "Describe lo que muestra cada imagen (color, ángulo, detalle) en un texto alternativo breve.",
  "handle.good": "Handle de la URL: corto y limpio.",
  "handle.missing": "Handle de la URL: falta.",
  "handle.format": "Handle de la URL: «{handle}» debería ser palabras en minúsculas unidas por guiones.",
  "handle.ids": "Handle de la URL: contiene códigos o fechas ({ids}).",
  "handle.stopWords": "Handle de la URL: {count} palabras vacías lo alargan sin necesidad.",
  "handle.long": "Handle de la URL: {chars} caracteres; mantenlo por debajo de {max}.",
  "handle.fix":
    "Usa un handle corto de palabras clave en minúsculas unidas por guiones y redirige la URL antigua.",
  "productIdentifiers.good": "Identificadores del producto: cada variante tiene SKU y un GTIN válido.",
  "productIdentifiers.noVariants": "Identificadores del producto: el producto no tiene variantes.",
  "productIdentifiers.missing": "Identificadores del producto: sin SKU ni GTIN (código de barras).",
  "productIdentifiers.noGtin":
    "Identificadores del producto: {count} de {total} variantes sin GTIN (código de barras).",
  "productIdentifiers.noSku": "Identificadores del producto: {count} de {total} variantes sin SKU.",
  "productIdentifiers.invalidGtin":
    "Identificadores del producto: {count} código(s) de barras no son GTIN válidos.",
  "productIdentifiers.fix":
    "Introduce el SKU y el GTIN (código EAN/UPC) de cada variante para resultados enriquecidos y feeds de compras.",
  "brand.good": "Marca: {brand}.",
  "brand.missing": "Marca: el campo proveedor está vacío.",
  "brand.fix": "Indica la marca del producto en el campo proveedor.",
  "price.good": "Precio: definido en todas las variantes.",
  "price.missing": "Precio: {count} de {total} variantes sin precio.",
  "price.fix": "Define un precio en cada variante.",
  "keywordStuffing.good": "Relleno de palabras clave: no detectado.",
  "keywordStuffing.body": "Relleno de palabras clave: «{word}» supone el {percent} % del texto.",
  "keywordStuffing.title": "Relleno de palabras clave: el título repite palabras {count} veces.",
  "keywordStuffing.fix":
    "Escribe para los compradores: cada palabra clave donde ayude y sinónimos en el resto.",
  "capitals.good": "Mayúsculas: uso normal.",
  "capitals.shouting": "Mayúsculas: {count} serie(s) de palabras en mayúsculas parecen gritos.",
  "capitals.fix": "Escribe en minúsculas en lugar de TODO MAYÚSCULAS.",
  "importNoise.good": "Restos de importación: ninguno.",
  "importNoise.found": "Restos de importación: frases de marketplace encontradas ({phrases}).",
  "importNoise.fix":
    "Quita frases del proveedor como «hot sale» o «envío gratis» del título y la descripción.",
  "sellerContact.good": "Datos de contacto del vendedor: ninguno en el texto.",
  "sellerContact.found": "Datos de contacto del vendedor en el texto ({kinds}).",
  "sellerContact.fix": "Elimina los correos, teléfonos y usuarios de mensajería del proveedor.",
  "htmlHygiene.good": "HTML: limpio.",
  "htmlHygiene.empty": "HTML: la descripción está vacía.",
  "htmlHygiene.scripts": "HTML: la descripción contiene {count} bloque(s) de script o estilo.",
  "htmlHygiene.plainText":
    "HTML: la descripción es texto sin formato; la tienda muestra sus {count} saltos de línea como espacios, así que sus líneas y listas aparecen seguidas.",
  "htmlHygiene.messy":
    "HTML: {styles} estilo(s) en línea y {empty} elemento(s) vacío(s), típico de contenido pegado.",
  "htmlHygiene.fix":
    "Limpia la descripción: párrafos, encabezados y listas simples, sin estilos en línea ni scripts.",
  "structuredData.good": "Datos estructurados: todos los campos de Product están disponibles.",
  "structuredData.missingRequired":
    "Datos estructurados: faltan campos obligatorios ({fields}); sin resultados enriquecidos.",
  "structuredData.missingRecommended": "Datos estructurados: faltan campos recomendados ({fields}).",
  "structuredData.fix": "Completa los datos del producto que corresponden a los campos que faltan.",
  "textPresence.none": "Texto: la descripción no tiene texto.",
  "textPresence.fix": "Escribe una descripción.",
  "readingEase.good": "Facilidad de lectura: {score} ({formula}). Fácil de leer.",
  "readingEase.ok": "Facilidad de lectura: {score} ({formula}). Algo difícil.",
  "readingEase.hard": "Facilidad de lectura: {score} ({formula}). Difícil de leer.",
  "readingEase.fix": "Usa oraciones más cortas y palabras más sencillas.",
  "sentenceLength.good": "Longitud de las oraciones: pocas oraciones largas. ¡Genial!",
  "sentenceLength.words": "Longitud de las oraciones: el {percent} % supera las {max} palabras.",
  "sentenceLength.chars": "Longitud de las oraciones: el {percent} % supera los {max} caracteres.",
  "sentenceLength.fix": "Divide las oraciones largas.",
  "paragraphLength.good": "Longitud de los párrafos: ninguno demasiado largo. ¡Genial!",
  "paragraphLength.long.words":
    "Longitud de los párrafos: {count} párrafo(s) superan las {max} palabras (el más largo: {longest}).",
  "paragraphLength.long.chars":
    "Longitud de los párrafos: {count} párrafo(s) superan los {max} caracteres (el más largo: {longest}).",
  "paragraphLength.fix": "Divide los párrafos largos.",
  "subheadingDistribution.good": "Distribución de subtítulos: buena.",
  "subheadingDistribution.none": "Distribución de subtítulos: {count} palabras sin ningún subtítulo.",
  "subheadingDistribution.long":
    "Distribución de subtítulos: una sección tiene {count} palabras sin subtítulo.",
  "subheadingDistribution.fix": "Añade subtítulos para dividir el texto en secciones.",
  "passiveVoice.good": "Voz pasiva: {percent} % de las oraciones. Bien.",
  "passiveVoice.tooMuch": "Voz pasiva: {percent} % de las oraciones, más del 10 % recomendado.",
  "passiveVoice.fix": "Reescribe las oraciones pasivas en voz activa.",
  "transitionWords.good": "Palabras de transición: {percent} % de las oraciones. ¡Bien hecho!",
  "transitionWords.few": "Palabras de transición: solo el {percent} % de las oraciones.",
  "transitionWords.fix":
    "Enlaza las oraciones con palabras de transición como «además», «porque» o «por ejemplo».",
  "consecutiveSentences.good": "Inicio de las oraciones: variado.",
  "consecutiveSentences.repeated":
    "Inicio de las oraciones: {count} oraciones seguidas empiezan por «{word}».",
  "consecutiveSentences.fix": "Varía el comienzo de las oraciones consecutivas.",
  "report.seoScore": "Puntuación SEO",
  "report.readabilityScore": "Puntuación de legibilidad",
  "report.products": "{count} productos analizados",
  "report.average": "Puntuación media",
  "report.worst": "Productos que más trabajo necesitan",
  "report.belowThreshold": "{count} producto(s) por debajo de la puntuación mínima {min}.",
  "report.duplicateTitles": "Títulos SEO duplicados",
  "report.duplicateMeta": "Meta descripciones duplicadas",
  "report.nearDuplicates": "Descripciones casi idénticas",
  "report.cannibalisation": "Frases clave usadas por varios productos",
  "report.missingAlt": "Imágenes sin texto alternativo",
  "report.ratings": "Comprobaciones por resultado",
  "report.good": "bueno",
  "report.ok": "regular",
  "report.bad": "malo",
};
