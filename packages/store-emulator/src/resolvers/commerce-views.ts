// Customers, orders, line items and addresses (what segment analysis reads).
import type { GraphQLResolveInfo } from "graphql";
import { toGid } from "../gid.js";
import type { ConnectionArgs } from "../graphql/connection.js";
import { filterBySearch } from "../graphql/search-query.js";
import type { AddressRecord, CustomerRecord, LineItemRecord, OrderRecord } from "../store/types.js";
import { byId, resolveConnection, type ResolverContext, type View } from "./context.js";
import { metafieldFields, money, moneyBag } from "./common-views.js";
import { productView, variantView } from "./product-views.js";
import { orderSearch } from "./search-schemas.js";
import { orderSortKey } from "./sort-keys.js";

export function addressView(address: AddressRecord): View {
  return {
    __typename: "MailingAddress",
    id: toGid("MailingAddress", address.id),
    firstName: address.firstName,
    lastName: address.lastName,
    name: `${address.firstName} ${address.lastName}`,
    address1: address.address1,
    address2: null,
    city: address.city,
    province: address.province,
    provinceCode: address.provinceCode,
    country: address.country,
    countryCode: address.countryCode,
    countryCodeV2: address.countryCode,
    zip: address.zip,
    phone: address.phone,
    company: null,
    coordinatesValidated: false,
    latitude: null,
    longitude: null,
    timeZone: null,
    formattedArea: [address.city, address.province, address.country].filter(Boolean).join(", "),
    formatted: () => [address.address1, `${address.zip} ${address.city}`, address.country],
  };
}

/** As recorded by the consent mutations; generated customers: single opt-in when subscribed. */
const optInLevel = (customer: CustomerRecord): string | null =>
  customer.emailMarketingOptInLevel !== undefined
    ? customer.emailMarketingOptInLevel
    : customer.emailMarketingState === "SUBSCRIBED"
      ? "SINGLE_OPT_IN"
      : null;

const consentUpdatedAt = (customer: CustomerRecord): string | null =>
  customer.emailMarketingConsentUpdatedAt !== undefined
    ? customer.emailMarketingConsentUpdatedAt
    : customer.updatedAt;

