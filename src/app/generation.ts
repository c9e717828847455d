import { meterForLength, tokenBudgetForBars } from '../music/barBudget';
import { askOfPrompt } from '../music/promptAsk';
import type { GenerationSettings } from '../runtime/decode';
import { promptWords } from '../tokenizer/textTokens';
import { tokensToAbc } from '../tokenizer/musicTokens';
import { drawSeed, useSettings } from '../store/settingsStore';
import { useNotices } from '../store/noticeStore';
import { useTune } from '../store/tuneStore';
import { newTuneId, type Tune } from '../store/types';
import type { GenerationDone, GenerationHandle } from '../worker/modelClient';
import { saveTune } from './historyService';
import { currentModel, modelClient } from './modelService';

/** The running generation. A handle holds a worker link and a stream, so it stays out of the store. */
let active: GenerationHandle | null = null;
let last: (GenerationDone & { readonly settings: GenerationSettings }) | null = null;

/** The settings with the token limit that `lengthBars` bars take in the tune's meter (as pinned or asked for). */
export function withLengthInBars(settings: GenerationSettings, lengthBars: number | null, prompt: string) {
  if (lengthBars === null) return settings;
  const meter = meterForLength(settings.meter, askOfPrompt(promptWords(prompt)).meters);
  return { ...settings, maxTokens: tokenBudgetForBars(lengthBars, meter) };
}

export const isGenerating = () => active !== null;
export const lastGeneration = () => last;

export function cancelGeneration(): void {
  active?.cancel();
}

/**
 * Writes a tune from the prompt and settings in the store, continuing `prefix` if given. Tokens go into the
 * store at most once per animation frame; the finished tune becomes the current one and enters history.
 */
export async function runGeneration(
  prefix: readonly string[] = [],
  parentId: string | null = null,
): Promise<Tune | null> {
  const model = currentModel();
  if (active || !model) return null;
  const { prompt, settings: picked, references, seedLocked, lengthBars, update } = useSettings.getState();
  const chosen = withLengthInBars(picked, lengthBars, prompt);
  const settings = seedLocked ? chosen : { ...chosen, seed: drawSeed() };
  // Like a drawn seed, the token limit set from the length in bars is shown and kept with the tune.
  update({ seed: settings.seed, maxTokens: settings.maxTokens });
  const tuneStore = useTune.getState();
  tuneStore.startStreaming({ tokens: prefix, prefixLength: prefix.length, maxTokens: settings.maxTokens, prompt });
  const handle = modelClient().generate({ prompt, prefix, settings, references });
  active = handle;
  const tokens = [...prefix];
  let frame = 0;
  const flush = () => {
    frame = 0;
    useTune.getState().setStreamTokens([...tokens]);
  };
  const consumed = (async () => {
    for await (const ev of handle.stream) {
      if (ev.type === 'restart') tokens.length = prefix.length;
      else tokens[ev.index] = ev.token;
      frame ||= requestAnimationFrame(flush);
    }
  })();
  const result = await handle.result;
  await consumed;
  if (frame) cancelAnimationFrame(frame);
  active = null;
  useTune.getState().endStreaming();
  if (!result.ok) {
    const message = `The tune could not be written: ${result.error.message}`;
    useTune.getState().setGenerationError(message);
    useNotices.getState().push(message, 'error');
    return null;
  }
  const done = result.value;
  last = { ...done, settings };
  const tune: Tune = {
    id: newTuneId(),
    createdAt: Date.now(),
    prompt,
    words: done.words,
    unknownWords: done.unknownWords,
    settings,
    references: done.references,
    tokens: done.tokens,
    prefixLength: done.prefixLength,
    abc: done.abc,
    stopped: done.stopped,
    modelSha256: currentModel()?.modelSha256 ?? model.modelSha256,
    backend: done.backend,
    parentId,
    origin: 'model',
    timings: {
      totalMs: done.timings.totalMs,
      tokensPerSecond: done.timings.tokensPerSecond,
      meanStepMs: done.timings.meanStepMs,
    },
  };
  useTune.getState().setCurrent(tune);
  await saveTune(tune);
  return tune;
}

/** Makes typed-in ABC (already read into tokens) the current tune, without the model. */
export async function applyEditedTokens(tokens: string[]): Promise<Tune> {
  const { current } = useTune.getState();
  const { prompt, settings } = useSettings.getState();
  const tune: Tune = {
    id: newTuneId(),
    createdAt: Date.now(),
    prompt: current?.prompt ?? prompt,
    words: current?.words ?? [],
    unknownWords: current?.unknownWords ?? [],
    settings: current?.settings ?? settings,
    references: current?.references ?? [],
    tokens,
    prefixLength: tokens.length,
    abc: tokensToAbc(tokens),
    stopped: 'end',
    modelSha256: current?.modelSha256 ?? currentModel()?.modelSha256 ?? '',
    backend: current?.backend ?? 'wasm',
    parentId: current?.id ?? null,
    origin: 'edit',
    timings: null,
  };
  useTune.getState().setCurrent(tune);
  await saveTune(tune);
  return tune;
}
