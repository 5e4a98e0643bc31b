// Shopify's calculated query cost: scalars and enums 0, objects 1, connections 2 + size × the
// cost of one node, mutations 10. Requested cost is computed before execution from `first`/`last`;
// actual cost from what the response really contains.
import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationTypeNode,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export const MUTATION_COST = 10;
const CONNECTION_BASE = 2;

interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>>;
}

function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  const named = getNamedType(field.type);
  return isObjectType(named) && named.name.endsWith("Connection") && "edges" in named.getFields();
}

function fieldsOf(
  type: GraphQLCompositeType,
  schema: GraphQLSchema,
): Record<string, GraphQLField<unknown, unknown>> {
  if (isObjectType(type) || isInterfaceType(type)) return type.getFields();
  // Unions: any member's field of that name (only __typename and fragments are selectable).
  const fields: Record<string, GraphQLField<unknown, unknown>> = {};
  for (const member of schema.getPossibleTypes(type)) Object.assign(fields, member.getFields());
  return fields;
}

/** Fields in a selection set with fragments inlined; fragment type conditions are resolved against `type`. */
function collect(
  selectionSet: SelectionSetNode,
  input: CostInput,
  type: GraphQLCompositeType,
): { node: FieldNode; parent: GraphQLCompositeType }[] {
  const out: { node: FieldNode; parent: GraphQLCompositeType }[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) out.push({ node: selection, parent: type });
    else {
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : input.fragments.get(selection.name.value);
      if (!fragment) continue;
      const conditionName = fragment.typeCondition?.name.value;
      const condition = conditionName ? input.schema.getType(conditionName) : type;
      const parent = condition && (isObjectType(condition) || isAbstractType(condition)) ? condition : type;
      out.push(...collect(fragment.selectionSet, input, parent));
    }
  }
  return out;
}

function argument(node: FieldNode, name: string, input: CostInput): unknown {
  const arg = node.arguments?.find((a) => a.name.value === name);
  return arg ? valueFromASTUntyped(arg.value, input.variables) : undefined;
}

function pageSize(node: FieldNode, input: CostInput): number {
  const first = argument(node, "first", input);
  const last = argument(node, "last", input);
  const size = typeof first === "number" ? first : typeof last === "number" ? last : 0;
  return Math.max(size, 0);
}

/** Cost of one node of a connection: the largest of `edges { node }` and `nodes`. */
function nodeCost(node: FieldNode, connection: GraphQLCompositeType, input: CostInput): number {
  if (!node.selectionSet) return 0;
  const fields = fieldsOf(connection, input.schema);
  let cost = 0;
  for (const { node: sub } of collect(node.selectionSet, input, connection)) {
    const name = sub.name.value;
    if (name === "edges" && sub.selectionSet) {
      const edgeType = getNamedType(fields.edges?.type);
      if (!edgeType || !(isObjectType(edgeType) || isAbstractType(edgeType))) continue;
      for (const { node: edgeField, parent } of collect(sub.selectionSet, input, edgeType)) {
        if (edgeField.name.value === "node") cost = Math.max(cost, selectionCost(edgeField, parent, input));
      }
    } else if (name === "nodes") cost = Math.max(cost, selectionCost(sub, connection, input));
  }
  return cost;
}

/**
 * Cost of a selection set: fields selected on the type itself add up; fragments on the concrete
 * types of an interface or union count as the most expensive branch ("maximum of possible selections").
 */
function childrenCost(selectionSet: SelectionSetNode, type: GraphQLCompositeType, input: CostInput): number {
  let common = 0;
  const branches = new Map<string, number>();
  for (const { node: sub, parent } of collect(selectionSet, input, type)) {
    const cost = selectionCost(sub, parent, input);
    if (parent === type || !isObjectType(parent) || isObjectType(type)) common += cost;
    else branches.set(parent.name, (branches.get(parent.name) ?? 0) + cost);
  }
  return common + Math.max(0, ...branches.values());
}

