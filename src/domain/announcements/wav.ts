// Reads the header of a WAV (RIFF/WAVE) file. The announcement repository takes the audio
// Webex documents for it: 8 or 16 kHz, 8- or 16-bit mono, µ-law, A-law or PCM.

export type WavInfo = {
  /** WAVE format tag: 1 PCM, 6 A-law, 7 µ-law (of the sub-format for WAVE_FORMAT_EXTENSIBLE). */
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Length of the audio in seconds, from the data chunk. */
  seconds: number;
};

/** Either the file's audio description or why it is not a WAV file. */
export type WavReading = { ok: true; info: WavInfo } | { ok: false; reason: string };

const ascii = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

export function readWav(bytes: Uint8Array): WavReading {
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') {
    return { ok: false, reason: 'it does not start with a RIFF/WAVE header' };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: Omit<WavInfo, 'seconds'> | undefined;
  let byteRate = 0;
  let dataBytes: number | undefined;
  // Chunks follow the 12-byte header: a 4-character id, a little-endian size, the data, and a
  // pad byte when the size is odd. A writer that streamed the file may have left the data
  // chunk's size too large; the bytes present are what counts.
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) return { ok: false, reason: 'its fmt chunk is truncated' };
      let format = view.getUint16(body, true);
      if (format === WAVE_FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= bytes.length) format = view.getUint16(body + 24, true);
      fmt = {
        format,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
      byteRate = view.getUint32(body + 8, true);
    } else if (id === 'data') {
      dataBytes = Math.min(size, bytes.length - body);
      break;
    }
    at = body + size + (size % 2);
  }
  if (!fmt) return { ok: false, reason: 'it has no fmt chunk' };
  if (dataBytes === undefined) return { ok: false, reason: 'it has no data chunk' };
  const rate = byteRate > 0 ? byteRate : (fmt.sampleRate * fmt.channels * fmt.bitsPerSample) / 8;
  return { ok: true, info: { ...fmt, seconds: rate > 0 ? dataBytes / rate : 0 } };
}

const FORMAT_NAMES: Record<number, string> = { 1: 'PCM', 6: 'A-law', 7: 'µ-law' };

/** Why the audio is not what the repository takes, or undefined when it is. */
export function unsupportedAudio(info: WavInfo): string | undefined {
  const name = FORMAT_NAMES[info.format];
  if (!name) return `format tag ${info.format} is not PCM, A-law or µ-law`;
  if (info.channels !== 1) return `${info.channels} channels instead of mono`;
  if (info.sampleRate !== 8000 && info.sampleRate !== 16000) return `${info.sampleRate} Hz instead of 8000 or 16000 Hz`;
  if (name === 'PCM' ? info.bitsPerSample !== 8 && info.bitsPerSample !== 16 : info.bitsPerSample !== 8) {
    return `${info.bitsPerSample}-bit ${name} samples`;
  }
  return undefined;
}
