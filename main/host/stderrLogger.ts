// Host-mode logs go to stderr as JSON lines: stdout carries only the one machine-readable
// "ready" line that launchers and tests wait for.
import type { Logger } from '../core/ports';

export function createStderrLogger(scope: string): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) =>
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, scope, message, ...fields })}\n`);
  return {
    info: (message, fields) => line('info', message, fields),
    warn: (message, fields) => line('warn', message, fields),
    error: (message, fields) => line('error', message, fields),
  };
}
