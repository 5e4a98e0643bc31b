// Metafield definitions, metafieldsSet/Delete on products, the shop and the app installation, and
// the customer mutations storefront leads use, over HTTP against the 2026-10 schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type Emulator } from "../src/index.js";
import { data, gql } from "./helpers.js";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await start({
    generate: { seed: 5, products: 5, customers: 5, orders: 0 },
    throttle: { maximumAvailable: 100_000, restoreRate: 10_000, maxQueryCost: 1_000 },
  });
});
afterAll(async () => {
  await emulator.close();
});

const CREATE_DEFINITION = `mutation($definition: MetafieldDefinitionInput!) {
  metafieldDefinitionCreate(definition: $definition) {
    createdDefinition { id namespace key ownerType type { name category } access { admin storefront customerAccount } }
    userErrors { field message code }
  }
}`;

const SET = `mutation($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) { metafields { id namespace key value ownerType } userErrors { field message code elementIndex } }
}`;

const DELETE = `mutation($metafields: [MetafieldIdentifierInput!]!) {
  metafieldsDelete(metafields: $metafields) { deletedMetafields { ownerId namespace key } userErrors { field message } }
}`;

const DEFINITIONS = `query($ownerType: MetafieldOwnerType!, $namespace: String) {
  metafieldDefinitions(first: 10, ownerType: $ownerType, namespace: $namespace) {
    nodes { namespace key metafieldsCount access { storefront } }
  }
}`;

interface CreateResult {
  metafieldDefinitionCreate: {
    createdDefinition: {
      id: string;
      namespace: string;
      key: string;
      ownerType: string;
      type: { name: string; category: string };
      access: { admin: string | null; storefront: string; customerAccount: string };
    } | null;
    userErrors: { field: string[]; message: string; code: string }[];
  };
}

