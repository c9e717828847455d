import { useMemo } from 'react';
import type { ModelDims } from '../../explain/interpreter';
import type { ModelCard } from '../../runtime/modelTypes';
import { useTune } from '../../store/tuneStore';
import type { Tune } from '../../store/types';
import { useModel } from '../modelService';
import { useVocab } from '../useVocab';

export interface ViewContext {
  /** The finished tune on show, or null (none yet, or one being written). */
  readonly tune: Tune | null;
  readonly modelSha256: string | null;
  readonly dims: ModelDims | null;
  readonly knows: (word: string) => boolean;
  readonly unknown: ReadonlySet<string>;
}

/** What every view reads: the tune on show, the loaded model's identity and shape, the vocabulary. */
export function useViewContext(): ViewContext {
  const current = useTune((s) => s.current);
  const streaming = useTune((s) => s.streaming !== null);
  const model = useModel();
  const { data: vocab } = useVocab();
  const card = model.data?.card as ModelCard | undefined;
  const layers = card?.config.dec_layers;
  const heads = card?.config.n_heads;
  const dims = useMemo(() => (layers && heads ? { layers, heads } : null), [layers, heads]);
  const knows = useMemo(() => (vocab ? (w: string) => vocab.knowsWord(w) : () => true), [vocab]);
  const unknown = useMemo(() => new Set(current?.unknownWords ?? []), [current]);
  return {
    tune: streaming ? null : current,
    modelSha256: model.data?.modelSha256 ?? null,
    dims,
    knows,
    unknown,
  };
}
