import { rms } from '../audio/pcm';
import type { GenerationSettings } from '../runtime/decode';
import { useHistory } from '../store/historyStore';
import { useNotices } from '../store/noticeStore';
import { useSettings } from '../store/settingsStore';
import { useTune } from '../store/tuneStore';
import type { Tune } from '../store/types';
import type { GenerationDone } from '../worker/modelClient';
import { renderTune } from './exportService';
import { lastGeneration } from './generation';
import { currentModel, currentModelError, modelClient } from './modelService';
import { mapTune } from './tuneMap';

export interface TestState {
  readonly model: {
    readonly ready: boolean;
    readonly error: string | null;
    readonly backend: string | null;
    readonly backendReason: string | null;
    readonly numThreads: number | null;
    readonly modelSha256: string | null;
    readonly warmupStepMs: number | null;
  };
  readonly streaming: boolean;
  readonly streamTokens: number;
  readonly current: Tune | null;
  readonly measures: number;
  readonly selectedMeasure: number | null;
  readonly settings: GenerationSettings;
  readonly history: { readonly storage: string; readonly count: number; readonly warning: string | null };
  readonly notices: readonly string[];
}

/** What the e2e tests may read and do; installed on window only in test mode (as tldraw's e2e fixtures do). */
export interface ApparatusTestHook {
  state(): TestState;
  lastGeneration(): (GenerationDone & { settings: GenerationSettings }) | null;
  /** Renders the current tune offline with the player's instrument and tempo. */
  renderAudio(): Promise<{ rms: number; peak: number; seconds: number; sampleRate: number } | null>;
  crashWorker(): void;
  failWebGpuOnce(): void;
}

declare global {
  interface Window {
    __apparatus?: ApparatusTestHook;
    __APPARATUS_E2E__?: boolean;
  }
}

function state(): TestState {
  const model = currentModel();
  const error = currentModelError();
  const tune = useTune.getState();
  const history = useHistory.getState();
  return {
    model: {
      ready: model !== undefined,
      error: error?.message ?? null,
      backend: model?.backend ?? null,
      backendReason: model?.backendReason ?? null,
      numThreads: model?.numThreads ?? null,
      modelSha256: model?.modelSha256 ?? null,
      warmupStepMs: model?.warmupStepMs ?? null,
    },
    streaming: tune.streaming !== null,
    streamTokens: tune.streaming ? tune.streaming.tokens.length - tune.streaming.prefixLength : 0,
    current: tune.current,
    measures: tune.current ? mapTune(tune.current.tokens).measures.length : 0,
    selectedMeasure: tune.selectedMeasure,
    settings: useSettings.getState().settings,
    history: { storage: history.storage, count: history.entries.length, warning: history.warning },
    notices: useNotices.getState().notices.map((n) => n.message),
  };
}

export function installTestHook(): void {
  window.__apparatus = {
    state,
    lastGeneration,
    renderAudio: async () => {
      const tune = useTune.getState().current;
      if (!tune) return null;
      const pcm = await renderTune(tune);
      const samples = pcm.channels[0];
      const peak = samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
      return { rms: rms(samples), peak, seconds: samples.length / pcm.sampleRate, sampleRate: pcm.sampleRate };
    },
    crashWorker: () => modelClient().crash('throw'),
    failWebGpuOnce: () => modelClient().crash('webgpu-fail'),
  };
}
