/**
 * onnxruntime-web alone in a Chromium worker: the shipped decoder stepped through a tune with the shapes the app
 * feeds it (two rows, the bench prompt's memory, a growing cache), and no app code around it. Beside the app's
 * own step it splits the Chromium figure into what the runtime takes and what the app adds.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { Vocab, type VocabJson } from '../src/tokenizer/vocab';
import { OUT_DIR } from './server';

const PAGE_DIR = 'runtime-alone';
const SOURCES = [
  'bench/runtimeAlone/index.html',
  'bench/runtimeAlone/loop.js',
  'node_modules/onnxruntime-web/dist/ort.wasm.min.mjs',
];

/** Copies the page into the bench build, before the server starts (it lists its files once). */
export function placeRuntimeAlonePage(): void {
  const dir = join(OUT_DIR, PAGE_DIR);
  mkdirSync(dir, { recursive: true });
  for (const src of SOURCES) copyFileSync(src, join(dir, src.split('/').pop()!));
}

export interface RuntimeAloneRuns {
  /** Step times of each timed tune, ms, in order. */
  readonly runs: number[][];
  readonly batch: number;
  readonly memory: number;
  readonly steps: number;
  readonly warmSteps: number;
}

/** Memory columns the app's decoder reads for the prompt: its words (no references). */
export function promptMemory(prompt: string): number {
  const vocab = new Vocab(JSON.parse(readFileSync(join(OUT_DIR, 'models/vocab.json'), 'utf8')) as VocabJson);
  return vocab.encodePrompt(prompt).ids.length;
}

export async function runtimeAloneRuns(
  browser: Browser,
  baseUrl: string,
  shape: { batch: number; memory: number; steps: number; warmSteps: number; repeats: number },
): Promise<RuntimeAloneRuns> {
  const page = await browser.newPage();
  try {
    const query = new URLSearchParams({
      batch: String(shape.batch),
      memory: String(shape.memory),
      steps: String(shape.steps),
      warm: String(shape.warmSteps),
      repeats: String(shape.repeats),
    });
    await page.goto(`${baseUrl}/${PAGE_DIR}/?${query}`);
    await page.waitForFunction(() => document.title === 'done', null, { timeout: 600_000 });
    const result = JSON.parse((await page.textContent('#result')) ?? '{}') as { runs?: number[][]; error?: string };
    if (!result.runs) throw new Error(`onnxruntime-web alone: ${result.error ?? 'no result'}`);
    return { runs: result.runs, ...shape };
  } finally {
    await page.close();
  }
}
