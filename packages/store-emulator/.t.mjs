import zlib from "node:zlib"; import fs from "node:fs";
import { buildClientSchema, isObjectType, isInputObjectType, isInterfaceType, isEnumType, isUnionType } from "graphql";
const j = JSON.parse(zlib.gunzipSync(fs.readFileSync("packages/store-emulator/schema/admin-2026-10.json.gz")));
const s = buildClientSchema(j.data ?? j);
for (const n of process.argv.slice(2)) { const t = s.getType(n); if (!t) { console.log(n, "NONE"); continue; }
 if (isEnumType(t)) { console.log(`enum ${n}: ${t.getValues().map(v=>v.name + (v.deprecationReason?"(dep)":"")).join(" ")}`); continue; }
 if (isUnionType(t)) { console.log(`union ${n}: ${t.getTypes().map(x=>x.name).join(" ")}`); continue; }
 const f = t.getFields(); console.log(`${n}${isObjectType(t)||isInterfaceType(t) ? " implements "+t.getInterfaces().map(i=>i.name).join(","):""} {`+ Object.values(f).map(x=>`${x.name}${x.args&&x.args.length?"("+x.args.map(a=>a.name+":"+a.type).join(",")+")":""}:${x.type}${x.deprecationReason?"(dep)":""}`).join("; ")+"}"); }
