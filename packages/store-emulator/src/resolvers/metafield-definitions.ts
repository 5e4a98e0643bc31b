// Metafield definitions: metafieldDefinitionCreate, the metafieldDefinitions / metafieldDefinition
// queries, and metafieldsDelete (which lives next to them because deleting is what the counts see).
import type { GraphQLResolveInfo } from "graphql";
import { gidNumber, toGid } from "../gid.js";
import type { ConnectionArgs } from "../graphql/connection.js";
import type { MetafieldDefinitionRecord } from "../store/types.js";
import { byId, resolveConnection, type ResolverContext, type View } from "./context.js";
import { resolveNamespace } from "./metafield-input.js";
import { metafieldListsOf, metafieldOwner } from "./metafield-owners.js";
import { metafieldView } from "./views.js";

/** Owner types the emulator stores metafields for (definitions on others would count nothing). */
const SUPPORTED_OWNER_TYPES = new Set(["PRODUCT", "PRODUCTVARIANT", "CUSTOMER", "ORDER", "SHOP"]);

const DEFINITION_TYPES =
  /^(list\.)?(boolean|collection_reference|color|customer_reference|date|date_time|dimension|file_reference|id|json|link|metaobject_reference|mixed_reference|money|multi_line_text_field|number_decimal|number_integer|page_reference|product_reference|product_taxonomy_value_reference|rating|rich_text_field|single_line_text_field|url|variant_reference|volume|weight|company_reference)$/;

const OWNER_NAMES: Readonly<Record<string, string>> = {
  PRODUCT: "Product",
  PRODUCTVARIANT: "ProductVariant",
  CUSTOMER: "Customer",
  ORDER: "Order",
  SHOP: "Shop",
};

/** The definition of `namespace.key` on an owner type, if one was created. */
export function definitionFor(
  ctx: ResolverContext,
  ownerType: string,
  namespace: string | null | undefined,
  key: string | null | undefined,
): MetafieldDefinitionRecord | undefined {
  const ns = resolveNamespace(namespace, ctx.services.app.id);
  for (const d of ctx.store.metafieldDefinitions.values()) {
    if (d.ownerType === ownerType && d.namespace === ns && d.key === key) return d;
  }
  return undefined;
}

function typeCategory(type: string): string {
  const base = type.replace(/^list\./, "");
  if (base.endsWith("_reference")) return "REFERENCE";
  if (base.startsWith("number_") || base === "rating") return "NUMBER";
  if (base === "date" || base === "date_time") return "DATE_TIME";
  if (base === "dimension" || base === "weight" || base === "volume") return "MEASUREMENT";
  if (base.endsWith("_text_field") || base === "url" || base === "color" || base === "link") return "TEXT";
  return base.toUpperCase();
}

function metafieldsOf(definition: MetafieldDefinitionRecord, ctx: ResolverContext) {
  return metafieldListsOf(definition.ownerType, ctx).flatMap((list) =>
    list.filter((m) => m.namespace === definition.namespace && m.key === definition.key),
  );
}

export function metafieldDefinitionView(definition: MetafieldDefinitionRecord, ctx: ResolverContext): View {
  const capability = { enabled: false, eligible: true };
  return {
    __typename: "MetafieldDefinition",
    id: toGid("MetafieldDefinition", definition.id),
    name: definition.name,
    description: definition.description,
    namespace: definition.namespace,
    key: definition.key,
    ownerType: definition.ownerType,
    type: {
      name: definition.type,
      category: typeCategory(definition.type),
      supportedValidations: [],
      supportsDefinitionMigrations: false,
      valueType: definition.type.toUpperCase(),
    },
    access: {
      admin: definition.access.admin,
      storefront: definition.access.storefront,
      customerAccount: definition.access.customerAccount,
    },
    capabilities: {
      adminFilterable: { ...capability, status: "NOT_FILTERABLE" },
      analyticsQueryable: capability,
      cartToOrderCopyable: capability,
      smartCollectionCondition: capability,
      uniqueValues: capability,
    },
    constraints: null,
    pinnedPosition: definition.pin ? 1 : null,
    standardTemplate: null,
    useAsCollectionCondition: false,
    validationStatus: "ALL_VALID",
    validations: [],
    metafieldsCount: () => metafieldsOf(definition, ctx).length,
    metafields: (args: ConnectionArgs, c: ResolverContext, info: GraphQLResolveInfo) =>
      resolveConnection(metafieldsOf(definition, c), args, c, info, byId, (m) =>
        metafieldView(m, definition.ownerType, () => null),
      ),
  };
}

interface DefinitionInput {
  name: string;
  namespace?: string | null;
  key: string;
  type: string;
  ownerType: string;
  description?: string | null;
  pin?: boolean | null;
  access?: {
    admin?: "MERCHANT_READ" | "MERCHANT_READ_WRITE" | null;
    storefront?: "NONE" | "PUBLIC_READ" | null;
    customerAccount?: "NONE" | "READ" | "READ_WRITE" | null;
  } | null;
}

interface DefinitionError {
  field: string[];
  message: string;
  code: string;
  elementIndex: null;
  elementKey: null;
}

const problem = (field: string[], message: string, code: string): DefinitionError => ({
  field: ["definition", ...field],
  message,
  code,
  elementIndex: null,
  elementKey: null,
});

