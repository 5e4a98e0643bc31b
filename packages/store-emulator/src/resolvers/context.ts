import type { GraphQLResolveInfo } from "graphql";
import type { Store } from "../store/store.js";
import { paginate, type Connection, type ConnectionArgs, type SortKey } from "../graphql/connection.js";

/** What a bulk run tells the root connection: which window of the root list to return. */
export interface BulkWindow {
  pageSize: number;
  after: string | null;
  /** Set by the root connection: the cursor of the next window, or null at the end. */
  next: string | null;
}

/** Services the resolvers reach besides the store. */
export interface EmulatorServices {
  /** Base URL of the emulator's own HTTP server (bulk results, staged uploads). */
  baseUrl: () => string;
  /** Starts a bulk query run in the background. */
  startBulkQuery: (operationId: number) => void;
  app: { id: number; title: string; apiKey: string; handle: string; scopes: readonly string[] };
}

export interface ResolverContext {
  store: Store;
  services: EmulatorServices;
  bulk: BulkWindow | null;
}

/** A field resolver as stored on view objects: graphql-js's default resolver calls it. */
export type Resolver<A = Record<string, unknown>> = (
  args: A,
  ctx: ResolverContext,
  info: GraphQLResolveInfo,
) => unknown;

export type View = Record<string, unknown>;

/**
 * Resolves a connection field: the root connection of a bulk run returns the run's window, any
 * connection inside a bulk run returns everything, otherwise normal pagination rules apply.
 */
export function resolveConnection<T>(
  items: readonly T[],
  args: ConnectionArgs,
  ctx: ResolverContext,
  info: GraphQLResolveInfo,
  keyOf: (item: T) => SortKey,
  view: (item: T) => View,
): Connection<View> {
  if (ctx.bulk) {
    if (info.path.prev === undefined) {
      const window = ctx.bulk;
      const page = paginate(
        items,
        { first: window.pageSize, after: window.after, reverse: args.reverse ?? null },
        keyOf,
        view,
        { unbounded: true },
      );
      window.next = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      return page;
    }
    return paginate(items, { reverse: args.reverse ?? null }, keyOf, view, { unbounded: true });
  }
  return paginate(items, args, keyOf, view);
}

/** Sort by id only. */
export const byId = (item: { id: number }): SortKey => ({ id: item.id, value: item.id });

/** Sort by position, then id. */
export const byPosition = (item: { id: number; position: number }): SortKey => ({
  id: item.id,
  value: item.position,
});
