// Which links may leave the app for the OS (browser, mail client). Customer messages contain
// arbitrary links, so only plain web and mail links go out: no file:, javascript:, custom protocol
// handlers or smuggled credentials, which the OS would otherwise act on. Used by the Electron glue
// before shell.openExternal and by any IPC method that opens a link.

const MAX_EXTERNAL_URL_LENGTH = 2048;

/** The WHATWG URL parser, present in every runtime this module runs in (Node, Chromium). */
interface ParsedUrl {
  protocol: string;
  hostname: string;
  username: string;
  password: string;
  pathname: string;
}
const UrlParser = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

function parse(raw: string): ParsedUrl | null {
  try {
    return new UrlParser(raw);
  } catch {
    return null;
  }
}

/** A mailbox such as name@example.com, without further headers smuggled into the address. */
const MAILBOX = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

export function isSafeExternalUrl(raw: string): boolean {
  if (raw.length > MAX_EXTERNAL_URL_LENGTH || hasWhitespaceOrControl(raw)) return false;
  const url = parse(raw);
  if (!url) return false;
  if (url.protocol === 'mailto:') return MAILBOX.test(decodeURIComponentSafe(url.pathname));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username !== '' || url.password !== '') return false;
  return url.hostname !== '';
}

/** The URL parser drops tabs and newlines silently; a link that contains them is not what it shows. */
function hasWhitespaceOrControl(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return /\s/.test(raw);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
