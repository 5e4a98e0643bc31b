// Records held by the in-memory store. Ids are the numeric part of Shopify GIDs; timestamps are
// ISO-8601 strings with second precision (as Shopify's DateTime).

export type ProductStatus = "ACTIVE" | "ARCHIVED" | "DRAFT" | "UNLISTED";

export interface MetafieldRecord {
  id: number;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

/** A metafield definition (`metafieldDefinitionCreate`); `namespace` stored resolved (`app--<id>`). */
export interface MetafieldDefinitionRecord {
  id: number;
  name: string;
  description: string | null;
  namespace: string;
  key: string;
  type: string;
  ownerType: string;
  access: {
    admin: "MERCHANT_READ" | "MERCHANT_READ_WRITE" | null;
    storefront: "NONE" | "PUBLIC_READ";
    customerAccount: "NONE" | "READ" | "READ_WRITE";
  };
  pin: boolean;
  createdAt: string;
}

export interface TranslationRecord {
  locale: string;
  key: string;
  value: string;
  /** Digest of the source content the translation was registered against (for `outdated`). */
  digest: string;
  updatedAt: string;
}

export interface OptionValueRecord {
  id: number;
  name: string;
}

export interface OptionRecord {
  id: number;
  name: string;
  position: number;
  values: OptionValueRecord[];
}

export interface VariantRecord {
  id: number;
  title: string;
  sku: string | null;
  barcode: string | null;
  price: string;
  compareAtPrice: string | null;
  inventoryQuantity: number;
  inventoryPolicy: "CONTINUE" | "DENY";
  inventoryItemId: number;
  position: number;
  taxable: boolean;
  selectedOptions: { name: string; value: string }[];
  metafields: MetafieldRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface MediaRecord {
  id: number;
  alt: string | null;
  url: string;
  width: number;
  height: number;
  mimeType: string;
  createdAt: string;
}

export interface ProductRecord {
  id: number;
  title: string;
  handle: string;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  status: ProductStatus;
  tags: string[];
  templateSuffix: string | null;
  seo: { title: string | null; description: string | null };
  options: OptionRecord[];
  variants: VariantRecord[];
  media: MediaRecord[];
  metafields: MetafieldRecord[];
  translations: TranslationRecord[];
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface AddressRecord {
  id: number;
  firstName: string;
  lastName: string;
  address1: string;
  city: string;
  province: string | null;
  provinceCode: string | null;
  country: string;
  countryCode: string;
  zip: string;
  phone: string | null;
}

export type CustomerState = "DECLINED" | "DISABLED" | "ENABLED" | "INVITED";
export type EmailMarketingState = "NOT_SUBSCRIBED" | "PENDING" | "SUBSCRIBED" | "UNSUBSCRIBED";

export interface CustomerRecord {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  locale: string;
  tags: string[];
  note: string | null;
  state: CustomerState;
  verifiedEmail: boolean;
  emailMarketingState: EmailMarketingState;
  /** Set by the consent mutations; generated customers leave them out (derived in the view). */
  emailMarketingOptInLevel?: "CONFIRMED_OPT_IN" | "SINGLE_OPT_IN" | "UNKNOWN" | null;
  emailMarketingConsentUpdatedAt?: string | null;
  address: AddressRecord | null;
  metafields: MetafieldRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface LineItemRecord {
  id: number;
  productId: number | null;
  variantId: number | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
  quantity: number;
  price: string;
}

export type FinancialStatus = "PAID" | "PARTIALLY_REFUNDED" | "PENDING" | "REFUNDED" | "VOIDED";
export type FulfillmentStatus = "FULFILLED" | "PARTIALLY_FULFILLED" | "UNFULFILLED";

export interface OrderRecord {
  id: number;
  number: number;
  customerId: number | null;
  email: string | null;
  currencyCode: string;
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentStatus;
  lineItems: LineItemRecord[];
  subtotalPrice: string;
  totalDiscounts: string;
  totalShipping: string;
  totalTax: string;
  totalPrice: string;
  discountCodes: string[];
  tags: string[];
  sourceName: string;
  customerLocale: string | null;
  shippingAddress: AddressRecord | null;
  cancelledAt: string | null;
  closedAt: string | null;
  metafields: MetafieldRecord[];
  processedAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface ShopRecord {
  id: number;
  name: string;
  domain: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  primaryLocale: string;
  /** Published locales besides the primary one (for translations). */
  locales: string[];
  planName: string;
  metafields: MetafieldRecord[];
  createdAt: string;
}

export interface WebhookSubscriptionRecord {
  id: number;
  topic: string;
  uri: string;
  format: "JSON" | "XML";
  filter: string | null;
  includeFields: string[];
  metafieldNamespaces: string[];
  name: string | null;
  createdAt: string;
  updatedAt: string;
}

export type BulkOperationStatus =
  "CANCELED" | "CANCELING" | "COMPLETED" | "CREATED" | "EXPIRED" | "FAILED" | "RUNNING";

export interface BulkOperationRecord {
  id: number;
  query: string;
  groupObjects: boolean;
  status: BulkOperationStatus;
  errorCode: "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT" | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  /** Local path of the JSONL result once COMPLETED. */
  filePath: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface FileRecord {
  id: number;
  kind: "GenericFile" | "MediaImage";
  alt: string | null;
  url: string;
  mimeType: string;
  fileSize: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface StagedUploadRecord {
  /** The `resourceUrl` handed out by stagedUploadsCreate (what fileCreate accepts as originalSource). */
  resourceUrl: string;
  filename: string;
  mimeType: string;
  /** Bytes received by the emulator's staged-upload endpoint, if the client uploaded. */
  bytes: Buffer | null;
}

export type AppSubscriptionStatus = "ACTIVE" | "CANCELLED" | "DECLINED" | "EXPIRED" | "FROZEN" | "PENDING";

export interface AppSubscriptionLineItemRecord {
  id: number;
  kind: "recurring" | "usage";
  price: { amount: string; currencyCode: string };
  interval: "ANNUAL" | "EVERY_30_DAYS";
  terms: string | null;
}

export interface AppUsageRecordRecord {
  id: number;
  lineItemId: number;
  subscriptionId: number;
  description: string;
  idempotencyKey: string | null;
  price: { amount: string; currencyCode: string };
  createdAt: string;
}

export interface AppSubscriptionRecord {
  id: number;
  name: string;
  status: AppSubscriptionStatus;
  test: boolean;
  trialDays: number;
  returnUrl: string;
  lineItems: AppSubscriptionLineItemRecord[];
  createdAt: string;
  currentPeriodEnd: string | null;
}
