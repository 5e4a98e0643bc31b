// Webhook bodies shaped like Shopify's REST webhook payloads for each topic (snake_case, numeric
// ids, `admin_graphql_api_id`), built from the store's records at the moment of the change.
import { toGid } from "../gid.js";
import type { Store, StoreChange } from "../store/store.js";
import type {
  AddressRecord,
  BulkOperationRecord,
  CustomerRecord,
  OrderRecord,
  ProductRecord,
  ShopRecord,
} from "../store/types.js";

/** Shopify's REST timestamps carry the shop's offset; the emulator's shop runs on UTC. */
const rest = (iso: string | null): string | null => (iso === null ? null : iso.replace(/Z$/, "+00:00"));

export function productPayload(product: ProductRecord): Record<string, unknown> {
  const images = product.media.map((media, index) => ({
    id: media.id,
    alt: media.alt,
    position: index + 1,
    product_id: product.id,
    created_at: rest(media.createdAt),
    updated_at: rest(media.createdAt),
    admin_graphql_api_id: toGid("ProductImage", media.id),
    width: media.width,
    height: media.height,
    src: media.url,
    variant_ids: [],
  }));
  return {
    admin_graphql_api_id: toGid("Product", product.id),
    body_html: product.descriptionHtml,
    created_at: rest(product.createdAt),
    handle: product.handle,
    id: product.id,
    product_type: product.productType,
    published_at: rest(product.publishedAt),
    template_suffix: product.templateSuffix,
    title: product.title,
    updated_at: rest(product.updatedAt),
    vendor: product.vendor,
    status: product.status.toLowerCase(),
    published_scope: "global",
    tags: product.tags.join(", "),
    variants: product.variants.map((variant) => ({
      admin_graphql_api_id: toGid("ProductVariant", variant.id),
      barcode: variant.barcode,
      compare_at_price: variant.compareAtPrice,
      created_at: rest(variant.createdAt),
      id: variant.id,
      inventory_policy: variant.inventoryPolicy.toLowerCase(),
      position: variant.position,
      price: variant.price,
      product_id: product.id,
      sku: variant.sku,
      taxable: variant.taxable,
      title: variant.title,
      updated_at: rest(variant.updatedAt),
      option1: variant.selectedOptions[0]?.value ?? null,
      option2: variant.selectedOptions[1]?.value ?? null,
      option3: variant.selectedOptions[2]?.value ?? null,
      image_id: null,
      inventory_item_id: variant.inventoryItemId,
      inventory_quantity: variant.inventoryQuantity,
      old_inventory_quantity: variant.inventoryQuantity,
    })),
    options: product.options.map((option) => ({
      name: option.name,
      id: option.id,
      product_id: product.id,
      position: option.position,
      values: option.values.map((v) => v.name),
    })),
    images,
    image: images[0] ?? null,
    media: product.media.map((media, index) => ({
      id: media.id,
      product_id: product.id,
      position: index + 1,
      created_at: rest(media.createdAt),
      updated_at: rest(media.createdAt),
      alt: media.alt,
      status: "READY",
      media_content_type: "IMAGE",
      preview_image: { width: media.width, height: media.height, src: media.url, status: "READY" },
      variant_ids: [],
      admin_graphql_api_id: toGid("MediaImage", media.id),
    })),
    variant_gids: product.variants.map((v) => ({
      admin_graphql_api_id: toGid("ProductVariant", v.id),
      updated_at: rest(v.updatedAt),
    })),
    has_variants_that_requires_components: false,
    category: null,
  };
}

function addressPayload(
  address: AddressRecord | null,
  customerId: number | null,
): Record<string, unknown> | null {
  if (!address) return null;
  return {
    id: address.id,
    customer_id: customerId,
    first_name: address.firstName,
    last_name: address.lastName,
    company: null,
    address1: address.address1,
    address2: null,
    city: address.city,
    province: address.province,
    country: address.country,
    zip: address.zip,
    phone: address.phone,
    name: `${address.firstName} ${address.lastName}`,
    province_code: address.provinceCode,
    country_code: address.countryCode,
    country_name: address.country,
    default: true,
  };
}

