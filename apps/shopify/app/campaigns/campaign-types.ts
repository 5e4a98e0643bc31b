/** Campaign constants shared by the server module and the pages (importable in the browser). */
export const VARIANTS = ["A", "B"] as const;
export type VariantId = (typeof VARIANTS)[number];
export const CAMPAIGN_STATUSES = ["draft", "published", "archived"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const EXPORT_FORMATS = ["text", "csv", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
