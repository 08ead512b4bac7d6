// Project locations, resolved from this file so the scripts work from any working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fromRoot = (...segments: string[]) => path.join(ROOT, ...segments);
