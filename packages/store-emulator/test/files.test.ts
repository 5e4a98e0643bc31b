import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { start, type Emulator } from "../src/index.js";
import type { ProductRecord } from "../src/store/types.js";
import { data, gql, startReceiver } from "./helpers.js";
import { shopifyClient } from "./shopify-client.js";

let emulator: Emulator;
let app: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  app = await startReceiver();
  emulator = await start({
    generate: { seed: 11, products: 12, customers: 2, orders: 2 },
    webhooks: { appUrl: app.url },
  });
});
afterEach(async () => {
  await emulator.webhooks.idle();
  app.received.length = 0;
});
afterAll(async () => {
  await emulator.close();
  await app.close();
});

const FILE_UPDATE = `mutation FileUpdate($files: [FileUpdateInput!]!) {
  fileUpdate(files: $files) {
    files { __typename id alt fileStatus updatedAt ... on MediaImage { image { url altText } } }
    userErrors { field message code }
  }
}`;

interface UpdatedFile {
  __typename: string;
  id: string;
  alt: string | null;
  fileStatus: string;
  updatedAt: string;
  image?: { url: string; altText: string | null };
}

interface FileUpdateResult {
  fileUpdate: {
    files: UpdatedFile[] | null;
    userErrors: { field: string[] | null; message: string; code: string | null }[];
  };
}

const PRODUCT_MEDIA = `query($id: ID!) { product(id: $id) {
  updatedAt
  media(first: 10) { nodes { id ... on MediaImage { alt image { altText } } } }
} }`;

interface ProductMedia {
  product: {
    updatedAt: string;
    media: { nodes: { id: string; alt: string | null; image: { altText: string | null } }[] };
  };
}

/** A seeded product with at least `count` images, distinct per call. */
const used = new Set<number>();
function productWithMedia(count: number): ProductRecord {
  const found = [...emulator.store.products.values()].find((p) => p.media.length >= count && !used.has(p.id));
  if (!found) throw new Error(`seed has no product with ${count} images`);
  used.add(found.id);
  return found;
}

const mediaGid = (id: number): string => `gid://shopify/MediaImage/${id}`;

async function productMedia(product: ProductRecord): Promise<ProductMedia["product"]> {
  const read = await data<ProductMedia>(emulator, PRODUCT_MEDIA, {
    id: `gid://shopify/Product/${product.id}`,
  });
  return read.product;
}

