// Main-process log lines on stderr, one JSON object each, so they stay greppable in a terminal
// and in a log collector alike.
import type { Logger } from '../core/ports';

export function createConsoleLogger(scope: string): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) =>
    console.error(JSON.stringify({ time: new Date().toISOString(), level, scope, message, ...fields }));
  return {
    info: (message, fields) => line('info', message, fields),
    warn: (message, fields) => line('warn', message, fields),
    error: (message, fields) => line('error', message, fields),
  };
}
