import ts from "typescript";

/** Props whose string value a merchant reads (or a screen reader speaks). */
export const TEXT_PROPS = new Set([
  "title",
  "label",
  "content",
  "helpText",
  "placeholder",
  "queryPlaceholder",
  "heading",
  "subtitle",
  "description",
  "accessibilityLabel",
  "aria-label",
  "alt",
  "message",
  "tooltip",
  "singular",
  "plural",
  "emptyText",
]);

export interface Finding {
  file: string;
  line: number;
  kind: "jsx-text" | "prop" | "unknown-key";
  text: string;
}

const LETTER = /\p{L}/u;
// Non-text values that may sit in text props: URLs, paths, anchors.
const NOT_TEXT = /^(https?:\/\/|mailto:|\/|#|\.\/)/;

function isUserText(value: string): boolean {
  const v = value.trim();
  return LETTER.test(v) && !NOT_TEXT.test(v);
}

/** String literal parts of an expression that would reach the screen as they are. */
function literalTexts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
  if (ts.isConditionalExpression(node))
    return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
    return [...literalTexts(node.left), ...literalTexts(node.right)];
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) {
    return [...literalTexts(node.left), ...literalTexts(node.right)];
  }
  return [];
}

function propName(name: ts.PropertyName | ts.JsxAttributeName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  if (ts.isJsxNamespacedName(name)) return `${name.namespace.text}:${name.name.text}`;
  return undefined;
}

/**
 * Finds user-facing strings written into a TSX file instead of going through `t()`: JSX text,
 * text props (JSX attributes and object literals such as `{ content: "…" }` for Polaris actions),
 * and `t(lang, "key")` calls whose key is not in the catalog.
 */
export function findHardCodedStrings(
  file: string,
  source: string,
  knownKeys: ReadonlySet<string>,
): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const add = (node: ts.Node, kind: Finding["kind"], text: string) =>
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, kind, text });

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && isUserText(node.text)) add(node, "jsx-text", node.text.trim());
    if (ts.isJsxAttribute(node) && node.initializer) {
      const name = propName(node.name);
      if (name && TEXT_PROPS.has(name)) {
        const init = node.initializer;
        const texts = ts.isStringLiteral(init)
          ? [init.text]
          : ts.isJsxExpression(init) && init.expression
            ? literalTexts(init.expression)
            : [];
        for (const text of texts) if (isUserText(text)) add(node, "prop", `${name}="${text}"`);
      }
    }
    if (ts.isPropertyAssignment(node)) {
      const name = propName(node.name);
      if (name && TEXT_PROPS.has(name)) {
        for (const text of literalTexts(node.initializer)) {
          if (isUserText(text)) add(node, "prop", `${name}: "${text}"`);
        }
      }
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "t" &&
      node.arguments.length >= 2
    ) {
      const key = node.arguments[1];
      if (
        key &&
        (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) &&
        !knownKeys.has(key.text)
      ) {
        add(node, "unknown-key", key.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}
