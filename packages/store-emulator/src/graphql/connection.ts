import { codedError } from "./errors.js";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

/** The sort key of one item: its primary value, then its id as a tie-breaker (Shopify's cursors). */
export interface SortKey {
  id: number;
  value: string | number | null;
}

export interface CursorPayload {
  last_id: number;
  last_value: string | number | null;
}

/** Opaque cursors shaped like Shopify's: base64 of `{"last_id":…,"last_value":…}`. */
export function encodeCursor(key: SortKey): string {
  const payload: CursorPayload = { last_id: key.id, last_value: key.value };
  return Buffer.from(JSON.stringify(payload)).toString("base64");
}

export function decodeCursor(cursor: string): SortKey {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as Partial<CursorPayload>;
    if (typeof parsed.last_id === "number" && "last_value" in parsed) {
      const value = parsed.last_value;
      if (value === null || typeof value === "string" || typeof value === "number")
        return { id: parsed.last_id, value };
    }
  } catch {
    // fall through to the error below
  }
  throw codedError("Invalid cursor for current pagination sort.", "BAD_REQUEST");
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a.value !== b.value) {
    if (a.value === null) return -1;
    if (b.value === null) return 1;
    return a.value < b.value ? -1 : 1;
  }
  return a.id - b.id;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** Page-size limit of every Admin API connection. */
export const MAX_PAGE_SIZE = 250;

export interface PaginateOptions {
  /** In bulk operations pagination arguments are not required and every item is returned. */
  unbounded?: boolean;
}

/**
 * Sorts `items` by `keyOf` (ascending, or descending with `reverse`) and returns the requested
 * page as a Relay connection with Shopify-style cursors. `first` or `last` is required, at most 250.
 *
 * @example
 * paginate(products, { first: 10 }, (p) => ({ id: p.id, value: p.title.toLowerCase() }), view)
 */
export function paginate<T, V>(
  items: readonly T[],
  args: ConnectionArgs,
  keyOf: (item: T) => SortKey,
  view: (item: T) => V,
  options: PaginateOptions = {},
): Connection<V> {
  const first = args.first ?? null;
  const last = args.last ?? null;
  if (!options.unbounded) {
    if (first === null && last === null)
      throw codedError("you must provide one of first or last", "BAD_REQUEST");
    if (first !== null && last !== null)
      throw codedError("providing both first and last is not supported", "BAD_REQUEST");
    const size = first ?? last ?? 0;
    if (size > MAX_PAGE_SIZE || size < 0) {
      throw codedError(
        `The ${first !== null ? "first" : "last"} argument must be between 0 and ${MAX_PAGE_SIZE}`,
        "BAD_REQUEST",
      );
    }
  }
  const direction = args.reverse ? -1 : 1;
  const keyed = items.map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((a, b) => direction * compareKeys(a.key, b.key));

  let start = 0;
  let end = keyed.length;
  if (args.after) {
    const after = decodeCursor(args.after);
    while (start < end && direction * compareKeys(keyed[start]?.key ?? after, after) <= 0) start += 1;
  }
  if (args.before) {
    const before = decodeCursor(args.before);
    let index = start;
    while (index < end && direction * compareKeys(keyed[index]?.key ?? before, before) < 0) index += 1;
    end = index;
  }
  if (first !== null) end = Math.min(end, start + first);
  else if (last !== null) start = Math.max(start, end - last);

  const page = keyed.slice(start, end);
  const edges = page.map(({ item, key }) => ({ cursor: encodeCursor(key), node: view(item) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: end < keyed.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
