import { useMemo, useState } from 'react';
import { useTune } from '../store/tuneStore';
import type { Tune } from '../store/types';
import { longBarsWarning } from './barWarning';
import { IMPORT_CAPS, overCap } from './importCaps';
import { applyEditedTokens, runGeneration } from './generation';
import { parseEditedAbc } from './tuneMap';
import { useCanGenerate } from './useCanGenerate';
import { useVocab } from './useVocab';

/** The current tune's ABC as editable text. A failed read shows why and leaves the current tune as it was. */
export function AbcEditor() {
  const current = useTune((s) => s.current);
  const streaming = useTune((s) => s.streaming !== null);
  return (
    <section className="panel" aria-labelledby="abc-heading" data-testid="abc-editor">
      <h2 id="abc-heading">ABC</h2>
      <Editor key={current?.id ?? 'blank'} tune={current} busy={streaming} />
    </section>
  );
}

/** What the editor starts from when there is no tune yet: a header to type or paste a melody under. */
const BLANK = 'X:1\nM:4/4\nL:1/8\nK:D\n';

function Editor({ tune, busy }: { tune: Tune | null; busy: boolean }) {
  const original = tune?.abc ?? BLANK;
  const [text, setText] = useState(original);
  const [error, setError] = useState<string | null>(null);
  const { data: vocab } = useVocab();
  const { ok: canGenerate } = useCanGenerate();
  // A huge paste is refused before it is parsed (parsing runs on every keystroke); the text stays as typed.
  const tooLong = overCap(text.length, IMPORT_CAPS.abcText);
  // Checked as the text changes, so the warning stands before Apply edit and stays on the applied tune.
  const longBars = useMemo(() => {
    if (overCap(text.length, IMPORT_CAPS.abcText)) return null;
    const r = parseEditedAbc(text);
    return r.ok ? longBarsWarning(r.tokens) : null;
  }, [text]);
  const read = (forModel: boolean) => {
    const r = parseEditedAbc(text, forModel && vocab ? (t) => vocab.hasMusic(t) : undefined);
    setError(r.ok ? null : r.message);
    return r.ok ? r.tokens : null;
  };
  return (
    <>
      <label htmlFor="abc-text" className="sr-only">
        ABC text of the tune
      </label>
      <textarea
        id="abc-text"
        className="abc-text"
        rows={8}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {(tooLong ?? error) && (
        <p className="error" role="alert" data-testid="abc-error">
          {tooLong ?? error} The tune on show is unchanged.
        </p>
      )}
      {longBars && (
        <p className="warning" data-testid="abc-bar-warning">
          {longBars} Apply edit keeps such bars as written.
        </p>
      )}
      <div className="row">
        <button
          type="button"
          disabled={busy || text === original || tooLong !== null}
          onClick={() => {
            const tokens = read(false);
            if (tokens) void applyEditedTokens(tokens);
          }}
        >
          Apply edit
        </button>
        <button
          type="button"
          disabled={busy || !canGenerate || tooLong !== null}
          onClick={() => {
            const tokens = read(true);
            if (tokens) void runGeneration(tokens, tune?.id ?? null);
          }}
        >
          Continue from edited ABC
        </button>
        <button type="button" disabled={text === original} onClick={() => (setText(original), setError(null))}>
          Revert
        </button>
      </div>
    </>
  );
}
