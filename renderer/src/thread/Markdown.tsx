// Message bodies as safe markdown: the shared parser yields a tree, rendered here as React
// elements and text nodes only. Links open outside the app, and only for http(s) and mailto.
import { Fragment, memo, type MouseEvent, type ReactNode } from 'react';
import { type MdInline, parseMarkdown } from '../../../shared/text/markdown';
import { useOpenLink } from './useOpenLink';

function inline(nodes: readonly MdInline[], open: (href: string) => void): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={index}>{node.text}</Fragment>;
      case 'strong':
        return <strong key={index}>{inline(node.children, open)}</strong>;
      case 'em':
        return <em key={index}>{inline(node.children, open)}</em>;
      case 'code':
        return <code key={index} className="md__code">{node.text}</code>;
      case 'link': {
        const onClick = (event: MouseEvent) => {
          event.preventDefault();
          open(node.href);
        };
        return (
          <a key={index} className="md__link" href={node.href} target="_blank" rel="noopener noreferrer" onClick={onClick}>
            {inline(node.children, open)}
          </a>
        );
      }
    }
  });
}

export const Markdown = memo(function Markdown({ source, className }: { source: string; className?: string }) {
  const open = useOpenLink();
  return (
    <div className={className ? `md ${className}` : 'md'} dir="auto">
      {parseMarkdown(source).map((block, index) =>
        block.type === 'codeBlock' ? (
          <pre key={index} className="md__pre">
            <code>{block.text}</code>
          </pre>
        ) : (
          <p key={index} className="md__p">
            {inline(block.children, open)}
          </p>
        ),
      )}
    </div>
  );
});
