import { z } from "zod";
import { toFieldIssues } from "../internal/zod.js";
import type { AITask, TaskContext } from "./types.js";

export interface ResponseFormat {
  type: "json_schema";
  json_schema: { name: string; schema: Record<string, unknown>; strict: boolean };
}

const schemaCache = new WeakMap<object, ResponseFormat>();

// OpenAI strict mode accepts a subset of JSON Schema: every property required, no extra keys.
function allRequired(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(allRequired);
  if (node === null || typeof node !== "object") return true;
  const obj = node as Record<string, unknown>;
  if (obj["type"] === "object" && obj["properties"] && typeof obj["properties"] === "object") {
    const keys = Object.keys(obj["properties"]);
    const required = Array.isArray(obj["required"]) ? (obj["required"] as unknown[]) : [];
    if (keys.some((k) => !required.includes(k))) return false;
  }
  return Object.values(obj).every(allRequired);
}

/**
 * The `response_format` for a task: its zod schema as JSON Schema. Strict (guaranteed to match)
 * when the schema fits OpenAI's strict subset, i.e. every field required (use `.nullable()`
 * rather than `.optional()` in task schemas).
 */
export function responseFormatFor(task: Pick<AITask<unknown, unknown>, "name" | "schema">): ResponseFormat {
  const hit = schemaCache.get(task.schema);
  if (hit) return hit;
  const { $schema: _ignored, ...schema } = z.toJSONSchema(task.schema, {
    io: "output",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  const format: ResponseFormat = {
    type: "json_schema",
    json_schema: {
      name: task.name.replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64),
      schema,
      strict: allRequired(schema),
    },
  };
  schemaCache.set(task.schema, format);
  return format;
}

/**
 * Parses a model's reply and holds it to the task's contract: JSON, the schema, then the
 * caller's limits. Returns the output or the list of problems to send back for a repair.
 */
export function validateOutput<I, O>(
  task: AITask<I, O>,
  content: string | null | undefined,
  input: I,
  ctx: TaskContext,
): { ok: true; output: O } | { ok: false; problems: string[] } {
  if (content === null || content === undefined || content.trim() === "") {
    return { ok: false, problems: ["The reply was empty; answer with a JSON object."] };
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return { ok: false, problems: [`The reply is not valid JSON (${(error as Error).message}).`] };
  }
  const parsed = task.schema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: toFieldIssues(parsed.error).map((i) => `${i.path}: ${i.message}`) };
  }
  const problems = task.check?.(parsed.data, input, ctx) ?? [];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, output: parsed.data };
}

/** The follow-up message of a repair attempt: what was wrong, and the demand to fix only that. */
export function repairMessage(problems: readonly string[]): string {
  return [
    "Your previous answer did not meet the requirements:",
    ...problems.map((p) => `- ${p}`),
    "Reply again with the complete corrected JSON object only.",
  ].join("\n");
}
