/**
 * Produces a value that satisfies a JSON Schema (the subset OpenAI's structured outputs accept),
 * with text taken from the request's own prompt, so answers are deterministic and relevant.
 */

type JsonSchema = Record<string, unknown>;

const isObject = (v: unknown): v is JsonSchema => typeof v === "object" && v !== null && !Array.isArray(v);

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Words of the prompt, CJK text split per character (it has no spaces). */
export function promptWords(text: string): string[] {
  const words = text
    .replace(/[{}[\]"`*#>|]/g, " ")
    .split(/\s+/u)
    .flatMap((w) => (/[\u3040-\u30ff\u4e00-\u9fff]/u.test(w) ? Array.from(w) : [w]))
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((w) => w.length > 0);
  return words.length > 0 ? words : ["generated"];
}

function isCjk(words: readonly string[]): boolean {
  return words.filter((w) => /[\u3040-\u30ff\u4e00-\u9fff]/u.test(w)).length > words.length / 2;
}

function makeString(schema: JsonSchema, words: readonly string[], seed: string): string {
  if (Array.isArray(schema["enum"]) && schema["enum"].length > 0) return String(schema["enum"][0]);
  if (typeof schema["const"] === "string") return schema["const"];
  const min = typeof schema["minLength"] === "number" ? schema["minLength"] : 0;
  const max = typeof schema["maxLength"] === "number" ? schema["maxLength"] : 120;
  const format = schema["format"];
  if (format === "email") return "hello@example.com";
  if (format === "uri" || format === "url") return "https://example.com/";
  if (format === "date-time") return "2026-01-01T00:00:00.000Z";
  if (format === "date") return "2026-01-01";
  const target = Math.max(min, Math.min(max, Math.max(min, 60)));
  const sep = isCjk(words) ? "" : " ";
  // Start where the prompt's first content is, so short fields lead with the product's name.
  const start = hash32(seed) % Math.max(1, Math.min(words.length, 3));
  let out = "";
  for (let i = 0; Array.from(out).length < target; i++) {
    const word = words[(start + i) % words.length] ?? "x";
    const next = out ? `${out}${sep}${word}` : word;
    if (Array.from(next).length > max) break;
    out = next;
  }
  while (Array.from(out).length < min) out += "x";
  return Array.from(out).slice(0, max).join("");
}

function makeNumber(schema: JsonSchema, integer: boolean): number {
  const min = typeof schema["minimum"] === "number" ? schema["minimum"] : undefined;
  const exMin = typeof schema["exclusiveMinimum"] === "number" ? schema["exclusiveMinimum"] : undefined;
  const max = typeof schema["maximum"] === "number" ? schema["maximum"] : undefined;
  let value = min ?? (exMin !== undefined ? exMin + (integer ? 1 : 0.5) : 1);
  if (max !== undefined && value > max) value = max;
  return integer ? Math.ceil(value) : value;
}

/** Fills `schema` (resolving local `$ref`s against `root`) from `words`. */
export function fillSchema(
  schema: unknown,
  words: readonly string[],
  root: unknown = schema,
  seed = "root",
): unknown {
  if (!isObject(schema)) return null;
  const ref = schema["$ref"];
  if (typeof ref === "string" && ref.startsWith("#/")) {
    const target = ref
      .slice(2)
      .split("/")
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), root);
    return fillSchema(target, words, root, seed);
  }
  if ("const" in schema) return schema["const"];
  if (Array.isArray(schema["enum"]) && schema["enum"].length > 0) return schema["enum"][0];
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const options: unknown = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const pick: unknown =
        (options as unknown[]).find((o) => isObject(o) && o["type"] !== "null") ?? (options as unknown[])[0];
      return fillSchema(pick, words, root, seed);
    }
  }
  const rawType: unknown = schema["type"];
  const type: unknown = Array.isArray(rawType)
    ? ((rawType as unknown[]).find((t) => t !== "null") ?? "null")
    : rawType;
  switch (type) {
    case "object": {
      const props = isObject(schema["properties"]) ? schema["properties"] : {};
      const out: Record<string, unknown> = {};
      for (const [name, sub] of Object.entries(props))
        out[name] = fillSchema(sub, words, root, `${seed}.${name}`);
      return out;
    }
    case "array": {
      const min = typeof schema["minItems"] === "number" ? schema["minItems"] : 1;
      const max = typeof schema["maxItems"] === "number" ? schema["maxItems"] : 3;
      const n = Math.max(min, Math.min(max, 3));
      return Array.from({ length: n }, (_, i) =>
        fillSchema(schema["items"], words.slice(i * 2).concat(words.slice(0, i * 2)), root, `${seed}.${i}`),
      );
    }
    case "string":
      return makeString(schema, words, seed);
    case "integer":
      return makeNumber(schema, true);
    case "number":
      return makeNumber(schema, false);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return makeString(schema, words, seed);
  }
}
