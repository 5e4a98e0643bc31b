import { writeBulkJsonl } from "./src/index.js";
let t = Date.now();
await writeBulkJsonl("/tmp/b.jsonl", { seed: 1, products: 30000 });
console.log("30k jsonl", Date.now() - t, "ms");
