/**
 * Turns changes in the app's stores into study events: prompt edits (debounced), generations and their
 * tunes, cancels, views opened and their settings, perturbations, references, playback and journal notes.
 * Reading the stores keeps the workbench free of study code.
 */
import { DwellCounter } from '../../study/dwell';
import type { EventDraft } from '../../study/events';
import { onActivity } from '../activity';
import { useJournal } from '../../store/journalStore';
import { usePlayback } from '../../store/playbackStore';
import { useSettings } from '../../store/settingsStore';
import { useTune } from '../../store/tuneStore';
import { useViews } from '../views/viewStore';
import { lockedSettingsNow } from './studyStore';

const PROMPT_DEBOUNCE_MS = 800;
const SETTINGS_DEBOUNCE_MS = 600;

type RecordEvent = (draft: EventDraft) => Promise<boolean>;

function debounce(ms: number, run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
}

const DWELL_FLUSH_MS = 5_000;

export function startRecorder(record: RecordEvent): void {
  const dwell = new DwellCounter();
  const flushDwell = () => {
    const cells = dwell.flush(performance.now());
    if (cells.length) void record({ kind: 'attention-dwell', payload: { cells } });
  };
  setInterval(flushDwell, DWELL_FLUSH_MS);
  // Leaving the page (or reloading) writes what was counted so far.
  addEventListener('pagehide', flushDwell);
  onActivity((a) => {
    if (a.type === 'attention-hover') dwell.enter(a.cell && { bar: a.cell.row, word: a.cell.word }, performance.now());
    else if (a.type === 'export') void record({ kind: 'export', payload: { format: a.format, tuneId: a.tuneId } });
    else void record({ kind: 'neighbour-chosen', payload: { tuneId: a.tuneId, measure: a.measure } });
  });

  const promptEdit = debounce(
    PROMPT_DEBOUNCE_MS,
    () => void record({ kind: 'prompt-edit', payload: { text: useSettings.getState().prompt } }),
  );
  useSettings.subscribe((s, prev) => {
    if (s.prompt !== prev.prompt) promptEdit();
    if (s.references !== prev.references)
      void record({ kind: 'references-chosen', payload: { ids: s.references.map((r) => r.source.id) } });
    const locked = lockedSettingsNow();
    const drifted = Object.entries(locked).filter(
      ([k, v]) => (s.settings as unknown as Record<string, unknown>)[k] !== v,
    );
    if (drifted.length) s.update(Object.fromEntries(drifted));
  });

  useTune.subscribe((s, prev) => {
    if (s.streaming && !prev.streaming) {
      const { prompt, settings, references } = useSettings.getState();
      void record({ kind: 'generate', payload: { prompt, settings: { ...settings }, references: references.length } });
    }
    const t = s.current;
    if (t && t !== prev.current && t.origin === 'model' && t.createdAt >= startedAt) {
      if (t.stopped === 'cancelled') void record({ kind: 'cancel', payload: { tokens: t.tokens.length } });
      void record({
        kind: 'tune',
        payload: {
          tuneId: t.id,
          prompt: t.prompt,
          settings: { ...t.settings },
          abc: t.abc,
          tokens: [...t.tokens],
          stopped: t.stopped,
          modelSha256: t.modelSha256,
        },
      });
    }
  });

  const viewSettings = debounce(SETTINGS_DEBOUNCE_MS, () => {
    const v = useViews.getState().views;
    const view = v.tab;
    const settings =
      view === 'attention'
        ? v.attention
        : view === 'perturbation'
          ? v.perturbation
          : view === 'sweep'
            ? v.sweep
            : view === 'diffraction'
              ? v.diffraction
              : {};
    void record({ kind: 'view-settings', payload: { view, settings: { ...settings } } });
  });
  useViews.subscribe((s, prev) => {
    const v = s.views;
    const p = prev.views;
    if (v.tab !== p.tab) void record({ kind: 'view-open', payload: { view: v.tab } });
    else if (v.attention !== p.attention || v.sweep !== p.sweep || v.diffraction !== p.diffraction) viewSettings();
    if (v.perturbation !== p.perturbation) {
      const ran =
        (v.perturbation.read && !p.perturbation.read) ||
        (v.perturbation.compare && v.perturbation.compare !== p.perturbation.compare);
      if (ran)
        void record({
          kind: 'perturbation',
          payload: { mode: v.perturbation.mode, words: [...(v.perturbation.compare ?? [])] },
        });
      else viewSettings();
    }
  });

  usePlayback.subscribe((s, prev) => {
    if (s.state === prev.state) return;
    const tuneId = useTune.getState().current?.id ?? null;
    if (s.state === 'playing') void record({ kind: 'playback-start', payload: { tuneId } });
    else if (prev.state === 'playing') void record({ kind: 'playback-stop', payload: { tuneId } });
  });

  useJournal.subscribe((s, prev) => {
    const before = new Map(prev.nodes.map((n) => [n.id, n.notes.length]));
    for (const n of s.nodes)
      for (const note of n.notes.slice(before.get(n.id) ?? n.notes.length))
        void record({ kind: 'journal-note', payload: { nodeId: n.id, text: note.text } });
  });
}

/** Tunes made before this page load were recorded then; a restored history must not log them again. */
const startedAt = Date.now();
