// The import form's pricing fields and their defaults: shared by the page (browser) and the server.

export const PRICE_ENDINGS = [".99", ".95", "whole", "none"] as const;
export const COMPARE_AT_MODES = ["none", "supplier"] as const;

/** The pricing part of the import form, stored with each import so a re-import prices the same way. */
export interface ImportPricingForm {
  multiplier: string;
  /** Percent of the price (30 = 30 %). */
  minimumMargin: string;
  ending: (typeof PRICE_ENDINGS)[number];
  compareAt: (typeof COMPARE_AT_MODES)[number];
  /** Shop-currency units per supplier-currency unit; empty when the currencies are the same. */
  rate: string;
  optimise: "on" | "off";
}

export const DEFAULT_PRICING: ImportPricingForm = {
  multiplier: "2.5",
  minimumMargin: "30",
  ending: ".99",
  compareAt: "none",
  rate: "",
  optimise: "off",
};
