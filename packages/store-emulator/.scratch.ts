import { start } from "./src/index.js";
const t0 = Date.now();
const e = await start({ generate: { seed: 1, products: 30, customers: 50, orders: 300 } });
console.log("started", Date.now() - t0, "ms", e.graphqlUrl);
async function q(query: string, variables?: unknown) {
  const r = await fetch(e.graphqlUrl, { method: "POST", headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": e.accessToken }, body: JSON.stringify({ query, variables }) });
  return { status: r.status, body: await r.json() };
}
console.log(JSON.stringify(await q(`{ shop { name myshopifyDomain currencyCode } products(first: 2, sortKey: TITLE) { edges { cursor node { id title handle status vendor seo { title description } variants(first: 3) { nodes { id title price sku selectedOptions { name value } } } media(first: 2) { nodes { id alt ... on MediaImage { image { url } } } } metafields(first: 3) { nodes { namespace key value } } } } pageInfo { hasNextPage endCursor } } }`), null, 1).slice(0, 3000));
console.log(JSON.stringify(await q(`{ products(first: 2) { edges { node { id title foo } } } }`)));
console.log(JSON.stringify(await q(`query($id: ID!) { product(id: $id) { id } }`, {})));
console.log(JSON.stringify(await q(`{ products(first: 2 { id }`)));
console.log(JSON.stringify(await q(`{ collections(first: 2) { nodes { id } } }`)));
console.log(JSON.stringify(await q(`{ customers(first: 2) { nodes { id email numberOfOrders amountSpent { amount currencyCode } lastOrder { name } } } orders(first: 2, reverse: true) { nodes { name totalPriceSet { shopMoney { amount } } customer { id } lineItems(first: 3) { nodes { title quantity } } } } }`)));
const ps = await q(`mutation($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { product { id title handle variants(first: 5) { nodes { id title price } } } userErrors { field message code } } }`, { input: { title: "Emulated Tee", productOptions: [{ name: "Size", values: [{ name: "S" }, { name: "M" }] }], variants: [{ optionValues: [{ optionName: "Size", name: "S" }], price: "10.00" }, { optionValues: [{ optionName: "Size", name: "M" }], price: "12.00" }] } });
console.log(JSON.stringify(ps));
const bulk = await q(`mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { field message } } }`, { q: `{ products { edges { node { id title variants { edges { node { id price } } } } } } }` });
console.log(JSON.stringify(bulk));
for (;;) { const c = await q(`{ currentBulkOperation { id status objectCount rootObjectCount url } }`); const op = c.body.data?.currentBulkOperation; console.log(JSON.stringify(c.body).slice(0,300)); if (op.status === "COMPLETED") { console.log(op); const text = await (await fetch(op.url)).text(); console.log(text.split("\n").slice(0, 4).join("\n")); break; } await new Promise(r => setTimeout(r, 20)); }
await e.close();
