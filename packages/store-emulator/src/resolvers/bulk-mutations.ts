// bulkOperationRunQuery and bulkOperationCancel: the run itself is in ../bulk/runner.ts.
import { gidNumber, toGid } from "../gid.js";
import { planBulkQuery } from "../bulk/plan.js";
import { loadAdminSchema } from "../schema.js";
import type { ResolverContext, View } from "./context.js";
import { bulkOperationView } from "./views.js";

export const bulkMutations = {
  bulkOperationRunQuery: (
    args: { query: string; groupObjects?: boolean | null },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    for (const op of store.bulkOperations.values()) {
      if (op.status === "CREATED" || op.status === "RUNNING") {
        return {
          bulkOperation: null,
          userErrors: [
            {
              field: null,
              message: `A bulk query operation for this app and shop is already in progress: ${toGid("BulkOperation", op.id)}.`,
              code: "OPERATION_IN_PROGRESS",
            },
          ],
        };
      }
    }
    const plan = planBulkQuery(loadAdminSchema(), args.query);
    if ("error" in plan)
      return {
        bulkOperation: null,
        userErrors: [{ field: ["query"], message: plan.error, code: "INVALID" }],
      };
    const op = {
      id: store.nextId(),
      query: args.query,
      groupObjects: args.groupObjects ?? false,
      status: "CREATED" as const,
      errorCode: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      filePath: null,
      createdAt: store.now(),
      completedAt: null,
    };
    store.bulkOperations.set(op.id, op);
    ctx.services.startBulkQuery(op.id);
    return { bulkOperation: bulkOperationView(op, ctx), userErrors: [] };
  },

  bulkOperationCancel: (args: { id: string }, ctx: ResolverContext): View => {
    const id = gidNumber(args.id, "BulkOperation");
    const op = id === null ? undefined : ctx.store.bulkOperations.get(id);
    if (!op)
      return {
        bulkOperation: null,
        userErrors: [{ field: ["id"], message: "Bulk operation does not exist" }],
      };
    if (op.status !== "CREATED" && op.status !== "RUNNING") {
      return {
        bulkOperation: bulkOperationView(op, ctx),
        userErrors: [
          {
            field: null,
            message: `A bulk operation cannot be canceled when it is ${op.status.toLowerCase()}`,
          },
        ],
      };
    }
    op.status = "CANCELING";
    return { bulkOperation: bulkOperationView(op, ctx), userErrors: [] };
  },
};
