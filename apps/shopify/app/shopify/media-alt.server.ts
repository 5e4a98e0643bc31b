import type { AdminClient } from "./admin-client.server.js";
import { FILE_ALT_UPDATE } from "./graphql/products.js";

/**
 * Writes images' alt texts in one `fileUpdate` (product media are files; all or nothing at
 * Shopify). Returns Shopify's userErrors verbatim, empty when written.
 */
export async function writeAltTexts(
  admin: AdminClient,
  alts: readonly { mediaId: string; alt: string }[],
): Promise<string[]> {
  if (alts.length === 0) return [];
  const data = await admin.request<{
    fileUpdate: { userErrors: { field: string[] | null; message: string }[] } | null;
  }>(FILE_ALT_UPDATE, {
    files: alts.map((a) => ({ id: `gid://shopify/MediaImage/${a.mediaId}`, alt: a.alt })),
  });
  return (data.fileUpdate?.userErrors ?? []).map((e) => e.message);
}
