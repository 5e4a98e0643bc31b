// Which record owns a metafield, from the owner's GID: shared by metafieldsSet, metafieldsDelete
// and the definitions' metafield counts.
import { gidNumber } from "../gid.js";
import type { MetafieldRecord } from "../store/types.js";
import type { ResolverContext, View } from "./context.js";
import { appInstallationView } from "./query.js";
import { customerView, orderView, productView, shopView, variantView } from "./views.js";

export interface MetafieldOwner {
  list: MetafieldRecord[];
  /** MetafieldOwnerType (app-installation metafields are API_PERMISSION, as Shopify names them). */
  type: string;
  view: () => View;
}

/** The owner of `gid` (Product, ProductVariant, Customer, Order, Shop, AppInstallation), or null. */
export function metafieldOwner(gid: string, ctx: ResolverContext): MetafieldOwner | null {
  const { store } = ctx;
  const currency = store.shop.currencyCode;
  const productId = gidNumber(gid, "Product");
  if (productId !== null) {
    const product = store.getProduct(productId);
    return product
      ? { list: product.metafields, type: "PRODUCT", view: () => productView(product, currency) }
      : null;
  }
  const variantId = gidNumber(gid, "ProductVariant");
  if (variantId !== null) {
    const product = store.productOfVariant(variantId);
    const variant = product?.variants.find((v) => v.id === variantId);
    return product && variant
      ? {
          list: variant.metafields,
          type: "PRODUCTVARIANT",
          view: () => variantView(variant, product, currency),
        }
      : null;
  }
  const customerId = gidNumber(gid, "Customer");
  if (customerId !== null) {
    const customer = store.customers.get(customerId);
    return customer
      ? { list: customer.metafields, type: "CUSTOMER", view: () => customerView(customer, ctx) }
      : null;
  }
  const orderId = gidNumber(gid, "Order");
  if (orderId !== null) {
    const order = store.orders.get(orderId);
    return order ? { list: order.metafields, type: "ORDER", view: () => orderView(order, ctx) } : null;
  }
  if (gidNumber(gid, "Shop") === store.shop.id) {
    return { list: store.shop.metafields, type: "SHOP", view: () => shopView(store.shop) };
  }
  if (gidNumber(gid, "AppInstallation") === ctx.services.app.id) {
    return { list: store.appMetafields, type: "API_PERMISSION", view: () => appInstallationView(ctx) };
  }
  return null;
}

/** Every metafield list of an owner type (for a definition's `metafieldsCount`). */
export function metafieldListsOf(ownerType: string, ctx: ResolverContext): MetafieldRecord[][] {
  const { store } = ctx;
  switch (ownerType) {
    case "PRODUCT":
      return [...store.products.values()].map((p) => p.metafields);
    case "PRODUCTVARIANT":
      return [...store.products.values()].flatMap((p) => p.variants.map((v) => v.metafields));
    case "CUSTOMER":
      return [...store.customers.values()].map((c) => c.metafields);
    case "ORDER":
      return [...store.orders.values()].map((o) => o.metafields);
    case "SHOP":
      return [store.shop.metafields];
    default:
      return [];
  }
}
