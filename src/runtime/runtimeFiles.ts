/**
 * Which model files a backend loads. On WASM, the card's runtime form (training/runtime_form.py): graphs whose
 * optimisations were made ahead of time, each with its weight pack, built with optimisation off. On WebGPU, and for
 * a card without a runtime form, the exported graphs, optimised while their sessions are built: the runtime form
 * holds fused CPU operators that the WebGPU execution provider would hand back to the CPU. Pure, so the choice is
 * table-tested.
 */
import { issueText, z } from '../schema/zodMini';
import type { ModelCard, ModelCardFile } from './modelTypes';

export type GraphName = 'encoder' | 'decoder';

/** The files one session is built from: a graph and, for the runtime form, the pack of its external weights. */
export interface SessionFiles {
  readonly graph: string;
  readonly weights?: string;
}

export interface LoadPlan {
  /** Every file to download and check: the sessions' files and the vocabulary. */
  readonly files: readonly ModelCardFile[];
  readonly sessions: Readonly<Record<GraphName, SessionFiles>>;
  /** True when the sessions' graphs were optimised ahead of time. */
  readonly optimised: boolean;
}

const name = () => z.string().check(z.minLength(1));
const fileSchema = z.object({ name: name(), bytes: z.number().check(z.int(), z.nonnegative()), sha256: z.string() });
const sessionSchema = z.object({ graph: name(), weights: name() });
const runtimeSchema = z.object({
  files: z.array(fileSchema),
  sessions: z.object({ encoder: sessionSchema, decoder: sessionSchema }),
});

/** A card whose runtime section cannot be used; the message says why. */
export class RuntimeSectionError extends Error {}

const EXPORTED: LoadPlan['sessions'] = { encoder: { graph: 'encoder.onnx' }, decoder: { graph: 'decoder.onnx' } };

export function loadPlan(card: ModelCard, backend: 'wasm' | 'webgpu'): LoadPlan {
  const others = card.files.filter((f) => !f.name.endsWith('.onnx'));
  if (backend !== 'wasm' || card.runtime === undefined)
    return { files: card.files, sessions: EXPORTED, optimised: false };
  const parsed = runtimeSchema.safeParse(card.runtime);
  if (!parsed.success) throw new RuntimeSectionError(`its runtime section does not fit: ${issueText(parsed.error)}`);
  const { files, sessions } = parsed.data;
  const named = new Set(files.map((f) => f.name));
  const unlisted = Object.values(sessions)
    .flatMap((s) => [s.graph, s.weights])
    .filter((name) => !named.has(name));
  if (unlisted.length) throw new RuntimeSectionError(`its runtime section does not list ${unlisted.join(', ')}`);
  return { files: [...files, ...others], sessions, optimised: true };
}