export function customerPayload(customer: CustomerRecord, store: Store): Record<string, unknown> {
  const stats = store.customerStats(customer.id);
  const address = addressPayload(customer.address, customer.id);
  return {
    id: customer.id,
    email: customer.email,
    created_at: rest(customer.createdAt),
    updated_at: rest(customer.updatedAt),
    first_name: customer.firstName,
    last_name: customer.lastName,
    orders_count: stats.count,
    state: customer.state.toLowerCase(),
    total_spent: stats.spent.toFixed(2),
    last_order_id: stats.lastOrder?.id ?? null,
    note: customer.note,
    verified_email: customer.verifiedEmail,
    multipass_identifier: null,
    tax_exempt: false,
    tags: customer.tags.join(", "),
    last_order_name: stats.lastOrder ? `#${stats.lastOrder.number}` : null,
    currency: store.shop.currencyCode,
    phone: customer.phone,
    addresses: address ? [address] : [],
    tax_exemptions: [],
    email_marketing_consent: customer.email
      ? {
          state: customer.emailMarketingState.toLowerCase(),
          opt_in_level: "single_opt_in",
          consent_updated_at: rest(customer.updatedAt),
        }
      : null,
    sms_marketing_consent: null,
    admin_graphql_api_id: toGid("Customer", customer.id),
    default_address: address,
  };
}

export function orderPayload(order: OrderRecord, store: Store): Record<string, unknown> {
  const customer = order.customerId === null ? undefined : store.customers.get(order.customerId);
  const money = (amount: string) => ({
    shop_money: { amount, currency_code: order.currencyCode },
    presentment_money: { amount, currency_code: order.currencyCode },
  });
  return {
    id: order.id,
    admin_graphql_api_id: toGid("Order", order.id),
    name: `#${order.number}`,
    number: order.number - 1000,
    order_number: order.number,
    email: order.email,
    contact_email: order.email,
    created_at: rest(order.createdAt),
    updated_at: rest(order.updatedAt),
    processed_at: rest(order.processedAt),
    cancelled_at: rest(order.cancelledAt),
    closed_at: rest(order.closedAt),
    currency: order.currencyCode,
    presentment_currency: order.currencyCode,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status:
      order.fulfillmentStatus === "UNFULFILLED"
        ? null
        : order.fulfillmentStatus === "FULFILLED"
          ? "fulfilled"
          : "partial",
    subtotal_price: order.subtotalPrice,
    total_discounts: order.totalDiscounts,
    total_tax: order.totalTax,
    total_price: order.totalPrice,
    current_total_price: order.cancelledAt ? "0.00" : order.totalPrice,
    total_price_set: money(order.totalPrice),
    total_shipping_price_set: money(order.totalShipping),
    discount_codes: order.discountCodes.map((code) => ({
      code,
      amount: order.totalDiscounts,
      type: "percentage",
    })),
    tags: order.tags.join(", "),
    source_name: order.sourceName,
    customer_locale: order.customerLocale,
    test: false,
    line_items: order.lineItems.map((item) => ({
      id: item.id,
      admin_graphql_api_id: toGid("LineItem", item.id),
      product_id: item.productId,
      variant_id: item.variantId,
      title: item.title,
      variant_title: item.variantTitle,
      name: item.variantTitle ? `${item.title} - ${item.variantTitle}` : item.title,
      sku: item.sku,
      vendor: item.vendor,
      quantity: item.quantity,
      price: item.price,
      price_set: money(item.price),
      total_discount: "0.00",
      taxable: true,
      requires_shipping: true,
      gift_card: false,
      fulfillable_quantity: order.fulfillmentStatus === "FULFILLED" ? 0 : item.quantity,
    })),
    shipping_address: addressPayload(order.shippingAddress, order.customerId),
    billing_address: addressPayload(order.shippingAddress, order.customerId),
    customer: customer
      ? {
          id: customer.id,
          email: customer.email,
          first_name: customer.firstName,
          last_name: customer.lastName,
          state: customer.state.toLowerCase(),
          admin_graphql_api_id: toGid("Customer", customer.id),
        }
      : null,
  };
}

