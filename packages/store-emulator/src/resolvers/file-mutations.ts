// stagedUploadsCreate (the emulator receives the uploads) and fileCreate.
import { randomBytes } from "node:crypto";
import type { FileRecord } from "../store/types.js";
import type { ResolverContext, View } from "./context.js";
import { guessMime } from "./product-input.js";
import { fileView } from "./views.js";

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
      if (file.alt && file.alt.length > 512)
        userErrors.push({
          field: ["files", String(index), "alt"],
          message: "The alt value exceeds the maximum limit of 512 characters.",
          code: "ALT_VALUE_LIMIT_EXCEEDED",
        });
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
};
