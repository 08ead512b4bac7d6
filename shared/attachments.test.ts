import { describe, expect, it } from 'vitest';
import { ATTACHMENT_CHUNK_BYTES, checkAttachment, describeRefusal } from './attachments';

const MB = 1024 * 1024;

describe('checkAttachment', () => {
  it('accepts images up to 5 MB on any channel', () => {
    for (const [name, mimeType] of [['a.jpg', 'image/jpeg'], ['b.png', 'image/png'], ['c.gif', 'image/gif']] as const) {
      expect(checkAttachment({ name, mimeType, size: 5 * MB }, 'sms')).toMatchObject({ ok: true, type: { kind: 'image' } });
      expect(checkAttachment({ name, mimeType, size: 5 * MB + 1 }, 'sms')).toEqual({
        ok: false,
        refusal: { code: 'tooLarge', name, size: 5 * MB + 1, maxBytes: 5 * MB },
      });
    }
  });

  it('accepts PDF, DOC and XLS documents up to 10 MB', () => {
    expect(checkAttachment({ name: 'r.pdf', mimeType: 'application/pdf', size: 10 * MB }, 'email').ok).toBe(true);
    expect(checkAttachment({ name: 'r.doc', mimeType: 'application/msword', size: 9 * MB }, 'email').ok).toBe(true);
    expect(checkAttachment({ name: 'r.xls', mimeType: 'application/vnd.ms-excel', size: 1 }, 'portal').ok).toBe(true);
    expect(checkAttachment({ name: 'r.pdf', mimeType: 'application/pdf', size: 10 * MB + 1 }, 'email')).toMatchObject({
      ok: false,
      refusal: { code: 'tooLarge', maxBytes: 10 * MB },
    });
  });

  it('accepts MP4 up to 16 MB only on WhatsApp', () => {
    expect(checkAttachment({ name: 'v.mp4', mimeType: 'video/mp4', size: 16 * MB }, 'whatsapp')).toMatchObject({ ok: true });
    expect(checkAttachment({ name: 'v.mp4', mimeType: 'video/mp4', size: 16 * MB + 1 }, 'whatsapp')).toMatchObject({
      ok: false,
      refusal: { code: 'tooLarge' },
    });
    expect(checkAttachment({ name: 'v.mp4', mimeType: 'video/mp4', size: MB }, 'email')).toEqual({
      ok: false,
      refusal: { code: 'channelNotAllowed', name: 'v.mp4', channels: ['whatsapp'] },
    });
  });

  it('refuses other types and empty files', () => {
    expect(checkAttachment({ name: 'x.exe', mimeType: 'application/x-msdownload', size: 10 }, 'email')).toEqual({
      ok: false,
      refusal: { code: 'unsupportedType', name: 'x.exe' },
    });
    expect(checkAttachment({ name: 'a.png', mimeType: 'image/png', size: 0 }, 'email')).toEqual({
      ok: false,
      refusal: { code: 'emptyFile' },
    });
  });

  it('recognises a type by its name when the MIME type is missing, not when it contradicts', () => {
    expect(checkAttachment({ name: 'PHOTO.JPG', mimeType: '', size: 10 }, 'sms')).toMatchObject({ ok: true });
    expect(checkAttachment({ name: 'a.pdf', mimeType: 'application/octet-stream', size: 10 }, 'sms')).toMatchObject({ ok: true });
    expect(checkAttachment({ name: 'a.pdf', mimeType: 'text/html', size: 10 }, 'sms')).toMatchObject({ ok: false });
  });

  it('describes each refusal in words', () => {
    expect(describeRefusal({ code: 'tooLarge', name: 'a.png', size: 6 * MB, maxBytes: 5 * MB })).toBe(
      'a.png is 6.0 MB; the limit for this type is 5.0 MB.',
    );
  });

  it('chunks on a multiple of 3 bytes so base64 pieces concatenate', () => {
    expect(ATTACHMENT_CHUNK_BYTES % 3).toBe(0);
  });
});
