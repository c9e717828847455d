/**
 * Where an evaluation run writes. The README quotes only a full run of the shipped model written to the
 * default document; a quick run never replaces the shipped model card's figures. Any other model keeps its
 * figures beside itself (its own card, and eval-model.md in its folder unless --out says otherwise).
 */
import { join, resolve } from 'node:path';

export const DEFAULT_DOC = 'docs/eval-model.md';

export interface OutputPlan {
  /** Write `evaluation` into <model dir>/model-card.json. */
  readonly card: boolean;
  readonly doc: string;
  /** Replace the README's eval section. */
  readonly readme: boolean;
}

export function outputPlan(o: {
  readonly modelDir: string;
  readonly shippedDir: string;
  readonly out: string | undefined;
  readonly quick: boolean;
  readonly cwd?: string;
}): OutputPlan {
  const cwd = o.cwd ?? process.cwd();
  const shipped = resolve(cwd, o.modelDir) === resolve(cwd, o.shippedDir);
  const doc = o.out ?? (shipped ? DEFAULT_DOC : join(o.modelDir, 'eval-model.md'));
  return {
    card: !(shipped && o.quick),
    doc,
    readme: shipped && !o.quick && resolve(cwd, doc) === resolve(cwd, DEFAULT_DOC),
  };
}
