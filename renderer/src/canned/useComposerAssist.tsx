// Everything the composer gets from canned messages, in one hook so the composer itself stays
// small: the picker ("/" at the start, or Ctrl+/), suggested-reply chips, the marks on unresolved
// placeholders and the confirmation before sending one.
import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, type ReactNode, type RefObject, useId, useMemo, useState } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { CannedItem } from '../../../shared/ipc/contract';
import { findPlaceholders, resolveTemplate } from '../../../shared/templates/variables';
import { useDeskApi } from '../api/ApiContext';
import { useDeskQuery } from '../api/hooks';
import { deskKeyPrefix } from '../api/queryKeys';
import { Dialog } from '../ui/Dialog';
import { useCommand } from '../workspace/commands';
import { CannedPicker } from './CannedPicker';
import { PlaceholderHighlight } from './PlaceholderHighlight';
import { categoriesOf, searchCanned } from './search';
import { SuggestionChips } from './SuggestionChips';
import { useTemplateContext } from './useTemplateContext';
import './canned.css';

const SLASH = /^\/([^\s/]*)$/;

interface AssistOptions {
  conversationId: string;
  body: string;
  setBody: (text: string) => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  /** The customer's last message, for suggestions. */
  lastInbound: string;
  /** Sends without further checks. */
  send: (text: string) => void;
}

export interface ComposerAssist {
  /** Handles the picker's keys; returns true when the key was used. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  /** Sends, or first asks when placeholders are left. */
  submit: (text: string) => void;
  above: ReactNode;
  behindInput: ReactNode;
  dialog: ReactNode;
  /** aria attributes for the textarea while the picker is open. */
  inputAria: Record<string, string | undefined>;
}

export function useComposerAssist({ conversationId, body, setBody, inputRef, lastInbound, send }: AssistOptions): ComposerAssist {
  const t = useT();
  const api = useDeskApi();
  const queryClient = useQueryClient();
  const list = useDeskQuery('canned.list', {}, { staleTime: 60_000 });
  const canned = useMemo(() => list.data ?? [], [list.data]);
  const context = useTemplateContext(conversationId);
  const listId = useId();
  // Ctrl+/ opens the picker over any text; "/" typed into an empty box opens it from the text.
  const [forced, setForced] = useState<{ query: string } | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [confirming, setConfirming] = useState<string | null>(null);

  const slash = SLASH.exec(body);
  const query = forced ? forced.query : slash && dismissed !== body ? slash[1]! : null;
  const open = query !== null;
  const results = useMemo(() => (open ? searchCanned(canned, query, category) : []), [open, canned, query, category]);
  const current = Math.min(active, Math.max(0, results.length - 1));

  const close = () => {
    setForced(null);
    setCategory(null);
    setActive(0);
    if (slash) setDismissed(body);
  };

  const choose = (item: CannedItem) => {
    const { text } = resolveTemplate(item.body, context());
    const input = inputRef.current;
    let next: string;
    if (forced && input) {
      const start = input.selectionStart ?? body.length;
      const end = input.selectionEnd ?? body.length;
      next = body.slice(0, start) + text + body.slice(end);
    } else {
      next = text;
    }
    setBody(next);
    setForced(null);
    setCategory(null);
    setActive(0);
    void api['canned.used']({ id: item.id }).then(() => queryClient.invalidateQueries({ queryKey: deskKeyPrefix('canned.list') }));
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(next.length, next.length);
    });
  };

  useCommand('canned', () => {
    setForced({ query: '' });
    inputRef.current?.focus();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + results.length) % Math.max(1, results.length));
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      const item = results[current];
      if (!item) return false;
      choose(item);
    } else if (event.key === 'Escape') {
      close();
    } else if (forced && event.key === 'Backspace' && forced.query === '') {
      close();
    } else if (forced && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // While opened with Ctrl+/, typing searches instead of writing into the reply.
      setForced({ query: forced.query + event.key });
      setActive(0);
    } else if (forced && event.key === 'Backspace') {
      setForced({ query: forced.query.slice(0, -1) });
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  const submit = (text: string) => {
    if (findPlaceholders(text).length > 0) setConfirming(text);
    else send(text);
  };

  const above = open ? (
    <>
      {forced ? (
        <p className="canned-picker__query" data-testid="canned-query">
          {t('canned.searching', { query: forced.query })}
        </p>
      ) : null}
      <CannedPicker
        results={results}
        categories={categoriesOf(canned)}
        category={category}
        onCategory={(c) => {
          setCategory(c);
          setActive(0);
        }}
        active={current}
        onActive={setActive}
        onChoose={choose}
        context={context}
        listId={listId}
      />
    </>
  ) : body.trim() === '' && lastInbound ? (
    <SuggestionChips message={lastInbound} canned={canned} onChoose={choose} />
  ) : null;

  const placeholders = confirming ? findPlaceholders(confirming).map((p) => p.raw) : [];
  const dialog = confirming ? (
    <Dialog
      title={t('canned.confirm.title')}
      onClose={() => {
        setConfirming(null);
        inputRef.current?.focus();
      }}
      testId="unresolved-confirm"
      footer={
        <>
          <button
            type="button"
            className="button"
            autoFocus
            onClick={() => {
              setConfirming(null);
              inputRef.current?.focus();
            }}
          >
            {t('canned.confirm.edit')}
          </button>
          <button
            type="button"
            className="button button--danger"
            data-testid="unresolved-send-anyway"
            onClick={() => {
              const text = confirming;
              setConfirming(null);
              send(text);
            }}
          >
            {t('canned.confirm.send')}
          </button>
        </>
      }
    >
      <p>{t('canned.confirm.body', { count: placeholders.length })}</p>
      <ul className="canned-confirm__list">
        {placeholders.map((p, i) => (
          <li key={`${p}${i}`}>
            <mark className="placeholder-mark">{p}</mark>
          </li>
        ))}
      </ul>
    </Dialog>
  ) : null;

  return {
    onKeyDown,
    submit,
    above,
    behindInput: <PlaceholderHighlight text={body} inputRef={inputRef} />,
    dialog,
    inputAria: open
      ? { role: 'combobox', 'aria-expanded': 'true', 'aria-controls': listId, 'aria-activedescendant': results[current] ? `${listId}-${current}` : undefined }
      : {},
  };
}
