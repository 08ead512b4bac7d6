// Attachment bytes to and from the backend over HTTP (bearer token). Upload errors come back as
// TransportErrors so the outbox sender classifies them like socket refusals: a refused file is a
// permanent failure with the server's reason, an outage is retried.
import http from 'node:http';
import https from 'node:https';
import { ATTACHMENT_HEADERS, HTTP, httpErrorSchema } from '../../../shared/protocol';
import type { Reason } from '../../../shared/reasons';
import type { Attachment } from '../../../shared/domain';
import { TransportError, type TransportErrorCode } from '../sync/transport';

const UPLOAD_TIMEOUT_MS = 120_000;
const PROGRESS_STEP = 64 * 1024;

function codeFor(status: number): TransportErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status >= 400 && status < 500) return 'invalid';
  return 'internal';
}

/** The server's `{ error: { message, reason } }` when it sent one, else the status. */
function errorFromBody(status: number, text: string): TransportError {
  let message = `The server answered ${status}.`;
  let reason: Reason | undefined;
  try {
    const body = httpErrorSchema.safeParse(JSON.parse(text));
    if (body.success) ({ message, reason } = body.data.error);
  } catch {
    // Not JSON: keep the status line.
  }
  return new TransportError(codeFor(status), message, reason);
}

function networkError(e: unknown): TransportError {
  if (e instanceof TransportError) return e;
  return new TransportError('disconnected', `Upload interrupted: ${e instanceof Error ? e.message : String(e)}`);
}

export interface UploadTarget {
  serverUrl: string;
  token: string;
  conversationId: string;
}

/**
 * PUTs the bytes under the attachment's id with node:http (not fetch), so that `progress` reports
 * bytes the socket has actually taken, chunk by chunk.
 */
export function uploadAttachment(
  target: UploadTarget,
  attachment: Attachment,
  bytes: Uint8Array,
  progress: (sent: number) => void,
): Promise<void> {
  const url = new URL(HTTP.attachment(encodeURIComponent(attachment.id)), target.serverUrl);
  url.searchParams.set('conversationId', target.conversationId);
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<void>((resolve, reject) => {
    const req = request(url, {
      method: 'PUT',
      timeout: UPLOAD_TIMEOUT_MS,
      headers: {
        authorization: `Bearer ${target.token}`,
        'content-type': attachment.mimeType,
        'content-length': String(bytes.length),
        [ATTACHMENT_HEADERS.fileName]: encodeURIComponent(attachment.name),
      },
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (e) => reject(networkError(e)));
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('error', (e) => reject(networkError(e)));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else reject(errorFromBody(status, Buffer.concat(parts).toString('utf8')));
      });
    });
    let offset = 0;
    const writeNext = () => {
      while (offset < bytes.length) {
        const end = Math.min(bytes.length, offset + PROGRESS_STEP);
        const chunk = bytes.subarray(offset, end);
        offset = end;
        const sent = offset;
        const more = req.write(chunk, () => progress(sent));
        if (!more) {
          req.once('drain', writeNext);
          return;
        }
      }
      req.end();
    };
    writeNext();
  });
}

export async function downloadAttachment(
  server: { serverUrl: string; token: string },
  id: string,
): Promise<Uint8Array> {
  const url = new URL(HTTP.attachment(encodeURIComponent(id)), server.serverUrl);
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${server.token}` }, signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
  } catch (e) {
    throw networkError(e);
  }
  if (!res.ok) throw errorFromBody(res.status, await res.text());
  return new Uint8Array(await res.arrayBuffer());
}
