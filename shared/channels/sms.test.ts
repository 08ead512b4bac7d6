import { describe, expect, it } from 'vitest';
import { smsSegments } from './sms';

describe('smsSegments', () => {
  it('counts nothing for an empty message', () => {
    expect(smsSegments('')).toMatchObject({ encoding: 'gsm7', units: 0, segments: 0, remaining: 160 });
  });

  it('fits 160 GSM-7 characters in one segment and splits at 153 after that', () => {
    expect(smsSegments('a'.repeat(160))).toMatchObject({ encoding: 'gsm7', segments: 1, remaining: 0 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153, remaining: 306 - 161 });
    expect(smsSegments('a'.repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts extension characters such as € and [ as two septets', () => {
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments(`${'a'.repeat(159)}[`)).toMatchObject({ units: 161, segments: 2 });
  });

  it('keeps accented letters of the GSM-7 table in GSM-7', () => {
    expect(smsSegments('Grüße aus München, ¿qué tal? Ça va à Paris.').encoding).toBe('gsm7');
  });

  it('switches the whole message to UCS-2 for one character outside GSM-7: 70, then 67', () => {
    expect(smsSegments(`${'a'.repeat(69)}ł`)).toMatchObject({ encoding: 'ucs2', units: 70, segments: 1, remaining: 0 });
    expect(smsSegments(`${'a'.repeat(70)}ł`)).toMatchObject({ encoding: 'ucs2', segments: 2, perSegment: 67 });
    expect(smsSegments('é'.repeat(10)).encoding).toBe('gsm7');
    expect(smsSegments('ê').encoding).toBe('ucs2');
  });

  it('counts an emoji as two UCS-2 units', () => {
    expect(smsSegments('👍')).toMatchObject({ encoding: 'ucs2', units: 2, segments: 1 });
    expect(smsSegments('👍'.repeat(35))).toMatchObject({ units: 70, segments: 1 });
    expect(smsSegments('👍'.repeat(36))).toMatchObject({ units: 72, segments: 2 });
  });
});
