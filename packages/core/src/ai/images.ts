import { AIError } from "./errors.js";
import { sha256Hex } from "./hash.js";

/** A stored image. */
export interface StoredImage {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * Where generated images go. Keys are content hashes, so `put` of bytes already stored is a
 * no-op (`created: false`): the same image is never stored twice. The app adds a Shopify Files
 * adapter; the SDK ships memory and filesystem ones.
 */
export interface ImageStore {
  put(key: string, image: StoredImage): Promise<{ created: boolean }>;
  get(key: string): Promise<StoredImage | undefined>;
  has(key: string): Promise<boolean>;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/svg+xml": "svg",
};

/**
 * The content-hash key of an image: `<sha256>.<ext>`.
 *
 * @example
 * await imageKey({ bytes: pngBytes, contentType: "image/png" }) // "9f86d0…0f00a08.png"
 */
export async function imageKey(image: StoredImage): Promise<string> {
  const ext = EXTENSIONS[image.contentType];
  if (!ext) throw new AIError("bad_request", `Unsupported image content type "${image.contentType}"`);
  return `${await sha256Hex(image.bytes)}.${ext}`;
}

/** Content type from a key's extension (what `imageKey` wrote). */
export function contentTypeOfKey(key: string): string | undefined {
  const ext = key.slice(key.lastIndexOf(".") + 1);
  return Object.entries(EXTENSIONS).find(([, e]) => e === ext)?.[0];
}

/**
 * An in-process image store: the default, for tests and the demo.
 *
 * @example
 * const store = createMemoryImageStore();
 * await store.put(key, { bytes, contentType: "image/png" });
 */
export function createMemoryImageStore(): ImageStore & { size(): number } {
  const images = new Map<string, StoredImage>();
  return {
    size: () => images.size,
    put(key, image) {
      if (images.has(key)) return Promise.resolve({ created: false });
      images.set(key, { bytes: new Uint8Array(image.bytes), contentType: image.contentType });
      return Promise.resolve({ created: true });
    },
    get(key) {
      const image = images.get(key);
      return Promise.resolve(
        image ? { bytes: new Uint8Array(image.bytes), contentType: image.contentType } : undefined,
      );
    },
    has(key) {
      return Promise.resolve(images.has(key));
    },
  };
}
