// Which links may leave the app for the OS browser. Customer messages contain arbitrary links, so
// only plain web URLs go out: no file:, javascript:, custom protocol handlers or smuggled
// credentials, which shell.openExternal would otherwise hand to the OS.
const MAX_EXTERNAL_URL_LENGTH = 2048;

export function isSafeExternalUrl(raw: string): boolean {
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username !== '' || url.password !== '') return false;
  return url.hostname !== '';
}