export function bulkOperationFinishPayload(op: BulkOperationRecord): Record<string, unknown> {
  return {
    admin_graphql_api_id: toGid("BulkOperation", op.id),
    completed_at: rest(op.completedAt),
    created_at: rest(op.createdAt),
    error_code: op.errorCode?.toLowerCase() ?? null,
    status: op.status.toLowerCase(),
    type: "query",
  };
}

export function shopPayload(shop: ShopRecord): Record<string, unknown> {
  return {
    id: shop.id,
    name: shop.name,
    email: shop.email,
    domain: shop.domain,
    myshopify_domain: shop.domain,
    province: null,
    country: "FR",
    country_code: "FR",
    country_name: "France",
    currency: shop.currencyCode,
    customer_email: shop.email,
    iana_timezone: shop.ianaTimezone,
    timezone: `(GMT+01:00) ${shop.ianaTimezone}`,
    primary_locale: shop.primaryLocale,
    plan_name: shop.planName.toLowerCase(),
    plan_display_name: shop.planName,
    created_at: rest(shop.createdAt),
    updated_at: rest(shop.createdAt),
    shop_owner: "Emulated Owner",
    money_format: "€{{amount}}",
    has_storefront: true,
    setup_required: false,
  };
}

export function customersDataRequestPayload(
  shop: ShopRecord,
  customer: CustomerRecord,
  orderIds: number[],
  requestId: number,
): Record<string, unknown> {
  return {
    shop_id: shop.id,
    shop_domain: shop.domain,
    orders_requested: orderIds,
    customer: { id: customer.id, email: customer.email, phone: customer.phone },
    data_request: { id: requestId },
  };
}

export function customersRedactPayload(
  shop: ShopRecord,
  customer: CustomerRecord,
  orderIds: number[],
): Record<string, unknown> {
  return {
    shop_id: shop.id,
    shop_domain: shop.domain,
    customer: { id: customer.id, email: customer.email, phone: customer.phone },
    orders_to_redact: orderIds,
  };
}

export function shopRedactPayload(shop: ShopRecord): Record<string, unknown> {
  return { shop_id: shop.id, shop_domain: shop.domain };
}

export function appSubscriptionPayload(
  sub: { id: number; name: string; status: string; createdAt: string },
  shop: ShopRecord,
): Record<string, unknown> {
  return {
    app_subscription: {
      admin_graphql_api_id: toGid("AppSubscription", sub.id),
      name: sub.name,
      status: sub.status,
      admin_graphql_api_shop_id: toGid("Shop", shop.id),
      created_at: rest(sub.createdAt),
      updated_at: rest(sub.createdAt),
      currency: "USD",
      capped_amount: null,
    },
  };
}

/** The webhook body Shopify sends for a store change. */
export function payloadForChange(change: StoreChange, store: Store): Record<string, unknown> {
  switch (change.topic) {
    case "products/create":
    case "products/update":
      return productPayload(change.product);
    case "products/delete":
      return { id: change.productId };
    case "customers/create":
    case "customers/update":
      return customerPayload(change.customer, store);
    case "customers/delete":
      return {
        id: change.customerId,
        phone: null,
        addresses: [],
        tax_exemptions: [],
        email_marketing_consent: null,
        sms_marketing_consent: null,
        admin_graphql_api_id: toGid("Customer", change.customerId),
      };
    case "orders/create":
    case "orders/updated":
      return orderPayload(change.order, store);
    case "orders/delete":
      return { id: change.orderId };
    case "bulk_operations/finish":
      return bulkOperationFinishPayload(change.operation);
    case "app_subscriptions/update":
      return appSubscriptionPayload(change.subscription, store.shop);
  }
}
