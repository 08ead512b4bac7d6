// Why something was refused or failed, as a code plus parameters: the backend and the core send it
// next to their English message (kept for logs and API clients) and the console translates it
// (`reasons.<code>` in every locale). A code this build does not know, or one whose parameters do
// not fit, is shown as the generic text of its error code instead of the English message.
import { parseJsonAs } from './parseJson';
import { z } from 'zod';

/**
 * How the console shows a parameter: `text` as given (names, shortcuts: data, not UI text),
 * `count` as a number that picks the plural form, `bytes` as a localized file size, `status` and
 * `channel` through their own translated names.
 */
export type ReasonParamKind = 'text' | 'count' | 'bytes' | 'status' | 'channel';

/** Every reason, with the kind of each parameter. Each code has a `reasons.<code>` key in every locale. */
export const REASONS = {
  // Workflow
  alreadyAccepted: { agent: 'text' },
  alreadyAcceptedUnknown: {},
  alreadyAssigned: { agent: 'text' },
  statusForbids: { status: 'status' },
  closedForWriting: { status: 'status' },
  unknownClosureReason: { reason: 'text' },
  tooManyTags: { count: 'count' },
  inboxNotReady: {},
  contactNoPhone: { contact: 'text', channel: 'channel' },
  contactNoEmail: { contact: 'text', channel: 'channel' },
  // WhatsApp
  whatsappNeedsTemplate: {},
  whatsappNotStarted: {},
  whatsappWindowClosed: {},
  templateWhatsappOnly: {},
  templateNoExtras: {},
  templateNotApproved: { template: 'text' },
  templateValues: {},
  // Messages
  onlyAuthorEdit: {},
  onlyAuthorDelete: {},
  messageDeleted: {},
  callNotEditable: {},
  notesTextOnly: {},
  quotedUnavailable: {},
  sendingNow: {},
  unsentMessages: { count: 'count' },
  unsentOtherAccount: { count: 'count' },
  historyOffline: {},
  historyFailed: {},
  searchOffline: {},
  searchFailed: {},
  linkNotAllowed: {},
  desktopOnly: {},
  // Files
  fileEmpty: {},
  fileUnsupported: { name: 'text' },
  fileTooLarge: { name: 'text', size: 'bytes', limit: 'bytes' },
  fileChannelNotAllowed: { name: 'text' },
  fileUnavailable: {},
  fileDownloadFailed: {},
  attachmentMissing: {},
  // Canned messages
  shortcutTaken: { shortcut: 'text' },
  cannedSupervisorsOnly: {},
  // Things that are gone
  conversationUnavailable: {},
  contactUnavailable: {},
  messageUnavailable: {},
  agentUnavailable: {},
  queueUnavailable: {},
  cannedUnavailable: {},
  // Login and sync
  serverUnreachable: {},
  serverNotUnderstood: {},
  sessionExpired: {},
  syncFailed: {},
  // Notices
  mustRefetch: {},
  cacheRecovered: {},
  cacheFromNewerApp: {},
} as const satisfies Record<string, Record<string, ReasonParamKind>>;

export type ReasonCode = keyof typeof REASONS;
export const REASON_CODES = Object.keys(REASONS) as ReasonCode[];

type ParamValue<K extends ReasonParamKind> = K extends 'count' | 'bytes' ? number : string;
export type ReasonParams<C extends ReasonCode> = { -readonly [P in keyof (typeof REASONS)[C]]: ParamValue<(typeof REASONS)[C][P] & ReasonParamKind> };

/** On the wire: any code (a newer backend may know more), validated loosely. */
export const reasonSchema = z.object({
  code: z.string().min(1).max(64),
  params: z.record(z.string().max(64), z.union([z.string().max(1_000), z.number()])).default({}),
});
export type Reason = z.infer<typeof reasonSchema>;

/** A reason kept as JSON (the cache's outbox), or null when absent or not a reason. */
export function reasonFromJson(text: string | null): Reason | null {
  return text === null ? null : parseJsonAs(reasonSchema, text);
}

/** A reason with its parameters checked against the list at compile time. */
export function reason<C extends ReasonCode>(code: C, ...params: keyof ReasonParams<C> extends never ? [] : [ReasonParams<C>]): Reason {
  return { code, params: (params[0] ?? {}) as Record<string, string | number> };
}

/** A reason this build can word: a known code with every parameter of the right type. */
export function knownReason(value: Reason | null | undefined): { code: ReasonCode; params: Record<string, string | number> } | null {
  if (!value || !Object.hasOwn(REASONS, value.code)) return null;
  const code = value.code as ReasonCode;
  const kinds: Record<string, ReasonParamKind> = REASONS[code];
  for (const [name, kind] of Object.entries(kinds)) {
    const given = value.params[name];
    if (typeof given !== (kind === 'count' || kind === 'bytes' ? 'number' : 'string')) return null;
  }
  return { code, params: value.params };
}
