// The bulk ingest's fast path agrees with zod: a line the shape guards accept is one zod accepts,
// and the COPY line written straight from it is the one copyLine writes from zod's row. Checked on
// generated lines, well-formed and broken (missing fields, wrong types, nulls, extra keys, bad dates).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  mediaCopyHead,
  metafieldCopyLine,
  productCopyLine,
  variantCopyLine,
} from "../app/sync/bulk-copy-lines.server.js";
import { BulkEncoder, type EncodedBatch } from "../app/sync/bulk-encode.server.js";
import {
  bulkLineToRow,
  isPlainMedia,
  isPlainMetafield,
  isPlainProduct,
  isPlainVariant,
  ProductPayload,
  productPayloadToRows,
} from "../app/sync/rows.server.js";
import {
  copyField,
  copyLine,
  MEDIA,
  PRODUCT,
  PRODUCT_METAFIELD,
  VARIANT,
} from "../app/sync/upsert.server.js";

const SHOP = "rows.myshopify.com";
const shopField = copyField(SHOP, "text");

/** A value, or now and then something else in its place (what the guards must turn away). */
const maybeBroken = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 8, arbitrary: good },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, 42, "", [], {}, true, "x\ty\\z\n") },
  );
const text = fc.string({ unit: "binary", maxLength: 12 });
const nullableText = fc.oneof(text, fc.constant(null));
const dateTime = fc.constantFrom(
  "2026-01-01T00:00:00Z",
  "2026-03-04T05:06:07.123Z",
  "2026-03-04T05:06:07+02:00",
  "2026-02-30T00:00:00Z",
  "2026-13-01T00:00:00Z",
  "yesterday",
);
const int = fc.oneof(fc.integer({ min: -5, max: 1_000 }), fc.constant(null), fc.double());
const gid = (type: string) => fc.nat({ max: 1_000_000 }).map((n) => `gid://shopify/${type}/${n}`);
const parent = fc.oneof(
  { weight: 8, arbitrary: gid("Product") },
  { weight: 1, arbitrary: fc.constantFrom("nope", "gid://shopify/Product/x") },
);
const withExtra = <T extends object>(line: fc.Arbitrary<T>) =>
  fc.tuple(line, fc.boolean()).map(([l, extra]) => (extra ? { ...l, unexpected: { a: 1 } } : l));

const productLine = withExtra(
  fc.record(
    {
      id: gid("Product"),
      title: maybeBroken(text),
      handle: maybeBroken(text),
      descriptionHtml: maybeBroken(nullableText),
      vendor: maybeBroken(nullableText),
      productType: maybeBroken(nullableText),
      status: maybeBroken(fc.constantFrom("ACTIVE", "DRAFT")),
      tags: maybeBroken(fc.array(text, { maxLength: 3 })),
      templateSuffix: maybeBroken(nullableText),
      seo: maybeBroken(fc.record({ title: nullableText, description: nullableText }, { requiredKeys: [] })),
      createdAt: maybeBroken(dateTime),
      updatedAt: maybeBroken(dateTime),
    },
    { requiredKeys: ["id"] },
  ),
);
const variantLine = withExtra(
  fc.record(
    {
      id: gid("ProductVariant"),
      __parentId: parent,
      title: maybeBroken(text),
      sku: maybeBroken(nullableText),
      barcode: maybeBroken(nullableText),
      price: maybeBroken(fc.constantFrom("9.99", "0.00")),
      compareAtPrice: maybeBroken(fc.constantFrom("12.00", null)),
      inventoryQuantity: maybeBroken(int),
      position: maybeBroken(int),
      selectedOptions: maybeBroken(
        fc.array(
          fc.oneof(
            fc.record({ name: text, value: text }),
            fc.record({ name: text, value: text, extra: text }),
            fc.record({ name: text }),
          ),
          { maxLength: 3 },
        ),
      ),
      updatedAt: maybeBroken(dateTime),
    },
    { requiredKeys: ["id"] },
  ),
);
const mediaLine = withExtra(
  fc.record(
    {
      id: fc.oneof(gid("MediaImage"), gid("Video"), gid("Model3d")),
      __parentId: gid("Product"),
      alt: maybeBroken(nullableText),
      mimeType: maybeBroken(nullableText),
      image: maybeBroken(fc.record({ url: text, width: int, height: int }, { requiredKeys: ["url"] })),
      preview: maybeBroken(fc.record({ image: fc.oneof(fc.constant(null), fc.record({ url: text })) })),
    },
    { requiredKeys: ["id", "__parentId"] },
  ),
);
const metafieldLine = withExtra(
  fc.record(
    {
      id: gid("Metafield"),
      __parentId: gid("Product"),
      namespace: maybeBroken(text),
      key: maybeBroken(text),
      type: maybeBroken(text),
      value: maybeBroken(text),
    },
    { requiredKeys: ["id", "__parentId"] },
  ),
);

