// Synthesizes the notification sounds into renderer/public/sounds/<name>.wav (16-bit mono PCM,
// 22.05 kHz): short, soft, and made here from a few sine partials so the app ships its own sounds
// with no third-party audio. Run with `npm run sounds`; the files are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NOTIFICATION_SOUNDS } from '../shared/notifications';
import { fromRoot } from './lib/paths';

const RATE = 22_050;

/** A tone: frequency partials (Hz, relative amplitude), start and length in seconds, decay rate. */
interface Tone {
  partials: readonly (readonly [number, number])[];
  start: number;
  length: number;
  decay: number;
}

const DESIGNS: Record<(typeof NOTIFICATION_SOUNDS)[number], readonly Tone[]> = {
  // Two rising notes (E6, A6) with a soft octave.
  chime: [
    { partials: [[1318.5, 1], [2637, 0.25]], start: 0, length: 0.35, decay: 9 },
    { partials: [[1760, 1], [3520, 0.2]], start: 0.12, length: 0.5, decay: 7 },
  ],
  // One bell-like note with an inharmonic overtone.
  ding: [{ partials: [[1046.5, 1], [2793, 0.35], [4186, 0.1]], start: 0, length: 0.7, decay: 6 }],
  // Two short low knocks.
  knock: [
    { partials: [[220, 1], [440, 0.4]], start: 0, length: 0.09, decay: 45 },
    { partials: [[220, 1], [440, 0.4]], start: 0.16, length: 0.09, decay: 45 },
  ],
};

function synthesize(tones: readonly Tone[]): Int16Array {
  const end = Math.max(...tones.map((t) => t.start + t.length));
  const samples = new Float64Array(Math.ceil(end * RATE));
  for (const tone of tones) {
    const first = Math.floor(tone.start * RATE);
    const count = Math.floor(tone.length * RATE);
    const total = tone.partials.reduce((sum, [, amp]) => sum + amp, 0);
    for (let i = 0; i < count && first + i < samples.length; i++) {
      const t = i / RATE;
      // 5 ms attack avoids a click; exponential decay; a short release to zero at the end.
      const attack = Math.min(1, t / 0.005);
      const release = Math.min(1, (count - i) / (0.01 * RATE));
      const envelope = attack * release * Math.exp(-tone.decay * t);
      let value = 0;
      for (const [freq, amp] of tone.partials) value += (amp / total) * Math.sin(2 * Math.PI * freq * t);
      samples[first + i]! += value * envelope;
    }
  }
  const peak = Math.max(1e-9, ...samples.map(Math.abs));
  // Normalised to half of full scale: a notification should not startle.
  return Int16Array.from(samples, (v) => Math.round((v / peak) * 0.5 * 32_767));
}

function wav(pcm: Int16Array): Buffer {
  const data = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const outDir = fromRoot('renderer', 'public', 'sounds');
mkdirSync(outDir, { recursive: true });
for (const name of NOTIFICATION_SOUNDS) {
  const file = path.join(outDir, `${name}.wav`);
  writeFileSync(file, wav(synthesize(DESIGNS[name])));
  process.stdout.write(`Wrote ${path.relative(fromRoot(), file)}\n`);
}
