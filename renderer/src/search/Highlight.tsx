// Text with its search matches marked. Built from ranges as React elements: customer text never
// becomes HTML.
import { Fragment } from 'react';
import { segments, type Highlighted } from '../../../shared/search/highlight';

export function Highlight({ value }: { value: Highlighted }) {
  return (
    <>
      {segments(value).map((s, i) =>
        s.mark ? (
          <mark key={i} className="search-mark">
            {s.text}
          </mark>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}
