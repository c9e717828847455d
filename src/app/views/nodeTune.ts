import { newJournalId, type JournalNode } from '../../journal/journal';
import type { ViewState } from '../../journal/journalViews';
import type { Tune } from '../../store/types';
import { tokensToAbc } from '../../tokenizer/musicTokens';

/** What a journal node keeps of a tune: enough to show it again, to replay it and to say what wrote it. */
export type TuneRecord = Pick<
  Tune,
  'prompt' | 'words' | 'unknownWords' | 'settings' | 'references' | 'tokens' | 'prefixLength' | 'stopped'
> & {
  readonly modelSha256: string;
  readonly tuneId: string;
  readonly backend?: Tune['backend'];
};

/** A node for a tune; `views` are the views it opens with. */
export function nodeFrom(
  tune: TuneRecord,
  parent: JournalNode | undefined,
  kind: JournalNode['kind'],
  edge: string | null,
  views: ViewState,
): JournalNode {
  return {
    id: newJournalId('n'),
    parentId: parent?.id ?? null,
    kind,
    createdAt: Date.now(),
    edge,
    prompt: tune.prompt,
    words: [...tune.words],
    unknownWords: [...tune.unknownWords],
    settings: tune.settings,
    references: tune.references ?? [],
    prefixLength: tune.prefixLength,
    tokens: [...tune.tokens],
    stopped: tune.stopped,
    modelSha256: tune.modelSha256,
    // A backend that is not known is left out rather than guessed.
    ...(tune.backend && tune.backend !== 'unknown' ? { backend: tune.backend } : {}),
    tuneId: tune.tuneId,
    reading: null,
    views,
    notes: [],
  };
}

/** A node's tune rebuilt from what the node recorded (for a node whose tune is not in history). */
export const tuneFromNode = (node: JournalNode): Tune => ({
  id: node.tuneId,
  createdAt: node.createdAt,
  prompt: node.prompt,
  words: node.words,
  unknownWords: node.unknownWords,
  settings: node.settings,
  references: node.references ?? [],
  tokens: node.tokens,
  prefixLength: node.prefixLength,
  abc: tokensToAbc(node.tokens),
  stopped: node.stopped,
  modelSha256: node.modelSha256,
  backend: node.backend ?? 'unknown',
  parentId: null,
  origin: node.kind === 'edit' ? 'edit' : 'model',
  timings: null,
});