function checkDefinition(input: DefinitionInput, ctx: ResolverContext): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const appId = ctx.services.app.id;
  const rawNamespace = input.namespace ?? "$app";
  const namespace = resolveNamespace(rawNamespace, appId);
  const appReserved = namespace.startsWith(`app--${appId}`);
  if (input.name.trim() === "") errors.push(problem(["name"], "Name can't be blank", "BLANK"));
  if (input.name.length > 255)
    errors.push(problem(["name"], "Name is too long (maximum is 255 characters)", "TOO_LONG"));
  if (input.key.length < 2)
    errors.push(problem(["key"], "Key is too short (minimum is 2 characters)", "TOO_SHORT"));
  else if (input.key.length > 64)
    errors.push(problem(["key"], "Key is too long (maximum is 64 characters)", "TOO_LONG"));
  else if (!/^[a-zA-Z0-9_-]+$/.test(input.key))
    errors.push(problem(["key"], "Key contains one or more invalid characters.", "INVALID_CHARACTER"));
  if (!appReserved) {
    if (namespace.length < 3)
      errors.push(problem(["namespace"], "Namespace is too short (minimum is 3 characters)", "TOO_SHORT"));
    else if (!/^[a-zA-Z0-9_-]+$/.test(namespace))
      errors.push(
        problem(["namespace"], "Namespace contains one or more invalid characters.", "INVALID_CHARACTER"),
      );
    else if (namespace.startsWith("app--"))
      errors.push(problem(["namespace"], "Namespace is reserved for another app.", "INVALID"));
    if (input.access?.admin)
      errors.push(
        problem(
          ["access", "admin"],
          "Admin access can only be specified for app-owned metafield definitions.",
          "ADMIN_ACCESS_INPUT_NOT_ALLOWED",
        ),
      );
  }
  if (!DEFINITION_TYPES.test(input.type))
    errors.push(problem(["type"], `Type '${input.type}' is not a valid type.`, "INCLUSION"));
  if (!SUPPORTED_OWNER_TYPES.has(input.ownerType))
    errors.push(
      problem(
        ["ownerType"],
        `Owner type ${input.ownerType} is not supported by the store emulator.`,
        "INCLUSION",
      ),
    );
  if (errors.length === 0 && definitionFor(ctx, input.ownerType, rawNamespace, input.key)) {
    errors.push(
      problem(
        ["key"],
        `Key is in use for ${OWNER_NAMES[input.ownerType] ?? input.ownerType} metafields on the '${rawNamespace}' namespace.`,
        "TAKEN",
      ),
    );
  }
  return errors;
}

export const metafieldDefinitionMutations = {
  metafieldDefinitionCreate: (args: { definition: DefinitionInput }, ctx: ResolverContext): View => {
    const input = args.definition;
    const userErrors = checkDefinition(input, ctx);
    if (userErrors.length > 0) return { createdDefinition: null, userErrors };
    const record: MetafieldDefinitionRecord = {
      id: ctx.store.nextId(),
      name: input.name.trim(),
      description: input.description ?? null,
      namespace: resolveNamespace(input.namespace, ctx.services.app.id),
      key: input.key,
      type: input.type,
      ownerType: input.ownerType,
      access: {
        admin: input.access?.admin ?? (input.namespace?.startsWith("$app") ? "MERCHANT_READ_WRITE" : null),
        storefront: input.access?.storefront ?? "NONE",
        customerAccount: input.access?.customerAccount ?? "NONE",
      },
      pin: input.pin ?? false,
      createdAt: ctx.store.now(),
    };
    ctx.store.metafieldDefinitions.set(record.id, record);
    return { createdDefinition: metafieldDefinitionView(record, ctx), userErrors: [] };
  },

  /** Deletes metafields by owner, namespace and key; a metafield that isn't there answers null. */
  metafieldsDelete: (
    args: { metafields: { ownerId: string; namespace: string; key: string }[] },
    ctx: ResolverContext,
  ): View => {
    const appId = ctx.services.app.id;
    const userErrors: View[] = [];
    const owners = args.metafields.map((m, index) => {
      const owner = metafieldOwner(m.ownerId, ctx);
      if (!owner)
        userErrors.push({
          field: ["metafields", String(index), "ownerId"],
          message: "Owner does not exist.",
        });
      return owner;
    });
    if (userErrors.length > 0) return { deletedMetafields: null, userErrors };
    const deletedMetafields = args.metafields.map((m, index) => {
      const list = owners[index]?.list ?? [];
      const namespace = resolveNamespace(m.namespace, appId);
      const at = list.findIndex((x) => x.namespace === namespace && x.key === m.key);
      if (at < 0) return null;
      list.splice(at, 1);
      return { ownerId: m.ownerId, namespace: m.namespace, key: m.key };
    });
    return { deletedMetafields, userErrors: [] };
  },
};

type DefinitionsArgs = ConnectionArgs & {
  ownerType: string;
  namespace?: string | null;
  key?: string | null;
};

export const metafieldDefinitionQueries = {
  metafieldDefinitions: (args: DefinitionsArgs, ctx: ResolverContext, info: GraphQLResolveInfo) => {
    const namespace = args.namespace ? resolveNamespace(args.namespace, ctx.services.app.id) : null;
    const items = [...ctx.store.metafieldDefinitions.values()].filter(
      (d) =>
        d.ownerType === args.ownerType &&
        (namespace === null || d.namespace === namespace) &&
        (!args.key || d.key === args.key),
    );
    return resolveConnection(items, args, ctx, info, byId, (d) => metafieldDefinitionView(d, ctx));
  },
  metafieldDefinition: (
    args: {
      id?: string | null;
      identifier?: { ownerType: string; namespace?: string | null; key: string } | null;
    },
    ctx: ResolverContext,
  ) => {
    let record: MetafieldDefinitionRecord | undefined;
    if (args.id) {
      const id = gidNumber(args.id, "MetafieldDefinition");
      record = id === null ? undefined : ctx.store.metafieldDefinitions.get(id);
    } else if (args.identifier) {
      const { ownerType, namespace, key } = args.identifier;
      record = definitionFor(ctx, ownerType, namespace, key);
    }
    return record ? metafieldDefinitionView(record, ctx) : null;
  },
};