describe("fileUpdate", () => {
  it("updates the alt text of two product images in one call, through the real client", async () => {
    const product = productWithMedia(2);
    const [first, second] = product.media;
    if (!first || !second) throw new Error("unreachable");
    const before = await productMedia(product);

    const { client } = shopifyClient(emulator);
    const response = await client.request<FileUpdateResult>(FILE_UPDATE, {
      variables: {
        files: [
          { id: mediaGid(first.id), alt: "Red mug, front" },
          { id: mediaGid(second.id), alt: "Red mug, handle" },
        ],
      },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.fileUpdate.userErrors).toEqual([]);
    expect(response.data?.fileUpdate.files).toEqual([
      expect.objectContaining({
        __typename: "MediaImage",
        id: mediaGid(first.id),
        alt: "Red mug, front",
        fileStatus: "READY",
        image: { url: first.url, altText: "Red mug, front" },
      }),
      expect.objectContaining({
        __typename: "MediaImage",
        id: mediaGid(second.id),
        alt: "Red mug, handle",
        fileStatus: "READY",
        image: { url: second.url, altText: "Red mug, handle" },
      }),
    ]);

    const after = await productMedia(product);
    expect(after.media.nodes.slice(0, 2)).toEqual([
      { id: mediaGid(first.id), alt: "Red mug, front", image: { altText: "Red mug, front" } },
      { id: mediaGid(second.id), alt: "Red mug, handle", image: { altText: "Red mug, handle" } },
    ]);
    // Other media untouched; the product is stamped as updated.
    expect(after.media.nodes.slice(2)).toEqual(before.media.nodes.slice(2));
    expect(after.updatedAt > before.updatedAt).toBe(true);
  });

  it("announces products/update once per product, carrying the new alt text", async () => {
    const product = productWithMedia(2);
    const [first, second] = product.media;
    if (!first || !second) throw new Error("unreachable");
    const result = await data<FileUpdateResult>(emulator, FILE_UPDATE, {
      files: [
        { id: mediaGid(first.id), alt: "Webhook alt 1" },
        { id: mediaGid(second.id), alt: "Webhook alt 2" },
      ],
    });
    expect(result.fileUpdate.userErrors).toEqual([]);
    await emulator.webhooks.idle();
    expect(app.received).toHaveLength(1);
    const [hook] = app.received;
    if (!hook) throw new Error("no webhook");
    expect(hook.headers["x-shopify-topic"]).toBe("products/update");
    const payload = JSON.parse(hook.body) as {
      id: number;
      updated_at: string;
      images: { id: number; alt: string | null }[];
      media: { id: number; alt: string | null; admin_graphql_api_id: string }[];
    };
    expect(payload.id).toBe(product.id);
    expect(payload.images.slice(0, 2)).toMatchObject([
      { id: first.id, alt: "Webhook alt 1" },
      { id: second.id, alt: "Webhook alt 2" },
    ]);
    expect(payload.media.slice(0, 2)).toMatchObject([
      { admin_graphql_api_id: mediaGid(first.id), alt: "Webhook alt 1" },
      { admin_graphql_api_id: mediaGid(second.id), alt: "Webhook alt 2" },
    ]);
  });

  it("clears an alt text with an empty string or null", async () => {
    const product = productWithMedia(2);
    const [first, second] = product.media;
    if (!first || !second) throw new Error("unreachable");
    await data(emulator, FILE_UPDATE, {
      files: [
        { id: mediaGid(first.id), alt: "Temporary" },
        { id: mediaGid(second.id), alt: "Temporary" },
      ],
    });
    const cleared = await data<FileUpdateResult>(emulator, FILE_UPDATE, {
      files: [
        { id: mediaGid(first.id), alt: "" },
        { id: mediaGid(second.id), alt: null },
      ],
    });
    expect(cleared.fileUpdate.userErrors).toEqual([]);
    expect(cleared.fileUpdate.files?.map((f) => f.alt)).toEqual(["", null]);
    const after = await productMedia(product);
    expect(after.media.nodes.slice(0, 2)).toEqual([
      { id: mediaGid(first.id), alt: "", image: { altText: "" } },
      { id: mediaGid(second.id), alt: null, image: { altText: null } },
    ]);
  });

  it("answers FILE_DOES_NOT_EXIST for an unknown id and changes nothing, not even the valid entry", async () => {
    const product = productWithMedia(1);
    const [first] = product.media;
    if (!first) throw new Error("unreachable");
    const before = await productMedia(product);
    const unknown = "gid://shopify/MediaImage/1";
    const result = await data<FileUpdateResult>(emulator, FILE_UPDATE, {
      files: [
        { id: mediaGid(first.id), alt: "Should not stick" },
        { id: unknown, alt: "Nope" },
        { id: `gid://shopify/Product/${product.id}`, alt: "Not a file" },
      ],
    });
    expect(result.fileUpdate).toEqual({
      files: null,
      userErrors: [
        {
          field: ["files", "1", "id"],
          message: `File id ${unknown} does not exist.`,
          code: "FILE_DOES_NOT_EXIST",
        },
        {
          field: ["files", "2", "id"],
          message: `File id gid://shopify/Product/${product.id} does not exist.`,
          code: "FILE_DOES_NOT_EXIST",
        },
      ],
    });
    expect(await productMedia(product)).toEqual(before);
    await emulator.webhooks.idle();
    expect(app.received).toHaveLength(0);
  });

  it("refuses an alt text over 512 characters with ALT_VALUE_LIMIT_EXCEEDED", async () => {
    const product = productWithMedia(1);
    const [first] = product.media;
    if (!first) throw new Error("unreachable");
    const before = await productMedia(product);
    const ok = await data<FileUpdateResult>(emulator, FILE_UPDATE, {
      files: [{ id: mediaGid(first.id), alt: "a".repeat(512) }],
    });
    expect(ok.fileUpdate.userErrors).toEqual([]);
    const result = await data<FileUpdateResult>(emulator, FILE_UPDATE, {
      files: [{ id: mediaGid(first.id), alt: "b".repeat(513) }],
    });
    expect(result.fileUpdate).toEqual({
      files: null,
      userErrors: [
        {
          field: ["files", "0", "alt"],
          message: "The alt value exceeds the maximum limit of 512 characters.",
          code: "ALT_VALUE_LIMIT_EXCEEDED",
        },
      ],
    });
    const after = await productMedia(product);
    expect(after.media.nodes[0]?.alt).toBe("a".repeat(512));
    expect(before.media.nodes[0]?.alt).not.toBe("a".repeat(512));
  });

  it("refuses the updates the emulator does not implement instead of ignoring them", async () => {
    const product = productWithMedia(1);
    const [first] = product.media;
    if (!first) throw new Error("unreachable");
    const result = await data<FileUpdateResult>(emulator, FILE_UPDATE, {
      files: [
        {
          id: mediaGid(first.id),
          alt: "x",
          originalSource: "https://example.com/new.png",
          referencesToAdd: [`gid://shopify/Product/${product.id}`],
        },
      ],
    });
    expect(result.fileUpdate.files).toBeNull();
    expect(result.fileUpdate.userErrors).toEqual([
      {
        field: ["files", "0", "originalSource"],
        message: "Updating originalSource is not supported by the store emulator.",
        code: "INVALID",
      },
      {
        field: ["files", "0", "referencesToAdd"],
        message: "Updating referencesToAdd is not supported by the store emulator.",
        code: "INVALID",
      },
    ]);
    expect((await productMedia(product)).media.nodes[0]?.alt).toBe(first.alt);
  });

  it("updates a file made with fileCreate, stamping its updatedAt, and costs like any mutation", async () => {
    const created = await data<{
      fileCreate: { files: { id: string; alt: string | null; updatedAt: string }[] };
    }>(
      emulator,
      `mutation { fileCreate(files: [
        { originalSource: "https://cdn.example.com/banner.png", alt: "Banner", contentType: IMAGE },
        { originalSource: "https://cdn.example.com/guide.pdf", alt: "Guide", contentType: FILE }
      ]) { files { id alt updatedAt } } }`,
    );
    const [image, generic] = created.fileCreate.files;
    if (!image || !generic) throw new Error("no files");
    expect(image.id).toMatch(/^gid:\/\/shopify\/MediaImage\//);
    expect(generic.id).toMatch(/^gid:\/\/shopify\/GenericFile\//);

    const result = await gql<FileUpdateResult>(emulator, FILE_UPDATE, {
      files: [
        { id: image.id, alt: "Summer banner" },
        { id: generic.id, alt: "Care guide" },
      ],
    });
    expect(result.body.errors).toBeUndefined();
    const files = result.body.data?.fileUpdate.files ?? [];
    expect(files).toMatchObject([
      { __typename: "MediaImage", id: image.id, alt: "Summer banner", image: { altText: "Summer banner" } },
      { __typename: "GenericFile", id: generic.id, alt: "Care guide" },
    ]);
    expect(files.every((f, i) => f.updatedAt > (created.fileCreate.files[i]?.updatedAt ?? ""))).toBe(true);
    expect(result.body.extensions?.cost).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 10 });

    // Read back through node and the files connection.
    const read = await data<{
      node: { alt: string | null };
      files: { nodes: { id: string; alt: string | null }[] };
    }>(
      emulator,
      `query($id: ID!) { node(id: $id) { ... on MediaImage { alt } } files(first: 50) { nodes { id alt } } }`,
      { id: image.id },
    );
    expect(read.node.alt).toBe("Summer banner");
    expect(read.files.nodes).toEqual(
      expect.arrayContaining([
        { id: image.id, alt: "Summer banner" },
        { id: generic.id, alt: "Care guide" },
      ]),
    );
    // A GenericFile id is not a MediaImage id.
    const wrongType = await data<FileUpdateResult>(emulator, FILE_UPDATE, {
      files: [{ id: generic.id.replace("GenericFile", "MediaImage"), alt: "x" }],
    });
    expect(wrongType.fileUpdate.userErrors.map((e) => e.code)).toEqual(["FILE_DOES_NOT_EXIST"]);
    // fileUpdate of Files-section files announces no product webhook.
    await emulator.webhooks.idle();
    expect(app.received).toHaveLength(0);
  });
});
