// Validation and upsert of metafields, shared by metafieldsSet and the `metafields` of product inputs.
import { createHash } from "node:crypto";
import type { Store } from "../store/store.js";
import type { MetafieldRecord } from "../store/types.js";

export interface MetafieldInput {
  namespace?: string | null;
  key?: string | null;
  type?: string | null;
  value?: string | null;
  id?: string | null;
  compareDigest?: string | null;
}

export interface MetafieldProblem {
  field: string[];
  message: string;
  code: string;
}

/** `$app` namespaces are stored as Shopify resolves them: `app--<app id>[--suffix]`. */
export function resolveNamespace(namespace: string | null | undefined, appId: number): string {
  const ns = namespace ?? "$app";
  if (ns === "$app") return `app--${appId}`;
  if (ns.startsWith("$app:")) return `app--${appId}--${ns.slice(5)}`;
  return ns;
}

function valueProblem(type: string, value: string): string | null {
  switch (type) {
    case "number_integer":
      return /^-?\d+$/.test(value) ? null : "Value must be an integer.";
    case "number_decimal":
      return /^-?\d+(\.\d+)?$/.test(value) ? null : "Value must be a decimal.";
    case "boolean":
      return value === "true" || value === "false" ? null : "Value must be true or false.";
    case "single_line_text_field":
      return value.includes("\n") ? "Value must be a single line text string." : null;
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : "Value must be in YYYY-MM-DD format.";
    case "date_time":
      return Number.isFinite(Date.parse(value)) ? null : "Value must be in ISO 8601 format.";
    case "url":
      return /^(https?|mailto|sms|tel):/.test(value) ? null : "Value must be a valid URL.";
    case "color":
      return /^#[0-9a-fA-F]{6}$/.test(value) ? null : "Value must be a hex color code.";
    default:
      break;
  }
  if (
    type === "json" ||
    type === "rating" ||
    type === "money" ||
    type === "dimension" ||
    type === "weight" ||
    type === "volume" ||
    type.startsWith("list.")
  ) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (type.startsWith("list.") && !Array.isArray(parsed)) return "Value must be an array.";
      return null;
    } catch {
      return "Value is invalid JSON.";
    }
  }
  return null;
}

const KNOWN_TYPE =
  /^(list\.)?(boolean|collection_reference|color|customer_reference|date|date_time|dimension|file_reference|id|json|link|metaobject_reference|mixed_reference|money|multi_line_text_field|number_decimal|number_integer|page_reference|product_reference|product_taxonomy_value_reference|rating|rich_text_field|single_line_text_field|url|variant_reference|volume|weight|company_reference)$/;

/**
 * Checks one metafield input against the owner's existing metafields; returns the problems, each
 * with a field path relative to `path`.
 */
export function checkMetafieldInput(
  input: MetafieldInput,
  existing: readonly MetafieldRecord[],
  appId: number,
  path: string[],
): MetafieldProblem[] {
  const problems: MetafieldProblem[] = [];
  const key = input.key ?? "";
  const namespace = resolveNamespace(input.namespace, appId);
  if (!/^[a-zA-Z0-9_-]{2,64}$/.test(key)) {
    problems.push({
      field: [...path, "key"],
      message:
        key.length < 2
          ? "Key is too short (minimum is 2 characters)"
          : "Key contains one or more invalid characters.",
      code: key.length < 2 ? "TOO_SHORT" : "INVALID",
    });
  }
  if (namespace.length < 2 || namespace.length > 255) {
    problems.push({
      field: [...path, "namespace"],
      message: "Namespace is too short (minimum is 2 characters)",
      code: "TOO_SHORT",
    });
  }
  const current = existing.find((m) => m.namespace === namespace && m.key === key);
  const type = input.type ?? current?.type ?? null;
  if (type === null)
    problems.push({ field: [...path, "type"], message: "Type can't be blank", code: "BLANK" });
  else if (!KNOWN_TYPE.test(type))
    problems.push({
      field: [...path, "type"],
      message: `Type '${type}' is not a valid type.`,
      code: "INVALID_TYPE",
    });
  else if (current && current.type !== type) {
    problems.push({
      field: [...path, "type"],
      message: `Type '${type}' must be consistent with the definition's type: '${current.type}'.`,
      code: "INVALID_TYPE",
    });
  }
  const value = input.value ?? null;
  if (value === null)
    problems.push({ field: [...path, "value"], message: "Value can't be blank", code: "BLANK" });
  else if (type !== null) {
    const problem = valueProblem(type, value);
    if (problem) problems.push({ field: [...path, "value"], message: problem, code: "INVALID_VALUE" });
  }
  if (input.compareDigest !== undefined && input.compareDigest !== null && current) {
    if (input.compareDigest !== digestOf(current)) {
      problems.push({
        field: [...path, "compareDigest"],
        message:
          "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.",
        code: "STALE_OBJECT",
      });
    }
  }
  return problems;
}

/** Matches the view's `compareDigest`. */
export function digestOf(metafield: MetafieldRecord): string {
  return metafieldDigest(metafield.namespace, metafield.key, metafield.value);
}

export function metafieldDigest(namespace: string, key: string, value: string): string {
  return createHash("sha256").update(`${namespace}.${key}:${value}`).digest("hex");
}

/** Creates or updates a metafield in `list` (already validated); returns the stored record. */
export function upsertMetafield(
  list: MetafieldRecord[],
  input: MetafieldInput,
  store: Store,
  appId: number,
): MetafieldRecord {
  const namespace = resolveNamespace(input.namespace, appId);
  const key = input.key ?? "";
  const now = store.now();
  const current = list.find((m) => m.namespace === namespace && m.key === key);
  if (current) {
    if (current.value !== input.value || (input.type && current.type !== input.type)) current.updatedAt = now;
    current.value = input.value ?? current.value;
    current.type = input.type ?? current.type;
    return current;
  }
  const created: MetafieldRecord = {
    id: store.nextId(),
    namespace,
    key,
    type: input.type ?? "single_line_text_field",
    value: input.value ?? "",
    createdAt: now,
    updatedAt: now,
  };
  list.push(created);
  return created;
}
