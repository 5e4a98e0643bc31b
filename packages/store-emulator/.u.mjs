import zlib from "node:zlib"; import fs from "node:fs";
import { buildClientSchema } from "graphql";
const j = JSON.parse(zlib.gunzipSync(fs.readFileSync("packages/store-emulator/schema/admin-2026-10.json.gz")));
const s = buildClientSchema(j.data ?? j);
for (const n of process.argv.slice(2)) { const f = s.getQueryType().getFields()[n] ?? s.getMutationType().getFields()[n]; console.log(n, f ? f.args.map(a=>a.name+":"+a.type).join(", ")+" -> "+f.type : "none"); }