export function customerView(customer: CustomerRecord, ctx: ResolverContext): View {
  const { store } = ctx;
  const currency = store.shop.currencyCode;
  const stats = () => store.customerStats(customer.id);
  const self: View = {
    __typename: "Customer",
    id: toGid("Customer", customer.id),
    legacyResourceId: String(customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: `${customer.firstName} ${customer.lastName}`.trim() || (customer.email ?? ""),
    email: customer.email,
    phone: customer.phone,
    defaultEmailAddress: customer.email
      ? {
          emailAddress: customer.email,
          marketingState: customer.emailMarketingState,
          marketingOptInLevel: optInLevel(customer),
          marketingUpdatedAt: consentUpdatedAt(customer),
          validFormat: true,
          openTrackingLevel: "UNKNOWN",
          marketingUnsubscribeUrl: `https://example.com/unsubscribe/${customer.id}`,
          openTrackingUrl: `https://example.com/open/${customer.id}`,
          sourceLocation: null,
        }
      : null,
    defaultPhoneNumber: null,
    emailMarketingConsent: customer.email
      ? {
          marketingState: customer.emailMarketingState,
          marketingOptInLevel: optInLevel(customer),
          consentUpdatedAt: consentUpdatedAt(customer),
          sourceLocation: null,
        }
      : null,
    smsMarketingConsent: null,
    locale: customer.locale,
    tags: customer.tags,
    note: customer.note,
    state: customer.state,
    verifiedEmail: customer.verifiedEmail,
    validEmailAddress: customer.email !== null,
    taxExempt: false,
    taxExemptions: [],
    dataSaleOptOut: false,
    canDelete: () => stats().count === 0,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
    numberOfOrders: () => String(stats().count),
    amountSpent: () => money(stats().spent, currency),
    lastOrder: () => {
      const last = stats().lastOrder;
      return last ? orderView(last, ctx) : null;
    },
    lifetimeDuration: "",
    defaultAddress: customer.address ? addressView(customer.address) : null,
    addresses: () => (customer.address ? [addressView(customer.address)] : []),
    addressesV2: (args: ConnectionArgs, c: ResolverContext, info: GraphQLResolveInfo) =>
      resolveConnection(customer.address ? [customer.address] : [], args, c, info, byId, addressView),
    orders: (
      args: ConnectionArgs & { query?: string | null; sortKey?: string | null },
      c: ResolverContext,
      info: GraphQLResolveInfo,
    ) =>
      resolveConnection(
        filterBySearch(store.customerOrders(customer.id), args.query, orderSearch(store)),
        args,
        c,
        info,
        orderSortKey(args.sortKey ?? "ID", store),
        (o) => orderView(o, c),
      ),
    statistics: { predictedSpendTier: null, rfmGroup: null },
    image: { url: "https://example.com/avatar.png", altText: null, width: 64, height: 64, id: null },
  };
  Object.assign(
    self,
    metafieldFields(
      () => customer.metafields,
      "CUSTOMER",
      () => self,
    ),
  );
  return self;
}

function lineItemView(item: LineItemRecord, order: OrderRecord, ctx: ResolverContext): View {
  const currency = order.currencyCode;
  const total = (Number(item.price) * item.quantity).toFixed(2);
  return {
    __typename: "LineItem",
    id: toGid("LineItem", item.id),
    title: item.title,
    name: item.variantTitle ? `${item.title} - ${item.variantTitle}` : item.title,
    variantTitle: item.variantTitle,
    sku: item.sku,
    vendor: item.vendor,
    quantity: item.quantity,
    currentQuantity: order.cancelledAt ? 0 : item.quantity,
    unfulfilledQuantity: order.fulfillmentStatus === "FULFILLED" ? 0 : item.quantity,
    refundableQuantity: item.quantity,
    nonFulfillableQuantity: 0,
    isGiftCard: false,
    requiresShipping: true,
    taxable: true,
    merchantEditable: true,
    restockable: true,
    customAttributes: [],
    discountAllocations: [],
    duties: [],
    taxLines: () => [],
    originalUnitPriceSet: moneyBag(item.price, currency),
    discountedUnitPriceSet: moneyBag(item.price, currency),
    discountedUnitPriceAfterAllDiscountsSet: moneyBag(item.price, currency),
    originalTotalSet: moneyBag(total, currency),
    discountedTotalSet: () => moneyBag(total, currency),
    totalDiscountSet: moneyBag("0.00", currency),
    unfulfilledDiscountedTotalSet: moneyBag(total, currency),
    unfulfilledOriginalTotalSet: moneyBag(total, currency),
    priceAfterAllDiscountsBeforeTaxesSet: moneyBag(total, currency),
    product: () => {
      const product = item.productId === null ? undefined : ctx.store.getProduct(item.productId);
      return product ? productView(product, ctx.store.shop.currencyCode) : null;
    },
    variant: () => {
      if (item.variantId === null) return null;
      const product = ctx.store.productOfVariant(item.variantId);
      const variant = product?.variants.find((v) => v.id === item.variantId);
      return product && variant ? variantView(variant, product, ctx.store.shop.currencyCode) : null;
    },
  };
}

const FINANCIAL_DISPLAY: Record<OrderRecord["financialStatus"], string> = {
  PAID: "PAID",
  PARTIALLY_REFUNDED: "PARTIALLY_REFUNDED",
  PENDING: "PENDING",
  REFUNDED: "REFUNDED",
  VOIDED: "VOIDED",
};

export function orderView(order: OrderRecord, ctx: ResolverContext): View {
  const currency = order.currencyCode;
  const quantity = order.lineItems.reduce((sum, item) => sum + item.quantity, 0);
  const refunded = order.financialStatus === "REFUNDED" ? order.totalPrice : "0.00";
  const self: View = {
    __typename: "Order",
    id: toGid("Order", order.id),
    legacyResourceId: String(order.id),
    name: `#${order.number}`,
    number: order.number,
    email: order.email,
    phone: null,
    note: null,
    poNumber: null,
    test: false,
    confirmed: true,
    closed: order.closedAt !== null,
    closedAt: order.closedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelledAt ? "CUSTOMER" : null,
    createdAt: order.createdAt,
    processedAt: order.processedAt,
    updatedAt: order.updatedAt,
    currencyCode: currency,
    presentmentCurrencyCode: currency,
    customerLocale: order.customerLocale,
    sourceName: order.sourceName,
    tags: order.tags,
    discountCode: order.discountCodes[0] ?? null,
    discountCodes: order.discountCodes,
    displayFinancialStatus: FINANCIAL_DISPLAY[order.financialStatus],
    displayFulfillmentStatus: order.fulfillmentStatus,
    fullyPaid: order.financialStatus === "PAID",
    unpaid: order.financialStatus === "PENDING",
    taxesIncluded: false,
    taxExempt: false,
    edited: false,
    customerAcceptsMarketing: false,
    subtotalLineItemsQuantity: quantity,
    currentSubtotalLineItemsQuantity: order.cancelledAt ? 0 : quantity,
    subtotalPriceSet: moneyBag(order.subtotalPrice, currency),
    currentSubtotalPriceSet: moneyBag(order.subtotalPrice, currency),
    totalPriceSet: moneyBag(order.totalPrice, currency),
    currentTotalPriceSet: moneyBag(order.totalPrice, currency),
    originalTotalPriceSet: moneyBag(order.totalPrice, currency),
    totalDiscountsSet: moneyBag(order.totalDiscounts, currency),
    currentTotalDiscountsSet: moneyBag(order.totalDiscounts, currency),
    totalShippingPriceSet: moneyBag(order.totalShipping, currency),
    currentShippingPriceSet: moneyBag(order.totalShipping, currency),
    totalTaxSet: moneyBag(order.totalTax, currency),
    currentTotalTaxSet: moneyBag(order.totalTax, currency),
    totalRefundedSet: moneyBag(refunded, currency),
    totalReceivedSet: moneyBag(order.financialStatus === "PENDING" ? "0.00" : order.totalPrice, currency),
    netPaymentSet: moneyBag(order.totalPrice, currency),
    totalOutstandingSet: moneyBag(order.financialStatus === "PENDING" ? order.totalPrice : "0.00", currency),
    shippingAddress: order.shippingAddress ? addressView(order.shippingAddress) : null,
    billingAddress: order.shippingAddress ? addressView(order.shippingAddress) : null,
    displayAddress: order.shippingAddress ? addressView(order.shippingAddress) : null,
    customer: () => {
      const customer = order.customerId === null ? undefined : ctx.store.customers.get(order.customerId);
      return customer ? customerView(customer, ctx) : null;
    },
    lineItems: (args: ConnectionArgs, c: ResolverContext, info: GraphQLResolveInfo) =>
      resolveConnection(order.lineItems, args, c, info, byId, (item) => lineItemView(item, order, c)),
  };
  Object.assign(
    self,
    metafieldFields(
      () => order.metafields,
      "ORDER",
      () => self,
    ),
  );
  return self;
}
