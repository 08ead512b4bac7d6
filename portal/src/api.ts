// The portal's only way to the server: JSON over fetch to the tenant's /api/, validated with the
// same schemas the server answers with. The session cookie travels by itself (same origin).
import { z } from 'zod';
import {
  PORTAL,
  portalConversationListSchema,
  portalMeSchema,
  portalSendResponseSchema,
  portalThreadSchema,
  type PortalConversation,
  type PortalMe,
  type PortalSendInput,
  type PortalThread,
} from '../../shared/portal';
import { ATTACHMENT_HEADERS, httpErrorSchema } from '../../shared/protocol';

/** A failed call: `status` 0 when the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type SendResult = z.infer<typeof portalSendResponseSchema>;

export interface PortalApi {
  readonly tenant: string;
  me(): Promise<PortalMe>;
  conversations(): Promise<PortalConversation[]>;
  thread(conversationId: string): Promise<PortalThread>;
  /** `conversationId` null starts a new conversation. */
  send(conversationId: string | null, request: PortalSendInput): Promise<SendResult>;
  /** Uploads a file for the next message under `id`, reporting the bytes sent so far. */
  upload(id: string, file: File, onProgress: (sent: number) => void): Promise<void>;
  /** Where a file of the customer's conversations is fetched from (same origin, session cookie). */
  attachmentUrl(id: string): string;
  markRead(conversationId: string, upToSeq: number): Promise<void>;
  /** The customer is typing in the conversation, or stopped. */
  typing(conversationId: string, typing: boolean): Promise<void>;
  signOut(): Promise<void>;
  /** URL of the live event stream. */
  readonly eventsUrl: string;
}

/** An upload over XMLHttpRequest, the one browser API that reports upload progress. */
function uploadFile(url: string, file: File, onProgress: (sent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    request.setRequestHeader(ATTACHMENT_HEADERS.fileName, encodeURIComponent(file.name));
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) return resolve();
      let json: unknown = null;
      try {
        json = JSON.parse(request.responseText);
      } catch {
        // Not an error body of ours (a proxy's page, say): the status says enough.
      }
      const error = httpErrorSchema.safeParse(json);
      reject(new ApiError(request.status, error.success ? error.data.error.code : 'internal', error.success ? error.data.error.message : request.statusText));
    };
    request.onerror = () => reject(new ApiError(0, 'offline', 'The server could not be reached.'));
    request.send(file);
  });
}

export function createApi(tenant: string, fetcher: typeof fetch = (...args) => fetch(...args)): PortalApi {
  const call = async <T extends z.ZodType>(schema: T, rest: string, body?: unknown): Promise<z.infer<T>> => {
    let response: Response;
    try {
      response = await fetcher(PORTAL.api(tenant, rest), {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, 'offline', 'The server could not be reached.');
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = httpErrorSchema.safeParse(json);
      throw new ApiError(response.status, error.success ? error.data.error.code : 'internal', error.success ? error.data.error.message : response.statusText);
    }
    return schema.parse(json);
  };
  const ok = z.object({ ok: z.literal(true) });
  return {
    tenant,
    eventsUrl: PORTAL.api(tenant, 'events'),
    me: () => call(portalMeSchema, 'me'),
    conversations: async () => (await call(portalConversationListSchema, 'conversations')).conversations,
    thread: (id) => call(portalThreadSchema, `conversations/${encodeURIComponent(id)}`),
    send: (id, request) =>
      call(portalSendResponseSchema, id === null ? 'conversations' : `conversations/${encodeURIComponent(id)}/messages`, request),
    upload: (id, file, onProgress) => uploadFile(PORTAL.attachment(tenant, id), file, onProgress),
    attachmentUrl: (id) => PORTAL.attachment(tenant, id),
    markRead: async (id, upToSeq) => void (await call(ok, `conversations/${encodeURIComponent(id)}/read`, { upToSeq })),
    typing: async (id, typing) => void (await call(ok, `conversations/${encodeURIComponent(id)}/typing`, { typing })),
    signOut: async () => void (await call(ok, 'sign-out', {})),
  };
}
