// Deep links: agentdesk://conversation/<id> opens a conversation. The link comes from outside the
// app (a browser, a mail, another program), so it is parsed strictly: that one form, and an id of
// the characters ids are made of, or nothing.
export const DEEP_LINK_SCHEME = 'agentdesk';

const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** The conversation id of a valid deep link, else null. */
export function parseDeepLink(raw: string): string | null {
  if (raw.length > 300) return null;
  const match = /^agentdesk:\/\/conversation\/([^/?#]+)\/?$/i.exec(raw.trim());
  if (!match) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return CONVERSATION_ID.test(id) ? id : null;
}

/** The first valid deep link among command-line arguments (Windows and Linux pass them so). */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const id = parseDeepLink(arg);
    if (id !== null) return id;
  }
  return null;
}
