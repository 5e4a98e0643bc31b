// The request pipeline: parse → validate → coerce variables → cost and throttle → execute against
// Shopify's schema with the emulator's resolvers → Shopify-shaped response.
import {
  coerceInputValue,
  execute,
  getOperationAST,
  GraphQLError,
  isInputType,
  isNonNullType,
  Kind,
  OperationTypeNode,
  parse,
  typeFromAST,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { productMutations } from "../resolvers/product-mutations.js";
import { customerMutations } from "../resolvers/customer-mutations.js";
import { metafieldDefinitionMutations } from "../resolvers/metafield-definitions.js";
import { billingMutations } from "../resolvers/billing-mutations.js";
import { bulkMutations } from "../resolvers/bulk-mutations.js";
import { fileMutations } from "../resolvers/file-mutations.js";
import { tagMutations } from "../resolvers/tag-mutations.js";
import { translationMutations } from "../resolvers/translation-mutations.js";
import { webhookMutations } from "../resolvers/webhook-mutations.js";
import { queryRoot } from "../resolvers/query.js";
import type { ResolverContext } from "../resolvers/context.js";
import { actualCost, requestedCost } from "./cost.js";
import { notEmulated } from "./errors.js";
import {
  formatGraphQLError,
  formatSyntaxError,
  validateLikeShopify,
  type ShopifyError,
} from "./format-errors.js";
import type { CostBucket, ThrottleStatus } from "./throttle.js";

export const mutationRoot: Record<string, unknown> = {
  ...productMutations,
  ...bulkMutations,
  ...tagMutations,
  ...webhookMutations,
  ...translationMutations,
  ...fileMutations,
  ...billingMutations,
  ...customerMutations,
  ...metafieldDefinitionMutations,
};

/** Root field names the emulator implements (everything else answers NOT_EMULATED). */
export const EMULATED_ROOT_FIELDS = {
  query: Object.keys(queryRoot).sort(),
  mutation: Object.keys(mutationRoot).sort(),
};

/**
 * Reads a property of the view object, calling it when it is a function. A missing root field
 * or a missing non-null field is reported as NOT_EMULATED instead of a confusing null.
 */
export const fieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (
  source,
  args,
  context,
  info,
) => {
  const object = source as Record<string, unknown>;
  // Own properties only: a schema field named like an Object.prototype member must not resolve to it.
  const value = Object.hasOwn(object, info.fieldName) ? object[info.fieldName] : undefined;
  if (typeof value === "function")
    return (value as (a: unknown, c: unknown, i: unknown) => unknown).call(object, args, context, info);
  if (value === undefined) {
    const isRoot =
      info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType();
    if (isRoot) throw notEmulated(`The root field '${info.fieldName}'`);
    if (isNonNullType(info.returnType))
      throw notEmulated(`The field '${info.parentType.name}.${info.fieldName}'`);
    return null;
  }
  return value;
};

export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: ShopifyError[];
  extensions?: { cost: CostExtension };
}

export interface EngineOptions {
  schema: GraphQLSchema;
  bucket: CostBucket;
  maxQueryCost: number;
}

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown> | null | undefined;
  operationName?: string | null | undefined;
}

