import tonejsMidi from '@tonejs/midi';
import { readFile } from 'node:fs/promises';
import { readChunks } from '../src/audio/wav';
import { tuneSequence } from '../src/app/tuneMusic';
import { abcToTokens } from '../src/tokenizer/musicTokens';
import { expect, test } from './fixtures';

// @tonejs/midi is CommonJS: Node's ESM loader sees only its default export.
const { Midi } = tonejsMidi;

const PROMPT = 'a slow air in E minor';

test('ABC, MIDI and WAV downloads carry the tune and its provenance', async ({ app }) => {
  await app.openReady();
  await app.prompt.fill(PROMPT);
  await app.controls.quick(77, 64);
  const tune = await app.generate();
  const provenance = [`model-sha256: ${tune.modelSha256}`, `prompt: ${PROMPT}`, 'seed: 77', 'app: Apparatus'];

  // ABC: the same tokens come back, with "% key: value" provenance lines.
  const abcFile = await app.exports.download('ABC');
  expect(abcFile.suggestedFilename()).toMatch(/\.abc$/);
  const abc = await readFile((await abcFile.path())!, 'utf8');
  for (const line of provenance) expect(abc).toContain(`% ${line}`);
  expect(abc).toContain('"temperature":0.9');
  expect(abcToTokens(abc)).toEqual(tune.tokens);

  // MIDI: parsed with @tonejs/midi; the notes are the tune's, the text events its provenance.
  const midiFile = await app.exports.download('MIDI');
  expect(midiFile.suggestedFilename()).toMatch(/\.mid$/);
  const midi = new Midi(await readFile((await midiFile.path())!));
  const expected = tuneSequence(tune.tokens).notes;
  const notes = midi.tracks.flatMap((t) => t.notes);
  expect(notes.map((n) => n.midi)).toEqual(expected.map((n) => n.midi));
  const texts = midi.header.meta.filter((m) => m.type === 'text').map((m) => m.text);
  for (const line of provenance) expect(texts.some((t) => t.includes(line))).toBe(true);

  // WAV: a RIFF/WAVE header, 16-bit PCM, audible data, provenance in LIST/INFO.
  const wavFile = await app.exports.download('WAV');
  expect(wavFile.suggestedFilename()).toMatch(/\.wav$/);
  const wav = new Uint8Array(await readFile((await wavFile.path())!));
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const fourcc = (at: number) => String.fromCharCode(...wav.subarray(at, at + 4));
  expect(fourcc(0)).toBe('RIFF');
  expect(fourcc(8)).toBe('WAVE');
  expect(view.getUint32(4, true)).toBe(wav.length - 8);
  const chunks = readChunks(wav.subarray(12));
  const fmt = chunks.find((c) => c.id === 'fmt ')!;
  const fmtView = new DataView(fmt.data.buffer, fmt.data.byteOffset, fmt.data.byteLength);
  expect(fmtView.getUint16(0, true)).toBe(1); // PCM
  expect(fmtView.getUint32(4, true)).toBe(44100);
  expect(fmtView.getUint16(14, true)).toBe(16);
  const data = chunks.find((c) => c.id === 'data')!;
  const samples = new Int16Array(data.data.slice().buffer);
  const rms = Math.sqrt(samples.reduce((s, v) => s + (v / 32768) ** 2, 0) / samples.length);
  expect(rms).toBeGreaterThan(1e-3);
  const info = new TextDecoder().decode(chunks.find((c) => c.id === 'LIST')!.data);
  for (const line of provenance) expect(info).toContain(line);
});
