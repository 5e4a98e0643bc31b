import { Store } from "../store/store.js";
import { generateOrders, generateCustomer } from "./people.js";
import { generateProduct, HandleAllocator } from "./products.js";

export interface GenerateOptions {
  seed: number;
  products: number;
  customers: number;
  orders: number;
  /** The shop's myshopify domain. */
  shop?: string;
}

/**
 * Builds a realistic store, the same for the same options: products (variants, images, SEO good
 * and bad, several languages, translations), customers and orders.
 *
 * @example
 * const store = generateStore({ seed: 1, products: 500, customers: 5_000, orders: 50_000 });
 */
export function generateStore(options: GenerateOptions): Store {
  const store = new Store({ domain: options.shop ?? "ninjalead-demo.myshopify.com" });
  const handles = new HandleAllocator();
  const locales = store.shop.locales;
  for (let i = 0; i < options.products; i += 1)
    store.insertProduct(generateProduct(options.seed, i, handles, locales).product);
  const customers = Array.from({ length: options.customers }, (_, i) => generateCustomer(options.seed, i));
  const orders = generateOrders(
    options.seed,
    options.orders,
    customers,
    [...store.products.values()],
    store.shop.currencyCode,
  );
  for (const customer of customers) store.insertCustomer(customer);
  for (const order of orders) store.insertOrder(order);
  return store;
}
