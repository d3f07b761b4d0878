import type { Client, Query, Reply } from './client.ts';

// WAV files and multipart uploads for the announcement repository tests.

export type WavOptions = {
  seconds?: number;
  sampleRate?: number;
  bitsPerSample?: number;
  channels?: number;
  /** 1 PCM, 6 A-law, 7 µ-law. */
  format?: number;
};

/** A WAV file of silence-ish audio (a ramp), 5 seconds of 8 kHz 8-bit mono PCM by default. */
export function wav(options: WavOptions = {}): Uint8Array {
  const { seconds = 5, sampleRate = 8000, bitsPerSample = 8, channels = 1, format = 1 } = options;
  const blockAlign = (channels * bitsPerSample) / 8;
  const dataBytes = Math.round(seconds * sampleRate) * blockAlign;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const text = (at: number, value: string) => [...value].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, format, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bitsPerSample, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < dataBytes; i++) bytes[44 + i] = i % 251;
  return bytes;
}

export type UploadParts = {
  name?: string;
  fileName?: string;
  content?: Uint8Array;
  /** The form part that carries the file; "file" as Webex names it. */
  field?: string;
  extra?: Record<string, string>;
};

/** Sends an upload as multipart/form-data over real HTTP, as a Webex client does. */
export async function upload(client: Client, method: 'POST' | 'PUT', path: string, parts: UploadParts, query: Query = {}): Promise<Reply> {
  const form = new FormData();
  if (parts.name !== undefined) form.append('name', parts.name);
  for (const [key, value] of Object.entries(parts.extra ?? {})) form.append(key, value);
  if (parts.content !== undefined) {
    form.append(parts.field ?? 'file', new Blob([parts.content as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }), parts.fileName ?? 'greeting.wav');
  }
  const headers: Record<string, string> = {};
  if (client.token !== undefined) headers.authorization = `Bearer ${client.token}`;
  const response = await fetch(client.url(path, query), { method, headers, body: form });
  const text = await response.text();
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: response.headers, body, text };
}
