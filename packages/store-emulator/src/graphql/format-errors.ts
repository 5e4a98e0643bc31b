// Turns graphql-js errors into the shapes Shopify's Admin API (graphql-ruby) answers with:
// `{ message, locations, path?, extensions: { code, ... } }`, with graphql-ruby's wording for the
// common validation failures.
import {
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";

export interface ShopifyError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions: { code: string } & Record<string, unknown>;
}

interface Rewrite {
  code: string;
  rewrite?: (match: RegExpExecArray) => { message: string; extensions?: Record<string, unknown> };
  pattern?: RegExp;
}

// graphql-js rule → graphql-ruby code and message.
const REWRITES: Record<string, Rewrite> = {
  FieldsOnCorrectTypeRule: {
    code: "undefinedField",
    pattern: /^Cannot query field "([^"]+)" on type "([^"]+)"/,
    rewrite: (m) => ({
      message: `Field '${m[1] ?? ""}' doesn't exist on type '${m[2] ?? ""}'`,
      extensions: { typeName: m[2], fieldName: m[1] },
    }),
  },
  KnownArgumentNamesRule: {
    code: "argumentNotAccepted",
    pattern: /^Unknown argument "([^"]+)" on field "(?:[^".]+\.)?([^"]+)"/,
    rewrite: (m) => ({
      message: `Field '${m[2] ?? ""}' doesn't accept argument '${m[1] ?? ""}'`,
      extensions: { name: m[2], typeName: "Field", argumentName: m[1] },
    }),
  },
  ProvidedRequiredArgumentsRule: {
    code: "missingRequiredArguments",
    pattern: /^Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required/,
    rewrite: (m) => ({
      message: `Field '${m[1] ?? ""}' is missing required arguments: ${m[2] ?? ""}`,
      extensions: { className: "Field", name: m[1], arguments: m[2] },
    }),
  },
  ScalarLeafsRule: {
    code: "selectionMismatch",
    pattern:
      /^Field "([^"]+)" (?:must not have a selection since type "([^"]+)" has no subfields|of type "([^"]+)" must have a selection of subfields)/,
    rewrite: (m) =>
      m[2]
        ? {
            message: `Selections can't be made on scalars (field '${m[1] ?? ""}' returns ${m[2]} but has selections)`,
            extensions: { nodeName: `field '${m[1] ?? ""}'`, typeName: m[2] },
          }
        : {
            message: `Field must have selections (field '${m[1] ?? ""}' returns ${m[3] ?? ""} but has no selections. Did you mean '${m[1] ?? ""} { ... }'?)`,
            extensions: { nodeName: `field '${m[1] ?? ""}'`, typeName: m[3] },
          },
  },
  NoUnusedVariablesRule: {
    code: "variableNotUsed",
    pattern: /^Variable "\$([^"]+)" is never used(?: in operation "([^"]+)")?/,
    rewrite: (m) => ({
      message: `Variable $${m[1] ?? ""} is declared by ${m[2] ?? "anonymous query"} but not used`,
      extensions: { variableName: m[1] },
    }),
  },
  NoUndefinedVariablesRule: {
    code: "variableNotDefined",
    pattern: /^Variable "\$([^"]+)" is not defined(?: by operation "([^"]+)")?/,
    rewrite: (m) => ({
      message: `Variable $${m[1] ?? ""} is used by ${m[2] ?? "anonymous query"} but not declared`,
      extensions: { variableName: m[1] },
    }),
  },
  KnownTypeNamesRule: {
    code: "undefinedType",
    pattern: /^Unknown type "([^"]+)"/,
    rewrite: (m) => ({ message: `${m[1] ?? ""} isn't a defined input type`, extensions: { typeName: m[1] } }),
  },
  ValuesOfCorrectTypeRule: { code: "argumentLiteralsIncompatible" },
  VariablesInAllowedPositionRule: { code: "variableMismatch" },
  VariablesAreInputTypesRule: { code: "variableRequiresValidType" },
  KnownDirectivesRule: { code: "undefinedDirective" },
  KnownFragmentNamesRule: { code: "undefinedFragment" },
  NoUnusedFragmentsRule: { code: "useAndDefineFragment" },
  NoFragmentCyclesRule: { code: "infiniteLoop" },
  UniqueOperationNamesRule: { code: "uniquelyNamedOperations" },
  LoneAnonymousOperationRule: { code: "anonymousOperationMustBeAlone" },
  OverlappingFieldsCanBeMergedRule: { code: "fieldConflict" },
  PossibleFragmentSpreadsRule: { code: "cannotSpreadFragment" },
  FragmentsOnCompositeTypesRule: { code: "fragmentOnNonCompositeType" },
  UniqueArgumentNamesRule: { code: "argumentNotUnique" },
  UniqueVariableNamesRule: { code: "variableNotUnique" },
  UniqueInputFieldNamesRule: { code: "inputFieldNotUnique" },
  UniqueDirectivesPerLocationRule: { code: "directiveNotUnique" },
  UniqueFragmentNamesRule: { code: "fragmentNotUnique" },
  ExecutableDefinitionsRule: { code: "definitionNotExecutable" },
  SingleFieldSubscriptionsRule: { code: "subscriptionNotSupported" },
  KnownArgumentNamesOnDirectivesRule: { code: "argumentNotAccepted" },
};

