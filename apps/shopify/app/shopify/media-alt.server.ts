import type { AdminClient } from "./admin-client.server.js";
import { FILE_ALT_UPDATE } from "./graphql/products.js";

/**
 * Writes media alt texts in one `fileUpdate` (product media are files, addressed by their own
 * type: MediaImage, Video, ExternalVideo, Model3d; all or nothing at Shopify). Returns Shopify's
 * userErrors verbatim, empty when written.
 */
export async function writeAltTexts(
  admin: AdminClient,
  alts: readonly { mediaId: string; alt: string; mediaType?: string | null | undefined }[],
): Promise<string[]> {
  if (alts.length === 0) return [];
  const data = await admin.request<{
    fileUpdate: { userErrors: { field: string[] | null; message: string }[] } | null;
  }>(FILE_ALT_UPDATE, {
    files: alts.map((a) => ({ id: `gid://shopify/${a.mediaType ?? "MediaImage"}/${a.mediaId}`, alt: a.alt })),
  });
  return (data.fileUpdate?.userErrors ?? []).map((e) => e.message);
}