describe("metafield definitions", () => {
  const jsonld = {
    name: "Structured data",
    namespace: "$app",
    key: "jsonld",
    type: "json",
    ownerType: "PRODUCT",
    access: { admin: "MERCHANT_READ", storefront: "PUBLIC_READ" },
  };

  it("creates an app-reserved definition with storefront access, then answers TAKEN for the same key", async () => {
    const first = await data<CreateResult>(emulator, CREATE_DEFINITION, { definition: jsonld });
    const created = first.metafieldDefinitionCreate.createdDefinition;
    expect(first.metafieldDefinitionCreate.userErrors).toEqual([]);
    expect(created).toMatchObject({
      key: "jsonld",
      ownerType: "PRODUCT",
      type: { name: "json", category: "JSON" },
      access: { admin: "MERCHANT_READ", storefront: "PUBLIC_READ", customerAccount: "NONE" },
    });
    expect(created?.namespace).toMatch(/^app--\d+$/);

    const again = await data<CreateResult>(emulator, CREATE_DEFINITION, { definition: jsonld });
    expect(again.metafieldDefinitionCreate.createdDefinition).toBeNull();
    expect(again.metafieldDefinitionCreate.userErrors).toEqual([
      {
        field: ["definition", "key"],
        message: "Key is in use for Product metafields on the '$app' namespace.",
        code: "TAKEN",
      },
    ]);
    // The same key on another owner type is another definition.
    const onShop = await data<CreateResult>(emulator, CREATE_DEFINITION, {
      definition: { ...jsonld, ownerType: "SHOP", key: "campaign" },
    });
    expect(onShop.metafieldDefinitionCreate.userErrors).toEqual([]);
  });

  it("refuses bad keys, unknown types and admin access outside the app's namespace", async () => {
    const result = await data<CreateResult>(emulator, CREATE_DEFINITION, {
      definition: {
        name: "",
        namespace: "custom",
        key: "a",
        type: "jsonish",
        ownerType: "PRODUCT",
        access: { admin: "MERCHANT_READ" },
      },
    });
    const codes = result.metafieldDefinitionCreate.userErrors.map((e) => `${e.field.join(".")}:${e.code}`);
    expect(codes).toEqual([
      "definition.name:BLANK",
      "definition.key:TOO_SHORT",
      "definition.access.admin:ADMIN_ACCESS_INPUT_NOT_ALLOWED",
      "definition.type:INCLUSION",
    ]);
  });

  it("rejects a document the real schema rejects (unknown input field)", async () => {
    const result = await gql(emulator, CREATE_DEFINITION, {
      definition: { ...jsonld, key: "other", visibleToStorefrontApi: true },
    });
    expect(result.body.errors?.[0]?.message).toMatch(/visibleToStorefrontApi/);
  });

  it("counts the metafields under a definition and enforces its type in metafieldsSet", async () => {
    const [first, second] = [...emulator.store.products.values()];
    const ids = [first, second].map((p) => `gid://shopify/Product/${p?.id}`);
    const set = await data<{
      metafieldsSet: { metafields: { namespace: string; ownerType: string }[]; userErrors: unknown[] };
    }>(emulator, SET, {
      metafields: ids.map((ownerId) => ({
        ownerId,
        namespace: "$app",
        key: "jsonld",
        type: "json",
        value: "{}",
      })),
    });
    expect(set.metafieldsSet.userErrors).toEqual([]);
    expect(set.metafieldsSet.metafields.map((m) => m.ownerType)).toEqual(["PRODUCT", "PRODUCT"]);
    const count = async () =>
      (
        await data<{ metafieldDefinitions: { nodes: { key: string; metafieldsCount: number }[] } }>(
          emulator,
          DEFINITIONS,
          { ownerType: "PRODUCT", namespace: "$app" },
        )
      ).metafieldDefinitions.nodes.find((n) => n.key === "jsonld")?.metafieldsCount;
    expect(await count()).toBe(2);

    const wrongType = await data<{
      metafieldsSet: { metafields: null; userErrors: { field: string[]; code: string }[] };
    }>(emulator, SET, {
      metafields: [
        { ownerId: ids[0], namespace: "$app", key: "jsonld", type: "single_line_text_field", value: "x" },
      ],
    });
    expect(wrongType.metafieldsSet.metafields).toBeNull();
    expect(wrongType.metafieldsSet.userErrors[0]).toMatchObject({
      field: ["metafields", "0", "type"],
      code: "INVALID_TYPE",
    });

    const deleted = await data<{
      metafieldsDelete: { deletedMetafields: ({ ownerId: string } | null)[]; userErrors: unknown[] };
    }>(emulator, DELETE, {
      metafields: [
        { ownerId: ids[0], namespace: "$app", key: "jsonld" },
        { ownerId: ids[0], namespace: "$app", key: "missing" },
      ],
    });
    expect(deleted.metafieldsDelete.deletedMetafields).toEqual([
      { ownerId: ids[0], namespace: "$app", key: "jsonld" },
      null,
    ]);
    expect(await count()).toBe(1);
  });

  it("writes shop and app-installation metafields in one all-or-nothing call", async () => {
    const owners = await data<{ shop: { id: string }; currentAppInstallation: { id: string } }>(
      emulator,
      `{ shop { id } currentAppInstallation { id } }`,
    );
    const shopValue = JSON.stringify({ version: 1, id: "c1" });
    const bad = await data<{ metafieldsSet: { metafields: null; userErrors: { elementIndex: number }[] } }>(
      emulator,
      SET,
      {
        metafields: [
          { ownerId: owners.shop.id, namespace: "$app", key: "campaign", type: "json", value: shopValue },
          {
            ownerId: owners.currentAppInstallation.id,
            namespace: "ninjalead",
            key: "has_campaign",
            type: "boolean",
            value: "yes",
          },
        ],
      },
    );
    expect(bad.metafieldsSet.userErrors[0]?.elementIndex).toBe(1);
    expect(emulator.store.shop.metafields.filter((m) => m.key === "campaign")).toEqual([]);

    await data(emulator, SET, {
      metafields: [
        { ownerId: owners.shop.id, namespace: "$app", key: "campaign", type: "json", value: shopValue },
        {
          ownerId: owners.currentAppInstallation.id,
          namespace: "ninjalead",
          key: "has_campaign",
          type: "boolean",
          value: "true",
        },
      ],
    });
    const read = await data<{
      shop: { metafield: { jsonValue: unknown } | null };
      currentAppInstallation: { metafield: { value: string } | null };
    }>(
      emulator,
      `{ shop { metafield(namespace: "$app", key: "campaign") { jsonValue } }
         currentAppInstallation { metafield(namespace: "ninjalead", key: "has_campaign") { value } } }`,
    );
    expect(read.shop.metafield?.jsonValue).toEqual({ version: 1, id: "c1" });
    expect(read.currentAppInstallation.metafield?.value).toBe("true");
    const shopDefinitions = await data<{
      metafieldDefinitions: { nodes: { key: string; metafieldsCount: number }[] };
    }>(emulator, DEFINITIONS, { ownerType: "SHOP", namespace: "$app" });
    expect(shopDefinitions.metafieldDefinitions.nodes).toEqual([
      expect.objectContaining({ key: "campaign", metafieldsCount: 1 }),
    ]);
  });
});

const CUSTOMER_FIELDS = `id email firstName emailMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt }`;

interface CustomerPayload {
  customer: {
    id: string;
    email: string;
    emailMarketingConsent: {
      marketingState: string;
      marketingOptInLevel: string | null;
      consentUpdatedAt: string | null;
    } | null;
  } | null;
  userErrors: { field: string[] | null; message: string; code?: string }[];
}

