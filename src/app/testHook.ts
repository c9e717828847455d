import { rms } from '../audio/pcm';
import type { Reference } from '../music/excerpt';
import type { GenerationSettings } from '../runtime/decode';
import type { ViewState } from '../journal/journalViews';
import { useHistory } from '../store/historyStore';
import { useJournal } from '../store/journalStore';
import { useNotices } from '../store/noticeStore';
import { useSettings } from '../store/settingsStore';
import { useTune } from '../store/tuneStore';
import type { Tune } from '../store/types';
import type { GenerationDone } from '../worker/modelClient';
import { renderTune } from './exportService';
import { lastGeneration } from './generation';
import { currentModel, currentModelError, modelClient } from './modelService';
import { mapTune } from './tuneMap';
import { useViews } from './views/viewStore';

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
  readonly journal: {
    readonly storage: string;
    readonly warning: string | null;
    readonly currentId: string | null;
    readonly nodes: readonly {
      readonly id: string;
      readonly parentId: string | null;
      readonly kind: string;
      readonly edge: string | null;
      readonly notes: readonly string[];
    }[];
  };
  readonly views: ViewState;
}

/** What the e2e tests may read and do; installed on window only in test mode (as tldraw's e2e fixtures do). */
export interface ApparatusTestHook {
  state(): TestState;
  lastGeneration(): (GenerationDone & { settings: GenerationSettings }) | null;
  /** Renders the current tune offline with the player's instrument and tempo. */
  renderAudio(): Promise<{ rms: number; peak: number; seconds: number; sampleRate: number } | null>;
  /** A teacher-forced reading through the worker, for measuring it (the views use the same call). */
  read(
    prompts: string[][],
    tokens: string[],
  ): Promise<{ ms: number; wallMs: number; totals: number[]; rowsPerRuntime: number[] } | { error: string }>;
  crashWorker(): void;
  failWebGpuOnce(): void;
  /** Sets the references the next generation reads directly, bypassing the chooser (and its consent checks). */
  setReferences(references: Reference[]): void;
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
    journal: journalState(),
    views: useViews.getState().views,
  };
}

function journalState(): TestState['journal'] {
  const j = useJournal.getState();
  return {
    storage: j.storage,
    warning: j.warning,
    currentId: j.currentId,
    nodes: j.nodes.map((n) => ({
      id: n.id,
      parentId: n.parentId,
      kind: n.kind,
      edge: n.edge,
      notes: n.notes.map((x) => x.text),
    })),
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
    read: async (prompts, tokens) => {
      const t0 = performance.now();
      const r = await modelClient().read({ prompts, tokens, attentionFor: [] });
      if (!r.ok) return { error: r.error.message };
      const { ms, readings, rowsPerRuntime } = r.value;
      return {
        ms,
        wallMs: performance.now() - t0,
        totals: readings.map((x) => x.total),
        rowsPerRuntime: [...rowsPerRuntime],
      };
    },
    crashWorker: () => modelClient().crash('throw'),
    failWebGpuOnce: () => modelClient().crash('webgpu-fail'),
    setReferences: (references) => useSettings.getState().setReferences(references),
  };
}
