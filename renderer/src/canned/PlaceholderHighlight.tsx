// Marks placeholders still in the composer's text: a mirror of the text behind the (transparent)
// textarea, with the same font and wrapping, in which only the placeholders are visible as marks.
import { Fragment, type RefObject, useEffect, useRef } from 'react';
import { findPlaceholders } from '../../../shared/templates/variables';

export function PlaceholderHighlight({ text, inputRef }: { text: string; inputRef: RefObject<HTMLTextAreaElement | null> }) {
  const mirror = useRef<HTMLDivElement>(null);
  const found = findPlaceholders(text);

  // Follow the textarea's scrolling.
  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    const sync = () => {
      if (mirror.current) mirror.current.scrollTop = input.scrollTop;
    };
    sync();
    input.addEventListener('scroll', sync);
    return () => input.removeEventListener('scroll', sync);
  }, [inputRef, text]);

  if (found.length === 0) return null;
  const parts = [];
  let at = 0;
  for (const [i, p] of found.entries()) {
    parts.push(<Fragment key={`t${i}`}>{text.slice(at, p.start)}</Fragment>);
    parts.push(
      <mark key={`m${i}`} className="placeholder-mark" data-testid="unresolved-mark">
        {p.raw}
      </mark>,
    );
    at = p.end;
  }
  parts.push(<Fragment key="end">{text.slice(at)}{'\n'}</Fragment>);
  return (
    <div ref={mirror} className="composer__mirror" aria-hidden="true">
      {parts}
    </div>
  );
}