function locationsOf(error: GraphQLError): ShopifyError["locations"] {
  return error.locations?.map((l) => ({ line: l.line, column: l.column }));
}

/** A single graphql-js error in Shopify's shape (code from the error, else `code`). */
export function formatGraphQLError(error: GraphQLError, code?: string): ShopifyError {
  const extensions = { ...error.extensions } as Record<string, unknown>;
  const out: ShopifyError = {
    message: error.message,
    extensions: {
      ...extensions,
      code: typeof extensions.code === "string" ? extensions.code : (code ?? "INTERNAL_SERVER_ERROR"),
    },
  };
  const locations = locationsOf(error);
  if (locations) out.locations = locations;
  if (error.path) out.path = [...error.path];
  return out;
}

/** A parse error: graphql-ruby says `syntax error, …` with the location. */
export function formatSyntaxError(error: GraphQLError): ShopifyError {
  const detail = error.message.replace(/^Syntax Error: /, "");
  const out: ShopifyError = { message: `syntax error: ${detail}`, extensions: { code: "PARSE_ERROR" } };
  const locations = locationsOf(error);
  if (locations) out.locations = locations;
  return out;
}

const RULE_NAMES = new Map<ValidationRule, string>(specifiedRules.map((rule) => [rule, rule.name]));

/**
 * Validates a document against the schema and returns the errors in Shopify's shape. Each error is
 * attributed to its rule by re-running the rules one at a time (only when the document is invalid).
 */
export function validateLikeShopify(schema: GraphQLSchema, document: DocumentNode): ShopifyError[] {
  const errors = validate(schema, document);
  if (errors.length === 0) return [];
  const ruleOf = new Map<string, string>();
  for (const [rule, name] of RULE_NAMES) {
    for (const error of validate(schema, document, [rule]))
      ruleOf.set(`${error.message}@${JSON.stringify(error.locations)}`, name);
  }
  return errors.map((error) => {
    const rule = ruleOf.get(`${error.message}@${JSON.stringify(error.locations)}`) ?? "";
    const rewrite = REWRITES[rule];
    const base = formatGraphQLError(error, rewrite?.code ?? "validationError");
    base.extensions.code = rewrite?.code ?? "validationError";
    const match = rewrite?.pattern?.exec(error.message);
    if (rewrite?.rewrite && match) {
      const { message, extensions } = rewrite.rewrite(match);
      base.message = message;
      Object.assign(base.extensions, extensions);
    }
    return base;
  });
}
