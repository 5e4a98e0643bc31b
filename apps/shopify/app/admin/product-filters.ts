/** Values the products page filters on; shared by the page (choices) and its loader (validation). */
export const PRODUCT_STATUSES = ["ACTIVE", "DRAFT", "ARCHIVED"] as const;
export const SEO_RATINGS = ["good", "ok", "bad"] as const;
