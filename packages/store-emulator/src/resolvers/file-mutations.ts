// stagedUploadsCreate (the emulator receives the uploads), fileCreate and fileUpdate.
import { randomBytes } from "node:crypto";
import { parseGid } from "../gid.js";
import type { FileRecord, MediaRecord, ProductRecord } from "../store/types.js";
import type { Store } from "../store/store.js";
import type { ResolverContext, View } from "./context.js";
import { guessMime } from "./product-input.js";
import { fileView, mediaView } from "./views.js";

/** Shopify's limit on a file's alt text. */
const MAX_ALT_LENGTH = 512;

const altTooLong = (index: number): View => ({
  field: ["files", String(index), "alt"],
  message: `The alt value exceeds the maximum limit of ${MAX_ALT_LENGTH} characters.`,
  code: "ALT_VALUE_LIMIT_EXCEEDED",
});

interface FileUpdateInput {
  id: string;
  alt?: string | null;
  filename?: string | null;
  originalSource?: string | null;
  previewImageSource?: string | null;
  referencesToAdd?: string[] | null;
  referencesToRemove?: string[] | null;
}

/** FileUpdateInput fields the emulator does not implement: refused rather than ignored. */
const UNSUPPORTED_UPDATE_FIELDS = [
  "filename",
  "originalSource",
  "previewImageSource",
  "referencesToAdd",
  "referencesToRemove",
] as const;

/** What a File gid points at: a file of the Files section, or a product's media (also a file). */
type FileTarget =
  { kind: "file"; file: FileRecord } | { kind: "media"; media: MediaRecord; product: ProductRecord };

function findFile(store: Store, gid: string): FileTarget | undefined {
  const parsed = parseGid(gid);
  if (!parsed) return undefined;
  if (parsed.type === "MediaImage") {
    for (const product of store.products.values()) {
      const media = product.media.find((m) => m.id === parsed.id);
      if (media) return { kind: "media", media, product };
    }
  }
  const file = store.files.get(parsed.id);
  return file && file.kind === parsed.type ? { kind: "file", file } : undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const fileMutations = {
  stagedUploadsCreate: (
    args: {
      input: {
        filename: string;
        mimeType: string;
        resource: string;
        fileSize?: string | number | null;
        httpMethod?: "POST" | "PUT" | null;
      }[];
    },
    ctx: ResolverContext,
  ): View => {
    const base = ctx.services.baseUrl();
    const userErrors: View[] = [];
    for (const [index, input] of args.input.entries()) {
      if (!input.filename.trim())
        userErrors.push({ field: ["input", String(index), "filename"], message: "Filename can't be blank" });
      if (
        (input.resource === "VIDEO" || input.resource === "MODEL_3D") &&
        (input.fileSize === undefined || input.fileSize === null)
      ) {
        userErrors.push({
          field: ["input", String(index), "fileSize"],
          message: "File size is required for this resource",
        });
      }
    }
    if (userErrors.length) return { stagedTargets: null, userErrors };
    const targets = args.input.map((input) => {
      const token = randomBytes(12).toString("hex");
      const resourceUrl = `${base}/staged-uploads/${token}/${encodeURIComponent(input.filename)}`;
      ctx.store.stagedUploads.set(resourceUrl, {
        resourceUrl,
        filename: input.filename,
        mimeType: input.mimeType,
        bytes: null,
      });
      const method = input.httpMethod ?? "PUT";
      return {
        url:
          method === "PUT" ? `${resourceUrl}?X-Goog-Signature=emulated` : `${base}/staged-uploads/${token}`,
        resourceUrl,
        parameters:
          method === "PUT"
            ? [
                { name: "content_type", value: input.mimeType },
                { name: "acl", value: "private" },
              ]
            : [
                { name: "Content-Type", value: input.mimeType },
                { name: "key", value: `tmp/${token}/${input.filename}` },
                { name: "policy", value: "emulated" },
              ],
      };
    });
    return { stagedTargets: targets, userErrors: [] };
  },

  fileCreate: (
    args: {
      files: {
        originalSource: string;
        alt?: string | null;
        contentType?: string | null;
        filename?: string | null;
      }[];
    },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    const userErrors: View[] = [];
    for (const [index, file] of args.files.entries()) {
      if (!isHttpUrl(file.originalSource))
        userErrors.push({
          field: ["files", String(index), "originalSource"],
          message: "Image URL is invalid",
          code: "INVALID_IMAGE_SOURCE_URL",
        });
      if (file.alt && file.alt.length > MAX_ALT_LENGTH) userErrors.push(altTooLong(index));
    }
    if (userErrors.length) return { files: null, userErrors };
    const now = store.now();
    const created = args.files.map((file) => {
      const staged = store.stagedUploads.get(file.originalSource);
      const mimeType = staged?.mimeType ?? guessMime(file.originalSource);
      const isImage = file.contentType ? file.contentType === "IMAGE" : mimeType.startsWith("image/");
      const record: FileRecord = {
        id: store.nextId(),
        kind: isImage ? "MediaImage" : "GenericFile",
        alt: file.alt ?? null,
        url: file.originalSource,
        mimeType,
        fileSize: staged?.bytes?.length ?? null,
        createdAt: now,
        updatedAt: now,
      };
      store.files.set(record.id, record);
      return fileView(record);
    });
    return { files: created, userErrors: [] };
  },

  /**
   * Updates files of the Files section and product media (a product's MediaImage is a file) —
   * all or nothing, as Shopify. Only `alt` is emulated; other changes are refused with a userError.
   * Changing a product's media stamps the product and announces products/update, once per product.
   */
  fileUpdate: (args: { files: FileUpdateInput[] }, ctx: ResolverContext): View => {
    const { store } = ctx;
    const userErrors: View[] = [];
    const targets: FileTarget[] = [];
    for (const [index, input] of args.files.entries()) {
      const target = findFile(store, input.id);
      if (target) targets.push(target);
      else
        userErrors.push({
          field: ["files", String(index), "id"],
          message: `File id ${input.id} does not exist.`,
          code: "FILE_DOES_NOT_EXIST",
        });
      if (input.alt && input.alt.length > MAX_ALT_LENGTH) userErrors.push(altTooLong(index));
      for (const name of UNSUPPORTED_UPDATE_FIELDS) {
        const value = input[name];
        if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
        userErrors.push({
          field: ["files", String(index), name],
          message: `Updating ${name} is not supported by the store emulator.`,
          code: "INVALID",
        });
      }
    }
    if (userErrors.length) return { files: null, userErrors };

    const changedProducts = new Map<number, { media: MediaRecord; alt: string | null }[]>();
    for (const [index, input] of args.files.entries()) {
      const target = targets[index] as FileTarget;
      if (input.alt === undefined) continue; // not provided: nothing to change
      if (target.kind === "file") {
        target.file.alt = input.alt;
        target.file.updatedAt = store.now();
      } else {
        const changes = changedProducts.get(target.product.id) ?? [];
        changes.push({ media: target.media, alt: input.alt });
        changedProducts.set(target.product.id, changes);
      }
    }
    for (const [productId, changes] of changedProducts) {
      store.updateProduct(productId, () => {
        for (const change of changes) change.media.alt = change.alt;
      });
    }
    const files = targets.map((target) =>
      target.kind === "file" ? fileView(target.file) : mediaView(target.media),
    );
    return { files, userErrors: [] };
  },
};
