import { describe, expect, it } from "vitest";
import { parseAliExpressJson } from "../../src/catalog/aliexpress/loose.js";
import { parseAliExpressProduct } from "../../src/catalog/aliexpress/parse.js";
import { ImportError } from "../../src/catalog/errors.js";
import { fixtureText, loadFixture } from "./load-fixture.js";

function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error("expected an ImportError");
}

describe("parseAliExpressProduct", () => {
  it("parses a full wrapped response with list wrappers and numbers as strings", () => {
    const product = parseAliExpressProduct(loadFixture("ds-product-full.json"));
    expect(product.id).toBe("1005006123456789");
    expect(product.url).toBe("https://www.aliexpress.com/item/1005006123456789.html");
    expect(product.currency).toBe("USD");
    expect(product.skus).toHaveLength(12);
    const first = product.skus[0];
    expect(first?.cost).toBe("10.39");
    expect(first?.listPrice).toBe("12.99");
    expect(first?.stock).toBe(57);
    expect(first?.properties.map((p) => [p.name, p.value])).toEqual([
      ["Color", "Midnight Black"],
      ["Size", "S"],
      ["Ships From", "China"],
    ]);
    expect(first?.properties[0]?.image).toBe("https://ae-pic-a1.aliexpress-media.com/kf/Sc0a1black.jpg");
    // duplicates in image_urls collapse, protocol-relative URLs become https
    expect(product.images).toEqual([
      "https://ae-pic-a1.aliexpress-media.com/kf/Smain1.jpg",
      "https://ae-pic-a1.aliexpress-media.com/kf/Smain2.jpg",
      "https://ae-pic-a1.aliexpress-media.com/kf/Smain3.jpg",
    ]);
    expect(product.videos).toHaveLength(1);
    expect(product.specifications).toContainEqual({ name: "Weight", value: "180 g" });
    expect(product.weightKg).toBe("0.220");
    expect(product.dimensionsCm).toEqual({ length: "30", width: "20", height: "3" });
    expect(product.store?.name).toBe("Fashion Tee Official Store");
    expect(product.deliveryDays).toBe(7);
    expect(product.reviewCount).toBe(1520);
    expect(product.descriptionHtml).toContain("Soft 100% cotton");
  });

  it("parses a bare result with plain arrays, real numbers, big SKU ids and a JSON mobile_detail", () => {
    const product = parseAliExpressProduct(loadFixture("ds-product-result-fr-eur.json"));
    expect(product.id).toBe("1005005987654321");
    expect(product.currency).toBe("EUR");
    expect(product.skus.map((s) => s.id)).toEqual([
      "12000035916497236",
      "12000035916497237",
      "12000035916497238",
    ]);
    expect(product.skus.map((s) => s.cost)).toEqual(["21.54", "22.54", "23.54"]);
    expect(product.skus[0]?.properties[0]).toMatchObject({ name: "Couleur", value: "Noir" });
    expect(product.skus[2]?.stock).toBe(0);
    expect(product.descriptionHtml).toContain("<p>Montre connectée étanche IP68");
    expect(product.descriptionHtml).toContain('<img src="https://ae01.alicdn.com/kf/Swatch-desc1.jpg">');
    expect(product.specifications).toContainEqual({ name: "Autonomie", value: "5-7 jours" });
    expect(product.weightKg).toBeUndefined();
    expect(product.deliveryDays).toBeUndefined();
  });

  it("refuses SKU ids that plain JSON.parse already rounded, naming the field", () => {
    const error = importError(() =>
      parseAliExpressProduct(JSON.parse(fixtureText("ds-product-result-fr-eur.json"))),
    );
    expect(error.code).toBe("import_failed");
    expect(error.field).toBe("ae_item_sku_info_dtos.0.sku_id");
    expect(error.message).toContain("parseAliExpressJson");
  });

  it("parses a single SKU with no properties, a {result} wrapper and no multimedia block", () => {
    const product = parseAliExpressProduct(loadFixture("ds-product-single-sku-de.json"));
    expect(product.skus).toEqual([{ id: "1005004111222333", cost: "8.49", stock: 340, properties: [] }]);
    expect(product.images).toEqual([]);
    expect(product.descriptionHtml).toContain("Hält Getränke");
    expect(product.weightKg).toBe("0.35");
  });

  it("derives properties from sku_attr when the SKU has no property DTOs", () => {
    const product = parseAliExpressProduct(loadFixture("ds-product-attr-only-es.json"));
    expect(product.skus).toHaveLength(8);
    expect(product.skus[0]?.properties.map((p) => `${p.name}=${p.value}`)).toEqual([
      "Color=Rojo",
      "Size=100014064",
      "Material=100005",
      "Ships From=201336100",
    ]);
    expect(product.specifications).toEqual([]);
  });

  it("keeps Choice and Ships From properties for the variant step to resolve", () => {
    const product = parseAliExpressProduct(loadFixture("ds-product-choice-ja.json"));
    expect(product.currency).toBe("JPY");
    expect(product.skus[0]?.properties.map((p) => p.name)).toEqual(["カラー", "Ships From", "Choice"]);
    expect(product.skus[1]?.cost).toBe("2090");
  });

  it("turns platform error bodies into ImportError with the field path", () => {
    const signature = importError(() => parseAliExpressProduct(loadFixture("error-signature.json")));
    expect(signature.reason).toBe("platform_error");
    expect(signature.field).toBe("error_response");
    expect(signature.message).toContain("IncompleteSignature");
    const missing = importError(() => parseAliExpressProduct(loadFixture("error-product-not-found.json")));
    expect(missing.field).toBe("aliexpress_ds_product_get_response.rsp_code");
    expect(missing.message).toContain("does not exist");
  });

  it.each([
    ["not an object", "oops", "invalid_payload", "(root)"],
    [
      "no result",
      { aliexpress_ds_product_get_response: { rsp_code: 200 } },
      "invalid_payload",
      "aliexpress_ds_product_get_response.result",
    ],
    [
      "no base info",
      { result: { ae_item_sku_info_dtos: [] } },
      "missing_product_id",
      "result.ae_item_base_info_dto.product_id",
    ],
    [
      "no title",
      { result: { ae_item_base_info_dto: { product_id: "1005001234567890", subject: "  " } } },
      "missing_title",
      "result.ae_item_base_info_dto.subject",
    ],
    [
      "no SKU",
      { result: { ae_item_base_info_dto: { product_id: "1005001234567890", subject: "Lamp" } } },
      "no_purchasable_sku",
      "result.ae_item_sku_info_dtos",
    ],
    [
      "a SKU without price",
      {
        result: {
          ae_item_base_info_dto: { product_id: "1005001234567890", subject: "Lamp", currency_code: "USD" },
          ae_item_sku_info_dtos: [
            { sku_id: "1", sku_price: "3.10" },
            { sku_id: "2", sku_price: "" },
          ],
        },
      },
      "no_purchasable_sku",
      "result.ae_item_sku_info_dtos.1.offer_sale_price",
    ],
    [
      "a price that is not a number",
      {
        result: {
          ae_item_base_info_dto: { product_id: "1005001234567890", subject: "Lamp", currency_code: "USD" },
          ae_item_sku_info_dtos: [{ sku_id: "1", sku_price: "call us" }],
        },
      },
      "invalid_payload",
      "result.ae_item_sku_info_dtos.0.sku_price",
    ],
    [
      "no currency anywhere",
      {
        result: {
          ae_item_base_info_dto: { product_id: "1005001234567890", subject: "Lamp" },
          ae_item_sku_info_dtos: [{ sku_id: "1", sku_price: "3.10" }],
        },
      },
      "invalid_payload",
      "result.ae_item_sku_info_dtos.0.currency_code",
    ],
  ])("rejects %s with a typed ImportError", (_label, payload, reason, field) => {
    const error = importError(() => parseAliExpressProduct(payload));
    expect(error.reason).toBe(reason);
    expect(error.field).toBe(field);
    expect(error.retryable).toBe(false);
  });

  it("uses the requested currency when the payload states none", () => {
    const product = parseAliExpressProduct(
      {
        result: {
          ae_item_base_info_dto: { product_id: "1005001234567890", subject: "Lamp" },
          ae_item_sku_info_dtos: [{ sku_id: "1", sku_price: 3.1 }],
        },
      },
      { currency: "gbp" },
    );
    expect(product.currency).toBe("GBP");
    expect(product.skus[0]?.cost).toBe("3.1");
  });

  it("keeps big integers exact when decoding a body", () => {
    expect(parseAliExpressJson('{"a":12000035916497236,"b":1.5,"c":"x"}')).toEqual({
      a: "12000035916497236",
      b: 1.5,
      c: "x",
    });
  });
});