/** graphql-js reports input-object field problems at the object; graphql-ruby at the field. */
function rubyProblem(
  path: (string | number)[],
  message: string,
): { path: (string | number)[]; explanation: string } {
  const unknown = /^Field "([^"]+)" is not defined by type "([^"]+)"/.exec(message);
  if (unknown?.[1])
    return { path: [...path, unknown[1]], explanation: `Field is not defined on ${unknown[2] ?? "input"}` };
  const missing = /^Field "([^"]+)" of required type "([^"]+)" was not provided/.exec(message);
  if (missing?.[1]) return { path: [...path, missing[1]], explanation: "Expected value to not be null" };
  return { path, explanation: message.replace(/\.$/, "") };
}

/** Coerces variables like graphql-ruby reports them: `Variable $x of type T! was provided invalid value`. */
function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown>,
): { coerced: Record<string, unknown> } | { errors: ShopifyError[] } {
  const errors: ShopifyError[] = [];
  const coerced: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) continue; // already reported by validation
    const typeName = String(type);
    const location = {
      line: definition.loc?.startToken.line ?? 1,
      column: definition.loc?.startToken.column ?? 1,
    };
    const problems: { path: (string | number)[]; explanation: string }[] = [];
    const provided = Object.prototype.hasOwnProperty.call(inputs, name);
    if (!provided) {
      if (definition.defaultValue) continue; // graphql-js applies the default at execution
      if (isNonNullType(type)) problems.push({ path: [], explanation: "Expected value to not be null" });
      else continue;
    } else {
      const value = coerceInputValue(inputs[name], type, (path, _invalid, error) => {
        problems.push(rubyProblem([...path], error.message));
      });
      if (problems.length === 0) coerced[name] = value;
    }
    if (problems.length) {
      const detail = problems[0]?.path.length
        ? ` for ${problems.map((p) => p.path.join(".")).join(", ")} (${problems.map((p) => p.explanation).join("; ")})`
        : "";
      errors.push({
        message: `Variable $${name} of type ${typeName} was provided invalid value${detail}`,
        locations: [location],
        extensions: { code: "INVALID_VARIABLE", value: inputs[name] ?? null, problems },
      });
    }
  }
  return errors.length ? { errors } : { coerced: { ...inputs, ...coerced } };
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
}

/**
 * Runs one GraphQL request against the store. Always answers a body (the HTTP layer sends it
 * with status 200, as Shopify does for GraphQL errors, throttling included).
 */
export async function runGraphQL(
  request: GraphQLRequest,
  context: ResolverContext,
  options: EngineOptions,
): Promise<GraphQLResponseBody> {
  const { schema, bucket } = options;
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [formatSyntaxError(error)] };
    throw error;
  }
  const validationErrors = validateLikeShopify(schema, document);
  if (validationErrors.length) return { errors: validationErrors };

  const operation = getOperationAST(document, request.operationName ?? undefined);
  if (!operation) {
    const message = request.operationName
      ? `No operation named "${request.operationName}"`
      : "An operation name is required";
    return { errors: [{ message, extensions: { code: "OPERATION_NOT_FOUND" } }] };
  }
  if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
    return {
      errors: [
        { message: "Subscriptions are not supported by the Admin API", extensions: { code: "BAD_REQUEST" } },
      ],
    };
  }
  const variables = coerceVariables(schema, operation, request.variables ?? {});
  if ("errors" in variables) return { errors: variables.errors };

  const costInput = { schema, operation, fragments: fragmentsOf(document), variables: variables.coerced };
  const requested = requestedCost(costInput);
  if (requested > options.maxQueryCost) {
    return {
      errors: [
        {
          message: `Query cost is ${requested}, which exceeds the single query max cost limit (${options.maxQueryCost}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
          extensions: {
            code: "MAX_COST_EXCEEDED",
            cost: requested,
            maxCost: options.maxQueryCost,
            documentation: "https://shopify.dev/api/usage/rate-limits",
          },
        },
      ],
      extensions: {
        cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() },
      },
    };
  }
  if (!bucket.tryTake(requested)) {
    return {
      errors: [
        {
          message: "Throttled",
          extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
        },
      ],
      extensions: {
        cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() },
      },
    };
  }

  const result: ExecutionResult = await execute({
    schema,
    document,
    rootValue: operation.operation === OperationTypeNode.MUTATION ? mutationRoot : queryRoot,
    contextValue: context,
    variableValues: variables.coerced,
    operationName: request.operationName ?? undefined,
    fieldResolver,
  });
  const data = result.data ?? null;
  const actual = Math.min(actualCost(costInput, data), requested);
  bucket.refund(requested - actual);
  const body: GraphQLResponseBody = { data };
  if (result.errors?.length) body.errors = result.errors.map((error) => formatGraphQLError(error));
  body.extensions = {
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() },
  };
  return body;
}
