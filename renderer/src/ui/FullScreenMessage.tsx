import type { ReactNode } from 'react';
import './fullscreen.css';

/** A whole-window message for states where the workspace cannot work at all. */
export function FullScreenMessage({ title, body, action, testId }: { title: string; body: string; action?: ReactNode; testId?: string }) {
  return (
    <main className="fullscreen" role="alert" data-testid={testId}>
      <div className="fullscreen__card">
        <h1 className="fullscreen__title">{title}</h1>
        <p className="fullscreen__body">{body}</p>
        {action}
      </div>
    </main>
  );
}
