import { AIError } from "./errors.js";
import { contentTypeOfKey, type ImageStore } from "./images.js";

const KEY = /^[0-9a-f]{64}\.[a-z]{3,4}$/;

/**
 * An image store in a directory (Node only: node:fs is loaded on first use, so importing the
 * SDK in a browser or worker stays free of it). Writes go to a temp file then rename, so a
 * crash never leaves half an image under its final name.
 *
 * @example
 * const store = createFileImageStore({ dir: "/var/lib/ninjalead/images" });
 */
export function createFileImageStore(options: { dir: string }): ImageStore {
  const fs = async () => import("node:fs/promises");
  const pathOf = (key: string): string => {
    // Keys are our content hashes; anything else could escape the directory.
    if (!KEY.test(key)) throw new AIError("bad_request", `Invalid image key "${key}"`);
    return `${options.dir.replace(/\/+$/, "")}/${key}`;
  };
  const exists = async (path: string): Promise<boolean> => {
    try {
      await (await fs()).access(path);
      return true;
    } catch {
      return false;
    }
  };
  return {
    async put(key, image) {
      const path = pathOf(key);
      if (await exists(path)) return { created: false };
      const { mkdir, writeFile, rename } = await fs();
      await mkdir(options.dir, { recursive: true });
      const tmp = `${path}.${globalThis.crypto.randomUUID()}.tmp`;
      await writeFile(tmp, image.bytes);
      await rename(tmp, path);
      return { created: true };
    },
    async get(key) {
      const path = pathOf(key);
      if (!(await exists(path))) return undefined;
      const bytes = new Uint8Array(await (await fs()).readFile(path));
      return { bytes, contentType: contentTypeOfKey(key) ?? "application/octet-stream" };
    },
    async has(key) {
      return exists(pathOf(key));
    },
  };
}
