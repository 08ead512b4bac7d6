// ESLint rule: no user-visible text written into JSX. Text children and the attributes a user sees
// or hears (aria-label, title, placeholder, alt, …) must come from i18next (`t('key')`), so every
// string reaches the locale files and `npm run i18n:check`. Strings without letters (separators
// like "·" or "—", digits) are not language and stay allowed.

/** Attributes whose value is shown to the user or read out by assistive technology. */
const VISIBLE_ATTRIBUTES = new Set([
  'alt',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'label',
  'placeholder',
  'title',
]);

const hasLetters = (text) => /\p{L}/u.test(text);

/** The string-literal parts of an expression that would end up as text. */
function literalTexts(node) {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [{ node, text: node.value }] : [];
    case 'TemplateLiteral':
      return node.quasis.map((quasi) => ({ node, text: quasi.value.cooked ?? '' }));
    case 'ConditionalExpression':
      return [...literalTexts(node.consequent), ...literalTexts(node.alternate)];
    case 'LogicalExpression':
      return [...literalTexts(node.left), ...literalTexts(node.right)];
    case 'JSXExpressionContainer':
      return literalTexts(node.expression);
    default:
      return [];
  }
}

/** @type {import('eslint').Rule.RuleModule} */
export const noLiteralUiText = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow literal user-visible text in JSX; use i18next.' },
    schema: [],
    messages: {
      text: 'Literal UI text "{{text}}": add a key to the locale files and render t(\'…\').',
      attribute: 'Literal text "{{text}}" in {{name}}: add a key to the locale files and pass t(\'…\').',
    },
  },
  create(context) {
    const report = (node, messageId, text, name) =>
      context.report({ node, messageId, data: { text: text.trim().slice(0, 40), name: name ?? '' } });
    const isChild = (node) => node.parent && (node.parent.type === 'JSXElement' || node.parent.type === 'JSXFragment');
    return {
      JSXText(node) {
        if (hasLetters(node.value)) report(node, 'text', node.value);
      },
      JSXExpressionContainer(node) {
        if (!isChild(node)) return;
        for (const part of literalTexts(node.expression)) if (hasLetters(part.text)) report(part.node, 'text', part.text);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : null;
        if (!name || !VISIBLE_ATTRIBUTES.has(name)) return;
        for (const part of literalTexts(node.value)) if (hasLetters(part.text)) report(part.node, 'attribute', part.text, name);
      },
    };
  },
};

export const uiTextPlugin = { rules: { 'no-literal-ui-text': noLiteralUiText } };
