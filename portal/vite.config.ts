// Portal build: `vite build --config portal/vite.config.ts` writes dist/portal/, which the server
// serves under /portal/ (pages per tenant, assets shared).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

function fromHere(relative: string): string {
  const path = decodeURIComponent(new URL(relative, import.meta.url).pathname);
  return /^\/[A-Za-z]:/.test(path) ? path.slice(1) : path;
}

export default defineConfig({
  root: fromHere('.'),
  // Pages live at /portal/<tenant>/…; assets at /portal/assets/ for every tenant.
  base: '/portal/',
  plugins: [react()],
  build: {
    outDir: fromHere('../dist/portal'),
    emptyOutDir: true,
    // Top-level await in main.tsx; browsers of the last few years.
    target: 'es2022',
    // No inline module-preload polyfill: the CSP allows no inline script.
    modulePreload: { polyfill: false },
  },
});
