import { useId, type ReactNode } from 'react';

/** An expandable section of the customer panel; open or closed as the agent left it. */
export function Section({ id, title, count, open, onToggle, children }: { id: string; title: string; count?: number; open: boolean; onToggle: (id: string) => void; children: ReactNode }) {
  const bodyId = useId();
  return (
    <section className="customer-section" data-testid={`customer-section-${id}`} data-open={open}>
      <h3 className="customer-section__heading">
        <button type="button" className="customer-section__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => onToggle(id)}>
          <span className="customer-section__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {title}
          {count !== undefined ? <span className="customer-section__count">{count}</span> : null}
        </button>
      </h3>
      {open ? (
        <div id={bodyId} className="customer-section__body">
          {children}
        </div>
      ) : null}
    </section>
  );
}
