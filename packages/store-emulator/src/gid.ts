/** Shopify global ids: `gid://shopify/Product/123`. */
export function toGid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

export interface ParsedGid {
  type: string;
  id: number;
}

/** Parses a Shopify GID into its type and numeric id; `null` when it is not one. */
export function parseGid(gid: string): ParsedGid | null {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/.exec(gid);
  if (!match?.[1] || !match[2]) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? { type: match[1], id } : null;
}

/** The numeric id of a GID of the expected type, or `null`. */
export function gidNumber(gid: string, type: string): number | null {
  const parsed = parseGid(gid);
  return parsed && parsed.type === type ? parsed.id : null;
}
