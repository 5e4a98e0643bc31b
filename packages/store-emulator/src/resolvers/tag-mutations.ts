// tagsAdd and tagsRemove on products, customers and orders (segments tag customers).
import { parseGid } from "../gid.js";
import type { ResolverContext, View } from "./context.js";
import { resolveNode } from "./query.js";

/** Adds or removes tags on a product, customer or order, announcing the change like an edit. */
function changeTags(
  args: { id: string; tags: string[] },
  ctx: ResolverContext,
  change: (current: string[]) => string[],
): View {
  const { store } = ctx;
  const gid = parseGid(args.id);
  const tags = args.tags.map((t) => t.trim()).filter(Boolean);
  if (tags.length === 0)
    return { node: null, userErrors: [{ field: ["tags"], message: "Tags can't be blank" }] };
  let found = false;
  if (gid?.type === "Product")
    found = store.updateProduct(gid.id, (p) => (p.tags = change(p.tags))) !== undefined;
  else if (gid?.type === "Customer")
    found = store.updateCustomer(gid.id, (c) => (c.tags = change(c.tags))) !== undefined;
  else if (gid?.type === "Order")
    found = store.updateOrder(gid.id, (o) => (o.tags = change(o.tags))) !== undefined;
  if (!found) return { node: null, userErrors: [{ field: ["id"], message: "Resource does not exist" }] };
  return { node: resolveNode(args.id, ctx), userErrors: [] };
}

export const tagMutations = {
  tagsAdd: (args: { id: string; tags: string[] }, ctx: ResolverContext): View =>
    changeTags(args, ctx, (current) => [
      ...new Set([...current, ...args.tags.map((t) => t.trim()).filter(Boolean)]),
    ]),

  tagsRemove: (args: { id: string; tags: string[] }, ctx: ResolverContext): View => {
    const removed = new Set(args.tags.map((t) => t.trim().toLowerCase()));
    return changeTags(args, ctx, (current) => current.filter((t) => !removed.has(t.toLowerCase())));
  },
};
