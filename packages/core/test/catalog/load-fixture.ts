import { readFileSync } from "node:fs";
import { parseAliExpressJson } from "../../src/catalog/aliexpress/loose.js";

/** Reads a fixture the way the client reads a response body: big SKU ids stay exact. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

export function loadFixture(name: string): unknown {
  return parseAliExpressJson(fixtureText(name));
}
