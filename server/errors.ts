import type { z } from 'zod';
import type { ProtocolErrorCode } from '../shared/protocol';
import type { Reason } from '../shared/reasons';

/**
 * An expected failure with a code the client can act on; anything else is 'internal'. `reason`
 * is what a console translates for the agent; the English message stays for logs and API clients.
 */
export class ProtocolFailure extends Error {
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
    readonly reason?: Reason,
  ) {
    super(message);
    this.name = 'ProtocolFailure';
  }
}

/** "from: expected a phone number; text: Too small: ..." — names every bad field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}
