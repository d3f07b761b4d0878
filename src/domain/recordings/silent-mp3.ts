// The audio of a recording: Callplane's simulated parties say nothing, so a recording is that
// many seconds of silence, as an MP3 (the format Webex gives recordings). Each frame is MPEG-1
// Layer III, 128 kbit/s, 44.1 kHz, mono, with no main data: decoders play it as silence.

const SAMPLES_PER_FRAME = 1152;
const SAMPLE_RATE = 44_100;
/** 144 × bitrate / sample rate, without padding. */
const FRAME_BYTES = Math.floor((144 * 128_000) / SAMPLE_RATE);
const HEADER = [0xff, 0xfb, 0x90, 0xc0];

export const mp3Frames = (seconds: number) => Math.max(1, Math.ceil((seconds * SAMPLE_RATE) / SAMPLES_PER_FRAME));

export const mp3Size = (seconds: number) => mp3Frames(seconds) * FRAME_BYTES;

export function silentMp3(seconds: number): Buffer {
  const frames = mp3Frames(seconds);
  const out = Buffer.alloc(frames * FRAME_BYTES);
  for (let i = 0; i < frames; i++) out.set(HEADER, i * FRAME_BYTES);
  return out;
}
