// Renderer build. Run from the project root: `vite build --config renderer/vite.config.ts`.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** A path relative to this file, so the build does not depend on the working directory. */
function fromHere(relative: string): string {
  const path = decodeURIComponent(new URL(relative, import.meta.url).pathname);
  // file:///C:/x has the pathname /C:/x; Windows wants C:/x.
  return /^\/[A-Za-z]:/.test(path) ? path.slice(1) : path;
}

export default defineConfig({
  root: fromHere('.'),
  // Electron loads the app from a file or custom protocol, so asset URLs must be relative.
  base: './',
  plugins: [react()],
  build: {
    outDir: fromHere('../dist/renderer'),
    emptyOutDir: true,
    // Electron's Chromium and the e2e Chromium; top-level await in main.tsx needs ES2022.
    target: 'chrome120',
  },
});
