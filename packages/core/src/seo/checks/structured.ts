import type { Analysis } from "../analysis.js";
import { structuredDataGaps } from "../jsonld.js";
import { result, type CheckResult } from "./result.js";

export function structuredDataCheck(a: Analysis): CheckResult {
  const { required, recommended } = structuredDataGaps(a.product, a.wordCount > 0);
  if (required.length > 0)
    return result("structuredData", "seo", "bad", "structuredData.missingRequired", {
      fields: [...required, ...recommended].join(", "),
    });
  if (recommended.length > 0)
    return result("structuredData", "seo", "ok", "structuredData.missingRecommended", {
      fields: recommended.join(", "),
    });
  return result("structuredData", "seo", "good", "structuredData.good");
}
