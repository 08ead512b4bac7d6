// Which translation keys the code uses. Any string literal that equals a key counts as a use (keys
// travel through tables like the shortcut list), and a template literal with a dotted static head
// (`inbox.empty.${view}`) uses every key it can produce. Calls to `t('…')` and `i18nKey="…"` are
// also kept with their position, to report keys the code asks for that no catalog defines.
import ts from 'typescript';

export interface KeyCall {
  /** The key, or a pattern for a template literal. */
  key: string | RegExp;
  file: string;
  line: number;
}

export interface KeyUsage {
  literals: Set<string>;
  patterns: RegExp[];
  calls: KeyCall[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function templatePattern(node: ts.TemplateExpression): RegExp | null {
  // Without a dotted static head (`${ns}.title`) the template could be any key; it proves nothing.
  if (!/^[\w-]+\./.test(node.head.text)) return null;
  const parts = [escape(node.head.text), ...node.templateSpans.map((span) => `.+${escape(span.literal.text)}`)];
  return new RegExp(`^${parts.join('')}$`);
}

const isTranslateCall = (node: ts.CallExpression) =>
  (ts.isIdentifier(node.expression) && node.expression.text === 't') ||
  (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't');

export function scanKeyUsage(files: { path: string; text: string }[]): KeyUsage {
  const usage: KeyUsage = { literals: new Set(), patterns: [], calls: [] };
  for (const file of files) {
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, false, file.path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const keyOf = (node: ts.Node | undefined): string | RegExp | null => {
      if (!node) return null;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
      if (ts.isTemplateExpression(node)) return templatePattern(node);
      return null;
    };
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) usage.literals.add(node.text);
      else if (ts.isTemplateExpression(node)) {
        const pattern = templatePattern(node);
        if (pattern) usage.patterns.push(pattern);
      }
      if (ts.isCallExpression(node) && isTranslateCall(node)) {
        const key = keyOf(node.arguments[0]);
        if (key !== null) usage.calls.push({ key, file: file.path, line: lineOf(node) });
      }
      if (ts.isJsxAttribute(node) && node.name.getText(source) === 'i18nKey' && node.initializer) {
        const key = keyOf(ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer);
        if (key !== null) usage.calls.push({ key, file: file.path, line: lineOf(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return usage;
}

/** Catalog keys (plural suffixes folded) that nothing in the code can reach. */
export function unusedKeys(keys: Iterable<string>, usage: KeyUsage): string[] {
  return [...keys].filter((key) => !usage.literals.has(key) && !usage.patterns.some((pattern) => pattern.test(key)));
}

/** `t()` calls whose key (or every key its template could produce) is in no catalog. */
export function undefinedKeys(keys: Iterable<string>, usage: KeyUsage): KeyCall[] {
  const known = [...keys];
  return usage.calls.filter((call) => (typeof call.key === 'string' ? !known.includes(call.key) : !known.some((key) => (call.key as RegExp).test(key))));
}
