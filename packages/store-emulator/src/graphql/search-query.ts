// Shopify's search syntax, as the `query` argument of connections takes it:
//   `status:active vendor:"Acme Co" updated_at:>2024-01-01 -tag:sale title:shirt* OR id:>100`
// Terms are ANDed, `OR` separates alternatives, `-` or `NOT` negates, `*` is a prefix wildcard,
// comparators are `:`, `:>`, `:>=`, `:<`, `:<=`. Words without a field match the default fields.

export type Comparator = "=" | ">" | ">=" | "<" | "<=";

export interface SearchTerm {
  field: string | null;
  comparator: Comparator;
  value: string;
  negated: boolean;
}

/** Alternatives (OR) of conjunctions (AND) of terms. */
export type SearchQuery = SearchTerm[][];

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const char of query) {
    if ((char === '"' || char === "'") && (quote === null || quote === char)) {
      quote = quote === null ? char : null;
      current += char;
    } else if (quote === null && /\s/.test(char)) {
      if (current) tokens.push(current);
      current = "";
    } else if (quote === null && (char === "(" || char === ")")) {
      // Parentheses are accepted and ignored: grouping beyond AND/OR precedence is not emulated.
      if (current) tokens.push(current);
      current = "";
    } else current += char;
  }
  if (current) tokens.push(current);
  return tokens;
}

function unquote(value: string): string {
  const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]);
  return quoted ? value.slice(1, -1) : value;
}

function parseTerm(token: string, negated: boolean): SearchTerm {
  let text = token;
  if (text.startsWith("-") && text.length > 1) {
    negated = !negated;
    text = text.slice(1);
  }
  const match = /^([A-Za-z_][A-Za-z0-9_.]*):(>=|<=|>|<)?(.*)$/s.exec(text);
  if (!match?.[1]) return { field: null, comparator: "=", value: unquote(text), negated };
  const comparator = (match[2] ?? "=") as Comparator;
  return { field: match[1].toLowerCase(), comparator, value: unquote(match[3] ?? ""), negated };
}

/** Parses a search string; an empty or blank query matches everything (`[[]]`). */
export function parseSearchQuery(query: string | null | undefined): SearchQuery {
  const groups: SearchQuery = [[]];
  let negateNext = false;
  for (const token of tokenize(query ?? "")) {
    if (token === "OR") {
      groups.push([]);
      continue;
    }
    if (token === "AND") continue;
    if (token === "NOT") {
      negateNext = true;
      continue;
    }
    groups.at(-1)?.push(parseTerm(token, negateNext));
    negateNext = false;
  }
  return groups.filter((group, index) => group.length > 0 || index === 0);
}

/** A searchable field's value(s) on a record: strings compare case-insensitively, dates as instants. */
export type FieldValue = string | number | boolean | null | readonly (string | number)[];

export interface SearchSchema<T> {
  fields: Record<string, (record: T) => FieldValue>;
  /** Fields a bare word is matched against (substring, case-insensitive). */
  defaultFields: ((record: T) => string | null)[];
  /** Fields whose values are timestamps. */
  dateFields?: readonly string[];
}

function compareScalar(actual: string | number, term: SearchTerm, isDate: boolean): boolean {
  if (isDate) {
    const a = Date.parse(String(actual));
    const b = Date.parse(term.value);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    return compareOrdered(a, b, term.comparator);
  }
  const numeric = typeof actual === "number" || /^-?\d+(\.\d+)?$/.test(String(actual));
  if (numeric && /^-?\d+(\.\d+)?$/.test(term.value)) {
    return compareOrdered(Number(actual), Number(term.value), term.comparator);
  }
  const a = String(actual).toLowerCase();
  const b = term.value.toLowerCase();
  if (term.comparator === "=") return b.endsWith("*") ? a.startsWith(b.slice(0, -1)) : a === b;
  return compareOrdered(a, b, term.comparator);
}

function compareOrdered<V extends number | string>(a: V, b: V, comparator: Comparator): boolean {
  switch (comparator) {
    case "=":
      return a === b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
  }
}

// Array.isArray does not narrow readonly arrays.
const isList = (value: FieldValue): value is readonly (string | number)[] => Array.isArray(value);

function matchesTerm<T>(record: T, term: SearchTerm, schema: SearchSchema<T>): boolean {
  let result: boolean;
  if (term.field === null) {
    const needle = term.value.toLowerCase().replace(/\*$/, "");
    result = schema.defaultFields.some((get) => (get(record) ?? "").toLowerCase().includes(needle));
  } else {
    const get = schema.fields[term.field];
    // Shopify ignores unknown search fields rather than failing the query.
    if (!get) return true;
    const value = get(record);
    const isDate = schema.dateFields?.includes(term.field) ?? false;
    if (value === null) result = term.value.toLowerCase() === "null";
    else if (isList(value)) result = value.some((item) => compareScalar(item, term, isDate));
    else if (typeof value === "string" || typeof value === "number")
      result = compareScalar(value, term, isDate);
    else result = String(value) === term.value.toLowerCase();
  }
  return term.negated ? !result : result;
}

/** Whether a record matches a parsed query. */
export function matchesSearch<T>(record: T, query: SearchQuery, schema: SearchSchema<T>): boolean {
  return query.some((group) => group.every((term) => matchesTerm(record, term, schema)));
}

/** Filters records by a raw query string. */
export function filterBySearch<T>(
  records: Iterable<T>,
  query: string | null | undefined,
  schema: SearchSchema<T>,
): T[] {
  const parsed = parseSearchQuery(query);
  const out: T[] = [];
  const matchAll = parsed.length === 1 && parsed[0]?.length === 0;
  for (const record of records) if (matchAll || matchesSearch(record, parsed, schema)) out.push(record);
  return out;
}
