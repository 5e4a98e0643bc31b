import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isObjectType } from "graphql";
import { EMULATED_ROOT_FIELDS, loadAdminSchema, start, type Emulator } from "../src/index.js";
import { gql } from "./helpers.js";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await start({ generate: { seed: 3, products: 5, customers: 5, orders: 10 } });
});
afterAll(async () => {
  await emulator.close();
});

describe("requests are validated against Shopify's Admin API 2026-10 schema", () => {
  it("answers an unknown field as Shopify does: HTTP 200, graphql-ruby message, locations, code", async () => {
    const result = await gql(emulator, "{\n  products(first: 1) { nodes { id nope } }\n}");
    expect(result.status).toBe(200);
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors).toEqual([
      {
        message: "Field 'nope' doesn't exist on type 'Product'",
        locations: [{ line: 2, column: 35 }],
        extensions: { code: "undefinedField", typeName: "Product", fieldName: "nope" },
      },
    ]);
  });

  it("reports missing required arguments, unknown arguments and missing selections", async () => {
    const result = await gql(
      emulator,
      "{ product { id } products(first: 1, color: RED) { nodes { id } } shop }",
    );
    const codes = result.body.errors?.map((e) => e.extensions.code).sort();
    expect(codes).toEqual(["argumentNotAccepted", "missingRequiredArguments", "selectionMismatch"]);
    const messages = result.body.errors?.map((e) => e.message) ?? [];
    expect(messages).toContain("Field 'product' is missing required arguments: id");
    expect(messages).toContain("Field 'products' doesn't accept argument 'color'");
  });

  it("validates variables against their declared types", async () => {
    const result = await gql(emulator, "query P($first: Int!) { products(first: $first) { nodes { id } } }", {
      first: "ten",
    });
    expect(result.status).toBe(200);
    const [error] = result.body.errors ?? [];
    expect(error?.message).toBe("Variable $first of type Int! was provided invalid value");
    expect(error?.extensions.code).toBe("INVALID_VARIABLE");
    expect(error?.locations).toEqual([{ line: 1, column: 9 }]);

    const nested = await gql(
      emulator,
      "mutation S($input: ProductSetInput!) { productSet(input: $input) { userErrors { message } } }",
      {
        input: { title: "x", colour: "red" },
      },
    );
    expect(nested.body.errors?.[0]?.message).toMatch(
      /^Variable \$input of type ProductSetInput! was provided invalid value for colour/,
    );
    expect(nested.body.errors?.[0]?.extensions.problems).toEqual([
      { path: ["colour"], explanation: "Field is not defined on ProductSetInput" },
    ]);
  });

  it("answers syntax errors with their location and malformed bodies with HTTP 400", async () => {
    const syntax = await gql(emulator, "{ products(first: 1 { id }");
    expect(syntax.status).toBe(200);
    expect(syntax.body.errors?.[0]?.extensions.code).toBe("PARSE_ERROR");
    expect(syntax.body.errors?.[0]?.locations).toEqual([{ line: 1, column: 21 }]);

    const badJson = await fetch(emulator.graphqlUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": emulator.accessToken },
      body: "{not json",
    });
    expect(badJson.status).toBe(400);
    const noQuery = await fetch(emulator.graphqlUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": emulator.accessToken },
      body: JSON.stringify({ variables: {} }),
    });
    expect(noQuery.status).toBe(400);
    expect(await noQuery.json()).toEqual({ errors: { query: "Required parameter missing or invalid" } });
  });

  it("rejects a missing or wrong access token with 401", async () => {
    const response = await fetch(emulator.graphqlUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": "shpat_wrong" },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    });
  });

  it("answers a valid but unemulated root field with a clear NOT_EMULATED error", async () => {
    const result = await gql(emulator, "{ shop { name } collections(first: 1) { nodes { id } } }");
    expect(result.status).toBe(200);
    // collections is non-null in the schema, so its error nulls the whole response, as on Shopify.
    expect(result.body.data).toBeNull();
    expect(result.body.errors?.[0]).toMatchObject({
      path: ["collections"],
      extensions: { code: "NOT_EMULATED" },
    });
    expect(result.body.errors?.[0]?.message).toContain(
      "'collections' is valid in Admin API 2026-10 but is not emulated",
    );
  });

  it("emulates only root fields that exist in the schema", () => {
    const schema = loadAdminSchema();
    const query = schema.getQueryType();
    const mutation = schema.getMutationType();
    expect(query && isObjectType(query)).toBe(true);
    for (const name of EMULATED_ROOT_FIELDS.query) expect(query?.getFields()[name], name).toBeDefined();
    for (const name of EMULATED_ROOT_FIELDS.mutation) expect(mutation?.getFields()[name], name).toBeDefined();
  });

  it("reports a port in use and invalid options clearly", async () => {
    const port = Number(new URL(emulator.url).port);
    await expect(start({ port })).rejects.toThrow(`cannot listen on 127.0.0.1:${port}`);
    await expect(start({ shop: "not a shop", throttle: { maximumAvailable: -1 } })).rejects.toThrow(
      /shop: must be a <name>\.myshopify\.com domain.*throttle\.maximumAvailable/,
    );
  });

  it("serves only API version 2026-10", async () => {
    const response = await fetch(emulator.graphqlUrl.replace("2026-10", "2024-01"), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": emulator.accessToken },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(response.status).toBe(404);
  });
});
