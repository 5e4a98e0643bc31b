// Runs a bulk query in windows of the root connection and writes the JSONL result Shopify's way:
// one object per line, nested connection nodes on their own lines after their parent, carrying
// `__parentId`, the connection fields removed from the parent line.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { execute, parse, type GraphQLSchema } from "graphql";
import { fieldResolver } from "../graphql/engine.js";
import { queryRoot } from "../resolvers/query.js";
import type { BulkWindow, ResolverContext } from "../resolvers/context.js";
import type { BulkOperationRecord } from "../store/types.js";
import { planBulkQuery, type ConnectionPlan } from "./plan.js";

type Json = Record<string, unknown>;

function nodesOf(connection: unknown): Json[] {
  if (!connection || typeof connection !== "object") return [];
  const value = connection as { edges?: { node?: Json }[]; nodes?: Json[] };
  if (Array.isArray(value.nodes)) return value.nodes;
  if (Array.isArray(value.edges)) return value.edges.flatMap((edge) => (edge.node ? [edge.node] : []));
  return [];
}

/** The lines of one node of `plan`'s connection and, after it, of its nested connections. */
export function* flattenNode(node: Json, plan: ConnectionPlan, parentId?: string): Generator<Json> {
  const line: Json = { ...node };
  const nested: [ConnectionPlan, unknown][] = [];
  for (const child of plan.children) {
    nested.push([child, line[child.responseKey]]);
    delete line[child.responseKey];
  }
  if (parentId !== undefined) line.__parentId = parentId;
  yield line;
  const id = typeof node.id === "string" ? node.id : undefined;
  for (const [child, connection] of nested) {
    for (const childNode of nodesOf(connection)) yield* flattenNode(childNode, child, id);
  }
}

/** Read through a function: bulkOperationCancel changes the status while the run awaits. */
const isCanceling = (op: BulkOperationRecord): boolean => op.status === "CANCELING";

export interface BulkRunOptions {
  schema: GraphQLSchema;
  context: ResolverContext;
  operation: BulkOperationRecord;
  directory: string;
  /** Root objects per execution window (keeps memory flat on large stores). */
  pageSize: number;
}

/** Runs the operation to COMPLETED, FAILED or CANCELED, updating its record as it goes. */
export async function runBulkQuery(options: BulkRunOptions): Promise<void> {
  const { operation: op, context, schema } = options;
  const plan = planBulkQuery(schema, op.query);
  if ("error" in plan) {
    op.status = "FAILED";
    op.errorCode = "INTERNAL_SERVER_ERROR";
    op.completedAt = context.store.now();
    return;
  }
  op.status = "RUNNING";
  const document = parse(op.query);
  const path = join(options.directory, `bulk-${op.id}.jsonl`);
  const stream = createWriteStream(path);
  const window: BulkWindow = { pageSize: options.pageSize, after: null, next: null };
  let failed = false;
  try {
    for (;;) {
      // Let the HTTP server breathe between windows (clients poll while we run).
      await new Promise((resolve) => setImmediate(resolve));
      if (isCanceling(op)) break;
      window.next = null;
      const result = await execute({
        schema,
        document,
        rootValue: queryRoot,
        contextValue: { ...context, bulk: window },
        fieldResolver,
      });
      if (result.errors?.length || !result.data) {
        failed = true;
        break;
      }
      const roots = nodesOf(result.data[plan.root.responseKey]);
      let chunk = "";
      for (const root of roots) {
        op.rootObjectCount += 1;
        for (const line of flattenNode(root, plan.root)) {
          chunk += `${JSON.stringify(line)}\n`;
          op.objectCount += 1;
        }
      }
      op.fileSize = (op.fileSize ?? 0) + Buffer.byteLength(chunk);
      if (chunk && !stream.write(chunk)) await once(stream, "drain");
      if (window.next === null) break;
      window.after = window.next;
    }
  } catch {
    failed = true;
  }
  stream.end();
  await once(stream, "close");
  op.completedAt = context.store.now();
  if (failed) {
    op.status = "FAILED";
    op.errorCode = "INTERNAL_SERVER_ERROR";
  } else if (isCanceling(op)) {
    op.status = "CANCELED";
  } else {
    op.status = "COMPLETED";
    op.filePath = path;
    if (op.fileSize === null) op.fileSize = 0;
  }
  context.store.emit({ topic: "bulk_operations/finish", operation: op });
}
