import { describe, expect, it } from 'vitest';
import { markdownToPlainText, parseInline, parseMarkdown, safeLinkHref } from './markdown';

describe('safeLinkHref', () => {
  it('allows http, https and mailto only', () => {
    expect(safeLinkHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeLinkHref('HTTP://example.com')).toBe('http://example.com');
    expect(safeLinkHref('https://example.com:8443/#top')).toBe('https://example.com:8443/#top');
    expect(safeLinkHref('mailto:help@example.com')).toBe('mailto:help@example.com');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>', 'file:///etc/passwd', 'vbscript:x', '/relative', 'https://', 'https://user:pw@example.com', 'https://exa mple.com', 'https://example.com\\@evil.test', 'java\nscript:alert(1)', 'mailto:no-at-sign']) {
      expect(safeLinkHref(bad)).toBeNull();
    }
  });
});

describe('parseInline', () => {
  it('keeps plain text, including HTML, as text', () => {
    expect(parseInline('Hi <b>there</b> <script>x()</script>')).toEqual([{ type: 'text', text: 'Hi <b>there</b> <script>x()</script>' }]);
  });

  it('parses bold, italic and code', () => {
    expect(parseInline('a **b** *c* _d_ `e*f*`')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'd' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'e*f*' },
    ]);
  });

  it('nests italic in bold', () => {
    expect(parseInline('**very *much***')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'very ' }, { type: 'em', children: [{ type: 'text', text: 'much' }] }] },
    ]);
  });

  it('leaves unmatched or spaced markers and snake_case alone', () => {
    expect(parseInline('2 * 3 * 4')).toEqual([{ type: 'text', text: '2 * 3 * 4' }]);
    expect(parseInline('**open')).toEqual([{ type: 'text', text: '**open' }]);
    expect(parseInline('order_id and user_name')).toEqual([{ type: 'text', text: 'order_id and user_name' }]);
    expect(parseInline('\\*not italic\\*')).toEqual([{ type: 'text', text: '*not italic*' }]);
  });

  it('links safe targets and leaves unsafe ones as literal text', () => {
    expect(parseInline('see [the docs](https://example.com/docs).')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', href: 'https://example.com/docs', children: [{ type: 'text', text: 'the docs' }] },
      { type: 'text', text: '.' },
    ]);
    expect(parseInline('[click](javascript:alert(1))')).toEqual([{ type: 'text', text: '[click](javascript:alert(1))' }]);
  });

  it('links bare URLs without trailing punctuation', () => {
    expect(parseInline('Track it at https://example.com/t/42.')).toEqual([
      { type: 'text', text: 'Track it at ' },
      { type: 'link', href: 'https://example.com/t/42', children: [{ type: 'text', text: 'https://example.com/t/42' }] },
      { type: 'text', text: '.' },
    ]);
  });

  it('stays bounded on hostile nesting', () => {
    const deep = `${'**'.repeat(500)}x${'**'.repeat(500)}`;
    expect(() => parseInline(deep)).not.toThrow();
    expect(parseInline('*'.repeat(10_000)).length).toBeGreaterThan(0);
  });
});

describe('parseMarkdown', () => {
  it('splits fenced code blocks from paragraphs and keeps line breaks', () => {
    expect(parseMarkdown('Try this:\n```\nnpm start\n<b>\n```\nthen **reload**')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Try this:' }] },
      { type: 'codeBlock', text: 'npm start\n<b>' },
      { type: 'paragraph', children: [{ type: 'text', text: 'then ' }, { type: 'strong', children: [{ type: 'text', text: 'reload' }] }] },
    ]);
    expect(parseMarkdown('line one\nline two')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'line one\nline two' }] }]);
  });
});

describe('markdownToPlainText', () => {
  it('drops markup and keeps the words', () => {
    expect(markdownToPlainText('**Order** *A-1* `x` [docs](https://example.com)')).toBe('Order A-1 x docs');
  });
});