function selectionCost(node: FieldNode, parent: GraphQLCompositeType, input: CostInput): number {
  const field = fieldsOf(parent, input.schema)[node.name.value];
  if (!field) return 0; // __typename and other meta fields
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  const composite = named as GraphQLCompositeType;
  if (isConnection(field)) return CONNECTION_BASE + pageSize(node, input) * nodeCost(node, composite, input);
  const cost = 1 + (node.selectionSet ? childrenCost(node.selectionSet, composite, input) : 0);
  const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
  const multiplier = isListType(inner) ? Math.max(Number(argument(node, "first", input) ?? 1) || 1, 1) : 1;
  return cost * multiplier;
}

/** Requested cost of an operation, before execution. */
export function requestedCost(input: CostInput): number {
  const root =
    input.operation.operation === OperationTypeNode.MUTATION
      ? input.schema.getMutationType()
      : input.schema.getQueryType();
  if (!root) return 0;
  let total = 0;
  for (const { node, parent } of collect(input.operation.selectionSet, input, root)) {
    if (input.operation.operation === OperationTypeNode.MUTATION) {
      if (node.name.value !== "__typename") total += MUTATION_COST;
    } else total += selectionCost(node, parent, input);
  }
  return total;
}

// ── actual cost ───────────────────────────────────────────────────────────────────────────────

function actualSelectionCost(
  node: FieldNode,
  parent: GraphQLCompositeType,
  input: CostInput,
  value: unknown,
): number {
  const field = fieldsOf(parent, input.schema)[node.name.value];
  if (!field || value === null || value === undefined) return 0;
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  const composite = named as GraphQLCompositeType;
  if (isConnection(field)) {
    let items: unknown[] = [];
    let itemNode: { node: FieldNode; parent: GraphQLCompositeType } | undefined;
    if (node.selectionSet) {
      const fields = fieldsOf(composite, input.schema);
      for (const { node: sub } of collect(node.selectionSet, input, composite)) {
        const key = sub.alias?.value ?? sub.name.value;
        if (sub.name.value === "nodes") {
          items = ((value as Record<string, unknown>)[key] as unknown[] | undefined) ?? items;
          itemNode = { node: sub, parent: composite };
        } else if (sub.name.value === "edges" && sub.selectionSet) {
          const edgeType = getNamedType(fields.edges?.type) as GraphQLCompositeType;
          const edges =
            ((value as Record<string, unknown>)[key] as Record<string, unknown>[] | undefined) ?? [];
          for (const { node: edgeField, parent: edgeParent } of collect(sub.selectionSet, input, edgeType)) {
            if (edgeField.name.value === "node") {
              const nodeKey = edgeField.alias?.value ?? "node";
              items = edges.map((edge) => edge[nodeKey]);
              itemNode = { node: edgeField, parent: edgeParent };
            }
          }
        }
      }
    }
    let cost = CONNECTION_BASE;
    if (itemNode)
      for (const item of items) cost += actualSelectionCost(itemNode.node, itemNode.parent, input, item);
    return cost;
  }
  if (Array.isArray(value))
    return value.reduce((sum: number, item) => sum + actualObjectCost(node, composite, input, item), 0);
  return actualObjectCost(node, composite, input, value);
}

function actualObjectCost(
  node: FieldNode,
  type: GraphQLCompositeType,
  input: CostInput,
  value: unknown,
): number {
  if (value === null || typeof value !== "object") return 0;
  let cost = 1;
  if (!node.selectionSet) return cost;
  const typename = (value as { __typename?: unknown }).__typename;
  for (const { node: sub, parent } of collect(node.selectionSet, input, type)) {
    // Skip fragment branches for other concrete types when the response says which type it is.
    if (typeof typename === "string" && isObjectType(parent) && parent.name !== typename) continue;
    cost += actualSelectionCost(
      sub,
      parent,
      input,
      (value as Record<string, unknown>)[sub.alias?.value ?? sub.name.value],
    );
  }
  return cost;
}

/** Actual cost of an executed operation, from its response data. */
export function actualCost(input: CostInput, data: Record<string, unknown> | null | undefined): number {
  if (input.operation.operation === OperationTypeNode.MUTATION) return requestedCost(input);
  const root = input.schema.getQueryType();
  if (!root || !data) return 0;
  let total = 0;
  for (const { node, parent } of collect(input.operation.selectionSet, input, root)) {
    total += actualSelectionCost(node, parent, input, data[node.alias?.value ?? node.name.value]);
  }
  return total;
}
