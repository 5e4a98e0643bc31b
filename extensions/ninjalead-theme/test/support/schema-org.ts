/**
 * Checks JSON-LD nodes against schema.org types as Google's rich-result documentation describes
 * them: required properties are errors, recommended ones are reported separately so a test can
 * assert both. Only the types the extension emits: Product, Offer, AggregateOffer,
 * BreadcrumbList, FAQPage.
 */

export interface JsonLdReport {
  errors: string[];
  missingRecommended: string[];
}

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const nonEmptyString = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0;
const isAbsoluteUrl = (v: unknown): boolean => {
  if (typeof v !== "string") return false;
  try {
    return ["http:", "https:"].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};
const isPrice = (v: unknown): boolean =>
  (typeof v === "number" && Number.isFinite(v) && v >= 0) ||
  (typeof v === "string" && /^\d+(\.\d+)?$/.test(v));
const AVAILABILITY =
  /^https:\/\/schema\.org\/(InStock|OutOfStock|PreOrder|BackOrder|Discontinued|LimitedAvailability|SoldOut|InStoreOnly|OnlineOnly)$/;

function checkContext(node: Node, report: JsonLdReport, where: string): void {
  if (node["@context"] !== "https://schema.org")
    report.errors.push(`${where}: @context must be https://schema.org`);
}

function checkOffer(offer: unknown, report: JsonLdReport, where: string): void {
  if (!isNode(offer)) {
    report.errors.push(`${where}: must be an object`);
    return;
  }
  if (offer["@type"] === "Offer") {
    if (!isPrice(offer.price)) report.errors.push(`${where}.price: must be a non-negative number`);
    if (!/^[A-Z]{3}$/.test(String(offer.priceCurrency)))
      report.errors.push(`${where}.priceCurrency: must be an ISO 4217 code`);
    if (!AVAILABILITY.test(String(offer.availability)))
      report.missingRecommended.push(`${where}.availability`);
    if (!isAbsoluteUrl(offer.url)) report.missingRecommended.push(`${where}.url`);
  } else if (offer["@type"] === "AggregateOffer") {
    if (!isPrice(offer.lowPrice)) report.errors.push(`${where}.lowPrice: must be a non-negative number`);
    if (!/^[A-Z]{3}$/.test(String(offer.priceCurrency)))
      report.errors.push(`${where}.priceCurrency: must be an ISO 4217 code`);
    if (!isPrice(offer.highPrice)) report.missingRecommended.push(`${where}.highPrice`);
    if (!Number.isInteger(offer.offerCount)) report.missingRecommended.push(`${where}.offerCount`);
    if (
      isPrice(offer.lowPrice) &&
      isPrice(offer.highPrice) &&
      Number(offer.lowPrice) > Number(offer.highPrice)
    ) {
      report.errors.push(`${where}: lowPrice is above highPrice`);
    }
    if (offer.offers !== undefined) {
      if (!Array.isArray(offer.offers)) report.errors.push(`${where}.offers: must be an array`);
      else offer.offers.forEach((o, i) => checkOffer(o, report, `${where}.offers[${i}]`));
    }
  } else {
    report.errors.push(`${where}.@type: must be Offer or AggregateOffer`);
  }
}

/** A schema.org Product with Google's merchant-listing/product-snippet requirements. */
export function validateProduct(node: unknown): JsonLdReport {
  const report: JsonLdReport = { errors: [], missingRecommended: [] };
  if (!isNode(node)) return { errors: ["Product: must be an object"], missingRecommended: [] };
  checkContext(node, report, "Product");
  if (node["@type"] !== "Product") report.errors.push("Product.@type: must be Product");
  if (!nonEmptyString(node.name)) report.errors.push("Product.name: required");
  if (node.offers === undefined && node.review === undefined && node.aggregateRating === undefined) {
    report.errors.push("Product: needs offers, review or aggregateRating");
  }
  if (node.offers !== undefined) checkOffer(node.offers, report, "Product.offers");
  const images = Array.isArray(node.image) ? (node.image as unknown[]) : [node.image];
  if (node.image === undefined || !images.every(isAbsoluteUrl))
    report.missingRecommended.push("Product.image");
  if (!nonEmptyString(node.description)) report.missingRecommended.push("Product.description");
  if (!isNode(node.brand) || !nonEmptyString(node.brand.name))
    report.missingRecommended.push("Product.brand");
  if (!["sku", "gtin", "gtin8", "gtin12", "gtin13", "gtin14", "mpn"].some((k) => nonEmptyString(node[k]))) {
    report.missingRecommended.push("Product.sku|gtin|mpn");
  }
  return report;
}

/** A BreadcrumbList: ListItems numbered 1…n, each with a name and (except the last) an item URL. */
export function validateBreadcrumbList(node: unknown): JsonLdReport {
  const report: JsonLdReport = { errors: [], missingRecommended: [] };
  if (!isNode(node)) return { errors: ["BreadcrumbList: must be an object"], missingRecommended: [] };
  checkContext(node, report, "BreadcrumbList");
  if (node["@type"] !== "BreadcrumbList") report.errors.push("BreadcrumbList.@type: must be BreadcrumbList");
  const items = node.itemListElement;
  if (!Array.isArray(items) || items.length === 0) {
    report.errors.push("BreadcrumbList.itemListElement: needs at least one ListItem");
    return report;
  }
  if (items.length < 2) report.missingRecommended.push("BreadcrumbList: at least two ListItems");
  items.forEach((item: unknown, i) => {
    const where = `BreadcrumbList.itemListElement[${i}]`;
    if (!isNode(item) || item["@type"] !== "ListItem") {
      report.errors.push(`${where}: must be a ListItem`);
      return;
    }
    if (item.position !== i + 1) report.errors.push(`${where}.position: must be ${i + 1}`);
    if (!nonEmptyString(item.name)) report.errors.push(`${where}.name: required`);
    if (i < items.length - 1 && !isAbsoluteUrl(item.item)) report.errors.push(`${where}.item: required URL`);
  });
  return report;
}

/** A FAQPage: mainEntity Questions, each with a name and an acceptedAnswer Answer with text. */
export function validateFaqPage(node: unknown): JsonLdReport {
  const report: JsonLdReport = { errors: [], missingRecommended: [] };
  if (!isNode(node)) return { errors: ["FAQPage: must be an object"], missingRecommended: [] };
  checkContext(node, report, "FAQPage");
  if (node["@type"] !== "FAQPage") report.errors.push("FAQPage.@type: must be FAQPage");
  const questions = node.mainEntity;
  if (!Array.isArray(questions) || questions.length === 0) {
    report.errors.push("FAQPage.mainEntity: needs at least one Question");
    return report;
  }
  questions.forEach((q: unknown, i) => {
    const where = `FAQPage.mainEntity[${i}]`;
    if (!isNode(q) || q["@type"] !== "Question") {
      report.errors.push(`${where}: must be a Question`);
      return;
    }
    if (!nonEmptyString(q.name)) report.errors.push(`${where}.name: required`);
    const answer = q.acceptedAnswer;
    if (!isNode(answer) || answer["@type"] !== "Answer" || !nonEmptyString(answer.text)) {
      report.errors.push(`${where}.acceptedAnswer: needs an Answer with text`);
    }
  });
  return report;
}

/** Every `<script type="application/ld+json">` body in the HTML, parsed (throws if one is not JSON). */
export function extractJsonLd(html: string): unknown[] {
  const out: unknown[] = [];
  for (const m of html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)) {
    out.push(JSON.parse(m[1] ?? "") as unknown);
  }
  return out;
}
