// Writes WAV (RIFF/WAVE) files of audio the server makes up itself: text-to-speech prompts and
// call recordings. 8 kHz mono, the telephone rate the announcement repository takes.

export const SAMPLE_RATE = 8000;

/** A stretch of audio: a tone of `hz` (0: silence) lasting `ms`. */
export type Tone = { hz: number; ms: number };

/** 16-bit PCM of the tones in order, each faded in and out so that they do not click. */
export function toneWav(tones: readonly Tone[]): Buffer {
  const counts = tones.map((t) => Math.round((t.ms * SAMPLE_RATE) / 1000));
  const samples = counts.reduce((a, b) => a + b, 0);
  const out = wavHeader(1, 16, samples * 2);
  let at = 44;
  tones.forEach((tone, index) => {
    const count = counts[index]!;
    const fade = Math.min(80, Math.floor(count / 2));
    for (let i = 0; i < count; i++, at += 2) {
      const envelope = Math.min(1, i / (fade || 1), (count - 1 - i) / (fade || 1));
      const value = tone.hz === 0 ? 0 : Math.round(8000 * envelope * Math.sin((2 * Math.PI * tone.hz * i) / SAMPLE_RATE));
      out.writeInt16LE(value, at);
    }
  });
  return out;
}

/** µ-law silence: 8 kHz 8-bit G.711, the codec of a call, `seconds` long (a whole number of samples). */
export function silentMulawWav(seconds: number): Buffer {
  const samples = Math.max(0, Math.round(seconds * SAMPLE_RATE));
  const out = wavHeader(7, 8, samples);
  // 0xFF is µ-law's zero.
  out.fill(0xff, 44);
  return out;
}

/** A canonical 44-byte header (format tag 1 PCM, 7 µ-law) followed by room for the data. */
function wavHeader(format: number, bitsPerSample: number, dataBytes: number): Buffer {
  const out = Buffer.alloc(44 + dataBytes);
  const blockAlign = bitsPerSample / 8;
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(format, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(SAMPLE_RATE, 24);
  out.writeUInt32LE(SAMPLE_RATE * blockAlign, 28);
  out.writeUInt16LE(blockAlign, 32);
  out.writeUInt16LE(bitsPerSample, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  return out;
}