/** zod's verdict on a line: its row, or null when it refuses the line. */
function zodRow(line: Record<string, unknown>) {
  try {
    return bulkLineToRow(SHOP, line);
  } catch {
    return null;
  }
}

const idOf = (line: { id: string }) => line.id.split("/").pop() ?? "";

describe("the bulk fast path agrees with zod", () => {
  it("products", () => {
    fc.assert(
      fc.property(productLine, (line) => {
        if (!isPlainProduct(line)) return;
        const row = zodRow(line);
        expect(row?.table).toBe("Product");
        expect(productCopyLine(shopField, idOf(line), line)).toBe(copyLine(PRODUCT, row?.row ?? {}));
      }),
      { numRuns: 2_000 },
    );
  });

  it("variants", () => {
    fc.assert(
      fc.property(variantLine, (line) => {
        if (!isPlainVariant(line)) return;
        const row = zodRow(line);
        expect(row?.table).toBe("Variant");
        expect(variantCopyLine(shopField, idOf(line), line)).toBe(copyLine(VARIANT, row?.row ?? {}));
      }),
      { numRuns: 2_000 },
    );
  });

  it("media (up to the position)", () => {
    fc.assert(
      fc.property(mediaLine, (line) => {
        if (!isPlainMedia(line)) return;
        const row = zodRow(line);
        expect(row?.table).toBe("Media");
        const type = line.id.split("/").at(-2) ?? "";
        const { head, parent: productId } = mediaCopyHead(shopField, idOf(line), line, type);
        expect(`${head}0\n`).toBe(copyLine(MEDIA, row?.row ?? {}));
        expect(productId).toBe(row?.table === "Media" ? row.parentId : undefined);
      }),
      { numRuns: 2_000 },
    );
  });

  it("metafields", () => {
    fc.assert(
      fc.property(metafieldLine, (line) => {
        if (!isPlainMetafield(line)) return;
        const row = zodRow(line);
        expect(row?.table).toBe("ProductMetafield");
        expect(metafieldCopyLine(shopField, idOf(line), line)).toBe(
          copyLine(PRODUCT_METAFIELD, row?.row ?? {}),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it("a line the guards refuse still goes through zod, which names the field", () => {
    const batches: EncodedBatch[] = [];
    const encoder = new BulkEncoder({ shop: SHOP, batchSize: 100 }, (b) => batches.push(b));
    // No tags (zod defaults them) and a date with an offset: both fine, neither on the fast path.
    const lenient = {
      id: "gid://shopify/Product/1",
      title: "T",
      handle: "t",
      status: "ACTIVE",
      createdAt: "2026-01-01T02:00:00+02:00",
      updatedAt: "2026-01-01T02:00:00+02:00",
    };
    expect(isPlainProduct(lenient)).toBe(false);
    encoder.write(`${JSON.stringify(lenient)}\n`);
    encoder.end();
    const text = Buffer.from(batches[0]?.tables[0]?.data ?? new Uint8Array()).toString("utf8");
    expect(text).toContain("\t{}\t"); // tags defaulted to an empty array
    expect(text).toContain("2026-01-01T00:00:00.000Z"); // the offset applied: UTC

    const bad = new BulkEncoder({ shop: SHOP, batchSize: 100 }, () => undefined);
    expect(() => bad.write(`${JSON.stringify({ ...lenient, title: 7 })}\n`)).toThrow(/line 1: .*title/s);
  });
});

describe("media keep their file type (alt texts are written by file id)", () => {
  it("from bulk lines (the gid's type) and from webhook payloads (media_content_type)", () => {
    const video = bulkLineToRow(SHOP, {
      id: "gid://shopify/Video/77",
      __parentId: "gid://shopify/Product/1",
      alt: "Unboxing",
      mimeType: null,
    });
    expect(video?.row).toMatchObject({ mediaType: "Video" });
    const payload = ProductPayload.parse({
      id: 1,
      title: "Linen shirt",
      handle: "linen-shirt",
      status: "active",
      tags: "",
      template_suffix: null,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-02T00:00:00Z",
      media: [
        { id: 10, alt: "Front", media_content_type: "IMAGE" },
        { id: 11, alt: "Unboxing", media_content_type: "VIDEO" },
        { id: 12, alt: null, media_content_type: "MODEL_3D" },
        { id: 13, alt: null, media_content_type: "SOMETHING_NEW" },
      ],
    });
    expect(productPayloadToRows(SHOP, payload).media.map((m) => m.mediaType)).toEqual([
      "MediaImage",
      "Video",
      "Model3d",
      null,
    ]);
    const imagesOnly = ProductPayload.parse({
      ...payload,
      media: [],
      images: [{ id: 20, alt: "Front", src: "https://cdn.example/1.jpg" }],
    });
    expect(productPayloadToRows(SHOP, imagesOnly).media[0]?.mediaType).toBe("MediaImage");
  });
});