describe("customers written from the storefront", () => {
  it("creates a customer with email marketing consent, then refuses the same email", async () => {
    const consentAt = "2026-01-02T03:04:05Z";
    const created = await data<{ customerCreate: CustomerPayload }>(
      emulator,
      `mutation($input: CustomerInput!) { customerCreate(input: $input) { customer { ${CUSTOMER_FIELDS} } userErrors { field message } } }`,
      {
        input: {
          email: "Lead@Example.com",
          locale: "fr",
          emailMarketingConsent: {
            marketingState: "SUBSCRIBED",
            marketingOptInLevel: "SINGLE_OPT_IN",
            consentUpdatedAt: consentAt,
          },
        },
      },
    );
    expect(created.customerCreate.userErrors).toEqual([]);
    expect(created.customerCreate.customer).toMatchObject({
      email: "lead@example.com",
      emailMarketingConsent: {
        marketingState: "SUBSCRIBED",
        marketingOptInLevel: "SINGLE_OPT_IN",
        consentUpdatedAt: consentAt,
      },
    });
    const duplicate = await data<{ customerCreate: CustomerPayload }>(
      emulator,
      `mutation($input: CustomerInput!) { customerCreate(input: $input) { customer { id } userErrors { field message } } }`,
      { input: { email: "lead@example.com" } },
    );
    expect(duplicate.customerCreate.userErrors).toEqual([
      { field: ["email"], message: "Email has already been taken" },
    ]);
    const found = await data<{ customers: { nodes: { id: string }[] } }>(
      emulator,
      `query($q: String!) { customers(first: 2, query: $q) { nodes { id } } }`,
      { q: "email:lead@example.com" },
    );
    expect(found.customers.nodes.map((n) => n.id)).toEqual([created.customerCreate.customer?.id]);
  });

  it("validates creation: identity, email format, consent without email, future consent time", async () => {
    const result = await data<{ customerCreate: CustomerPayload }>(
      emulator,
      `mutation($input: CustomerInput!) { customerCreate(input: $input) { customer { id } userErrors { field message } } }`,
      {
        input: {
          emailMarketingConsent: { marketingState: "SUBSCRIBED", consentUpdatedAt: "2999-01-01T00:00:00Z" },
        },
      },
    );
    expect(result.customerCreate.customer).toBeNull();
    expect(result.customerCreate.userErrors.map((e) => e.field?.join(".") ?? null)).toEqual([
      null,
      "emailMarketingConsent",
      "emailMarketingConsent.consentUpdatedAt",
    ]);
    const invalid = await data<{ customerCreate: CustomerPayload }>(
      emulator,
      `mutation($input: CustomerInput!) { customerCreate(input: $input) { customer { id } userErrors { field message } } }`,
      { input: { email: "not-an-email" } },
    );
    expect(invalid.customerCreate.userErrors).toEqual([{ field: ["email"], message: "Email is invalid" }]);
  });

  it("updates consent through customerEmailMarketingConsentUpdate (and not through customerUpdate)", async () => {
    const customer = [...emulator.store.customers.values()].find((c) => c.email !== null);
    const id = `gid://shopify/Customer/${customer?.id}`;
    const viaUpdate = await data<{ customerUpdate: CustomerPayload }>(
      emulator,
      `mutation($input: CustomerInput!) { customerUpdate(input: $input) { customer { id } userErrors { field message } } }`,
      { input: { id, emailMarketingConsent: { marketingState: "SUBSCRIBED" } } },
    );
    expect(viaUpdate.customerUpdate.userErrors[0]?.field).toEqual(["emailMarketingConsent"]);

    const updated = await data<{ customerEmailMarketingConsentUpdate: CustomerPayload }>(
      emulator,
      `mutation($input: CustomerEmailMarketingConsentUpdateInput!) { customerEmailMarketingConsentUpdate(input: $input) { customer { ${CUSTOMER_FIELDS} } userErrors { field message code } } }`,
      {
        input: {
          customerId: id,
          emailMarketingConsent: { marketingState: "UNSUBSCRIBED", marketingOptInLevel: "CONFIRMED_OPT_IN" },
        },
      },
    );
    expect(updated.customerEmailMarketingConsentUpdate.userErrors).toEqual([]);
    expect(updated.customerEmailMarketingConsentUpdate.customer?.emailMarketingConsent).toMatchObject({
      marketingState: "UNSUBSCRIBED",
      marketingOptInLevel: "CONFIRMED_OPT_IN",
    });
    const missing = await data<{ customerEmailMarketingConsentUpdate: CustomerPayload }>(
      emulator,
      `mutation($input: CustomerEmailMarketingConsentUpdateInput!) { customerEmailMarketingConsentUpdate(input: $input) { customer { id } userErrors { field message code } } }`,
      {
        input: {
          customerId: "gid://shopify/Customer/1",
          emailMarketingConsent: { marketingState: "SUBSCRIBED" },
        },
      },
    );
    expect(missing.customerEmailMarketingConsentUpdate.userErrors).toEqual([
      { field: ["input", "customerId"], message: "Customer not found", code: "INVALID" },
    ]);

    const renamed = await data<{
      customerUpdate: CustomerPayload & { customer: { firstName: string } | null };
    }>(
      emulator,
      `mutation($input: CustomerInput!) { customerUpdate(input: $input) { customer { ${CUSTOMER_FIELDS} } userErrors { field message } } }`,
      { input: { id, firstName: "Ana" } },
    );
    expect(renamed.customerUpdate.customer?.firstName).toBe("Ana");
  });
});
