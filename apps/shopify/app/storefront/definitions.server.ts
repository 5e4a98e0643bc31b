/**
 * The theme extension's metafield definitions, created on install (and again on every re-auth:
 * idempotent). `storefront: PUBLIC_READ` is what lets Liquid read the app-reserved metafields;
 * the lead form's app-data flag is set too, since the app proxy serves the form from the start.
 */
import {
  APP_DATA_NAMESPACE,
  LEAD_FORM_FLAG,
  METAFIELD_DEFINITIONS,
  METAFIELD_NAMESPACE,
} from "@ninjalead/theme-extension/contract";
import type { AdminClient } from "~/shopify/admin-client.server.js";
import {
  APP_METAFIELD_DEFINITIONS,
  METAFIELD_DEFINITION_CREATE,
  METAFIELDS_SET,
  STOREFRONT_OWNERS,
} from "~/shopify/graphql/storefront.js";
import { StorefrontPublishError } from "./metafields.server.js";

interface DefinitionNode {
  key: string;
  access: { storefront: string | null };
}

interface UserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}

export interface DefinitionsOutcome {
  /** Keys created by this call. */
  created: string[];
  /** Keys that already existed. */
  existing: string[];
}

/**
 * Creates the contract's definitions that are missing (an answer TAKEN means another run created
 * it meanwhile: fine) and sets the lead-form availability flag. Throws StorefrontPublishError
 * (`store_rejected`) with Shopify's userErrors for anything else.
 */
export async function ensureStorefrontDefinitions(admin: AdminClient): Promise<DefinitionsOutcome> {
  const outcome: DefinitionsOutcome = { created: [], existing: [] };
  const present = new Set<string>();
  for (const ownerType of new Set(METAFIELD_DEFINITIONS.map((d) => d.ownerType))) {
    const data = await admin.request<{ metafieldDefinitions: { nodes: DefinitionNode[] } }>(
      APP_METAFIELD_DEFINITIONS,
      { ownerType, namespace: METAFIELD_NAMESPACE },
    );
    for (const node of data.metafieldDefinitions.nodes) present.add(`${ownerType}.${node.key}`);
  }
  for (const definition of METAFIELD_DEFINITIONS) {
    if (present.has(`${definition.ownerType}.${definition.key}`)) {
      outcome.existing.push(definition.key);
      continue;
    }
    const data = await admin.request<{
      metafieldDefinitionCreate: { createdDefinition: { id: string } | null; userErrors: UserError[] } | null;
    }>(METAFIELD_DEFINITION_CREATE, { definition });
    const errors = data.metafieldDefinitionCreate?.userErrors ?? [];
    if (errors.length > 0 && errors.every((e) => e.code === "TAKEN")) {
      outcome.existing.push(definition.key);
    } else if (errors.length > 0 || !data.metafieldDefinitionCreate?.createdDefinition) {
      throw new StorefrontPublishError(
        "store_rejected",
        `Shopify refused the ${definition.key} metafield definition: ${errors.map((e) => e.message).join("; ")}`,
        errors.map((e) => ({ path: e.field?.join(".") ?? "(root)", message: e.message })),
      );
    } else {
      outcome.created.push(definition.key);
    }
  }
  const owners = await admin.request<{ currentAppInstallation: { id: string } }>(STOREFRONT_OWNERS);
  const flag = await admin.request<{ metafieldsSet: { userErrors: UserError[] } | null }>(METAFIELDS_SET, {
    metafields: [
      {
        ownerId: owners.currentAppInstallation.id,
        namespace: APP_DATA_NAMESPACE,
        key: LEAD_FORM_FLAG,
        type: "boolean",
        value: "true",
      },
    ],
  });
  const flagErrors = flag.metafieldsSet?.userErrors ?? [];
  if (flagErrors.length > 0) {
    throw new StorefrontPublishError(
      "store_rejected",
      `Shopify refused the lead form flag: ${flagErrors.map((e) => e.message).join("; ")}`,
    );
  }
  return outcome;
}
