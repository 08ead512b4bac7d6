// Maps a request URL (app://desk/... in Electron, /... in host mode) to a file under the renderer
// directory. Anything that would resolve outside that directory (dot segments, encoded separators,
// NUL bytes) is refused, so a page or a crafted link cannot read arbitrary files.
import path from 'node:path';

export function resolveStaticFile(rootDir: string, requestUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://host.invalid').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}
