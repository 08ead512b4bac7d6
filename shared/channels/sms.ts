// SMS segment counting, as carriers bill it: GSM-7 text fits 160 characters in one segment (153
// per segment once split), anything outside GSM-7 switches the whole message to UCS-2: 70 per
// segment (67 once split). Characters of the GSM-7 extension table take two septets.

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';

const BASIC = new Set(GSM7_BASIC);
const EXTENDED = new Set(GSM7_EXTENDED);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Units used: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** Units per segment at the current length (single or multipart). */
  perSegment: number;
  /** Units left before another segment starts. */
  remaining: number;
}

export const SMS_LIMITS = {
  gsm7: { single: 160, multipart: 153 },
  ucs2: { single: 70, multipart: 67 },
} as const;

function gsm7Units(text: string): number | null {
  let units = 0;
  for (const ch of text) {
    if (BASIC.has(ch)) units += 1;
    else if (EXTENDED.has(ch)) units += 2;
    else return null;
  }
  return units;
}

export function smsSegments(text: string): SmsSegments {
  const septets = gsm7Units(text);
  const encoding: SmsEncoding = septets === null ? 'ucs2' : 'gsm7';
  // UCS-2 counts UTF-16 code units: an emoji (a surrogate pair) takes two.
  const units = septets ?? text.length;
  const limits = SMS_LIMITS[encoding];
  if (units <= limits.single) {
    return { encoding, units, segments: units === 0 ? 0 : 1, perSegment: limits.single, remaining: limits.single - units };
  }
  const segments = Math.ceil(units / limits.multipart);
  return { encoding, units, segments, perSegment: limits.multipart, remaining: segments * limits.multipart - units };
}
