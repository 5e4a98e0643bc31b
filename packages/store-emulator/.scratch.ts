import { generateStore, writeBulkJsonl } from "./src/index.js";
const which = process.argv[2];
let t = Date.now();
if (which === "jsonl") { const s = await writeBulkJsonl("/tmp/b.jsonl", { seed: 1, products: 100000 }); console.log("jsonl", Date.now() - t, s.lines, s.variants, Math.round(process.memoryUsage().rss / 1e6), "MB"); }
else { const st = generateStore({ seed: 1, products: 100000, customers: 0, orders: 0 }); console.log("store", Date.now() - t, st.products.size, Math.round(process.memoryUsage().rss / 1e6), "MB"); }
