// The Content-Security-Policy for the renderer, in Electron (app://) and in host mode alike: the
// page may load only its own bundled files. They differ only in where the page may connect: in
// Electron nowhere (it talks to the core through preload IPC), in host mode back to its own origin
// (the bridge WebSocket). It matches the meta policy in renderer/index.html; a header can also say
// frame-ancestors, which a meta tag cannot.
export function rendererCsp(connectSrc: "'none'" | "'self'"): string {
  const directives: Record<string, string> = {
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data:",
    'font-src': "'self'",
    // The notification sounds.
    'media-src': "'self'",
    'connect-src': connectSrc,
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources}`)
    .join('; ');
}
