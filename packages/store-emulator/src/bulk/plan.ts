// Checks a bulk query the way bulkOperationRunQuery does, and records where its connections are,
// so the runner can flatten the result into JSONL lines with `__parentId`.
import {
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationTypeNode,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  isAbstractType,
  isInterfaceType,
  GraphQLError,
} from "graphql";
import { formatSyntaxError, validateLikeShopify } from "../graphql/format-errors.js";

/** A connection in a bulk query: the response key under which it appears, and its own nested connections. */
export interface ConnectionPlan {
  responseKey: string;
  children: ConnectionPlan[];
}

export interface BulkPlan {
  root: ConnectionPlan;
}

const MAX_CONNECTIONS = 5;
const MAX_DEPTH = 2;

function isConnectionType(type: GraphQLOutputType): boolean {
  const named = getNamedType(type);
  return isObjectType(named) && named.name.endsWith("Connection") && "edges" in named.getFields();
}

function unwrap(type: GraphQLOutputType): GraphQLOutputType {
  return isNonNullType(type) ? type.ofType : type;
}

/** Fields selected in a selection set, with fragments inlined (bulk queries rarely use them). */
function collectFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
): FieldNode[] {
  const out: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      out.push(...collectFields(selection.selectionSet, fragments));
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) out.push(...collectFields(fragment.selectionSet, fragments));
    }
  }
  return out;
}

function fieldType(
  parent: GraphQLCompositeType,
  name: string,
  schema: GraphQLSchema,
): GraphQLOutputType | undefined {
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name]?.type;
  if (isAbstractType(parent)) {
    for (const type of schema.getPossibleTypes(parent)) {
      const field = type.getFields()[name];
      if (field) return field.type;
    }
  }
  return undefined;
}

/**
 * Plans a bulk query: valid against the schema, exactly one top-level connection, at most five
 * connections nested at most two deep, each directly under a node that selects `id`.
 *
 * @example
 * planBulkQuery(schema, "{ products { edges { node { id variants { edges { node { id } } } } } } }")
 */
export function planBulkQuery(schema: GraphQLSchema, query: string): BulkPlan | { error: string } {
  let document;
  try {
    document = parse(query);
  } catch (error) {
    return {
      error: `Invalid bulk query: ${error instanceof GraphQLError ? formatSyntaxError(error).message : String(error)}`,
    };
  }
  const errors = validateLikeShopify(schema, document);
  if (errors.length) return { error: `Invalid bulk query: ${errors.map((e) => e.message).join("; ")}` };
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length !== 1 || operations[0]?.operation !== OperationTypeNode.QUERY)
    return { error: "Invalid bulk query: a bulk query must contain exactly one query operation." };
  const operation = operations[0];
  if (operation.variableDefinitions?.length)
    return { error: "Invalid bulk query: variables are not supported in bulk queries." };
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const rootFields = collectFields(operation.selectionSet, fragments);
  const queryType = schema.getQueryType();
  if (!queryType) return { error: "Invalid bulk query: the schema has no query type." };
  const [rootField] = rootFields;
  if (rootFields.length !== 1 || !rootField)
    return { error: "Invalid bulk query: a bulk query must have exactly one top-level field." };
  const rootType = queryType.getFields()[rootField.name.value]?.type;
  if (!rootType || !isConnectionType(rootType))
    return { error: "Bulk queries must contain at least one connection." };

  let total = 0;
  const planConnection = (
    field: FieldNode,
    type: GraphQLOutputType,
    depth: number,
  ): ConnectionPlan | string => {
    total += 1;
    if (total > MAX_CONNECTIONS)
      return `Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`;
    if (depth > MAX_DEPTH)
      return `Bulk queries cannot contain connections with a nesting depth greater than ${MAX_DEPTH}.`;
    const connectionType = getNamedType(type);
    if (!isObjectType(connectionType) || !field.selectionSet)
      return "Invalid bulk query: connection without selection.";
    const nodeType = getNamedType(
      connectionType.getFields().node?.type ?? connectionType.getFields().nodes?.type ?? type,
    ) as GraphQLCompositeType;
    const nodeSelections: FieldNode[] = [];
    for (const sub of collectFields(field.selectionSet, fragments)) {
      if (sub.name.value === "nodes" && sub.selectionSet)
        nodeSelections.push(...collectFields(sub.selectionSet, fragments));
      if (sub.name.value === "edges" && sub.selectionSet) {
        for (const edgeField of collectFields(sub.selectionSet, fragments)) {
          if (edgeField.name.value === "node" && edgeField.selectionSet)
            nodeSelections.push(...collectFields(edgeField.selectionSet, fragments));
        }
      }
    }
    const children: ConnectionPlan[] = [];
    for (const sub of nodeSelections) {
      const subType = fieldType(nodeType, sub.name.value, schema);
      if (!subType) continue;
      if (isConnectionType(subType)) {
        if (!nodeSelections.some((s) => s.name.value === "id" && !s.alias)) {
          return `The parent 'node' field for a nested connection must select the 'id' field without an alias. Connection field '${sub.name.value}' is missing it.`;
        }
        const child = planConnection(sub, subType, depth + 1);
        if (typeof child === "string") return child;
        children.push(child);
      } else if (
        isListType(unwrap(subType)) &&
        sub.selectionSet &&
        containsConnection(sub.selectionSet, getNamedType(subType) as GraphQLCompositeType)
      ) {
        return "Queries that contain a connection field within a list field are not currently supported.";
      }
    }
    return { responseKey: field.alias?.value ?? field.name.value, children };
  };
  const containsConnection = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): boolean =>
    collectFields(selectionSet, fragments).some((f) => {
      const t = fieldType(parent, f.name.value, schema);
      return t !== undefined && isConnectionType(t);
    });

  const root = planConnection(rootField, rootType, 1);
  return typeof root === "string" ? { error: root } : { root };
}
