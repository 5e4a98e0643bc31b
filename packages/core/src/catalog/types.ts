/**
 * A supplier product after parsing and normalisation, independent of the supplier's wire format.
 * Every later step (variants, pricing, sanitising, productSet) reads only this shape.
 */
export interface SourceProduct {
  source: "aliexpress";
  /** The supplier's product id, digits only for AliExpress. */
  id: string;
  /** Canonical product page URL. */
  url: string;
  title: string;
  /** Raw supplier HTML (desktop detail, or the mobile detail when the desktop one is absent). */
  descriptionHtml: string;
  /** ISO 4217 currency of every cost in this product. */
  currency: string;
  categoryId?: string;
  images: string[];
  videos: { url: string; posterUrl?: string }[];
  /** Product specifications ("Material: Cotton"), in supplier order. */
  specifications: { name: string; value: string }[];
  skus: SourceSku[];
  /** Gross package weight in kilograms, as a decimal string. */
  weightKg?: string;
  dimensionsCm?: { length: string; width: string; height: string };
  store?: { id?: string; name?: string };
  shipToCountry?: string;
  deliveryDays?: number;
  rating?: string;
  reviewCount?: number;
  orderCount?: number;
}

/** One purchasable supplier SKU. */
export interface SourceSku {
  id: string;
  /** The supplier's attribute key ("14:193#Black;5:100014064"), what its order API wants back. */
  attr?: string;
  /** What we pay the supplier per unit (the sale price when there is one), decimal string. */
  cost: string;
  /** The supplier's list price before its discount, decimal string. */
  listPrice?: string;
  stock: number;
  code?: string;
  barcode?: string;
  properties: SourceSkuProperty[];
}

/** One dimension value of a SKU ("Color: Navy"). */
export interface SourceSkuProperty {
  propertyId?: string;
  /** Dimension name as the supplier wrote it ("Color", "Couleur", "Ships From"). */
  name: string;
  valueId?: string;
  /** The value shown to buyers: the seller's custom name when given, else the platform value. */
  value: string;
  image?: string;
}
