import { useId } from 'react';
import { PERTURB_MODES, type PerturbationView, type PerturbMode, type ReorderKind } from '../../journal/journalViews';
import { suggestionsAt } from './perturbationSet';

interface Props {
  readonly words: readonly string[];
  readonly view: PerturbationView;
  readonly knows: (w: string) => boolean;
  readonly onChange: (patch: Partial<PerturbationView>) => void;
}

const MODE_LABELS: Readonly<Record<PerturbMode, string>> = {
  'leave-out': 'Leave one word out (each word in turn)',
  replace: 'Replace a word',
  reorder: 'Reorder the words',
};

/** Chooses the perturbations: leave-one-out, a replacement (suggested or typed) or a reordering. */
export function PerturbationPicker({ words, view, knows, onChange }: Props) {
  const id = useId();
  // Any change of what is perturbed asks for a fresh reading.
  const change = (patch: Partial<PerturbationView>) => onChange({ ...patch, read: false });
  const wordOptions = words.map((w, i) => (
    <option key={`${i}-${w}`} value={i}>
      {i + 1}: {w}
    </option>
  ));
  const suggestions = suggestionsAt(words, view.position, knows);
  return (
    <fieldset className="perturbation-picker" aria-label="Perturbation">
      <div className="row" role="radiogroup" aria-label="Kind of perturbation">
        {PERTURB_MODES.map((m) => (
          <label key={m} className="toggle">
            <input type="radio" name={`${id}-mode`} checked={view.mode === m} onChange={() => change({ mode: m })} />
            {MODE_LABELS[m]}
          </label>
        ))}
      </div>
      {view.mode === 'replace' && words.length > 0 && (
        <div className="fields">
          <div className="field">
            <label htmlFor={`${id}-word`}>Word to replace</label>
            <select
              id={`${id}-word`}
              value={Math.min(view.position, words.length - 1)}
              onChange={(e) => change({ position: Number(e.target.value), replacement: '' })}
            >
              {wordOptions}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-with`}>Replacement</label>
            <input
              id={`${id}-with`}
              type="text"
              value={view.replacement}
              placeholder="type a word"
              onChange={(e) => change({ replacement: e.target.value })}
            />
            <span className="field-hint">
              {suggestions.length ? 'Suggested (words the model knows):' : 'No suggestion for this word; type one.'}
            </span>
            <div className="row">
              {suggestions.map((s) => (
                <button key={s} type="button" className="word-button" onClick={() => change({ replacement: s })}>
                  {s}
                </button>
              ))}
            </div>
          </div>
        </div>
      )}
      {view.mode === 'reorder' && words.length > 1 && (
        <div className="fields">
          <div className="field">
            <label htmlFor={`${id}-reorder`}>Reordering</label>
            <select
              id={`${id}-reorder`}
              value={view.reorder}
              onChange={(e) => change({ reorder: e.target.value as ReorderKind })}
            >
              <option value="adjacent">swap each pair of neighbours</option>
              <option value="reverse">reverse the words</option>
              <option value="swap">swap two chosen words</option>
            </select>
          </div>
          {view.reorder === 'swap' && (
            <>
              <div className="field">
                <label htmlFor={`${id}-a`}>Swap</label>
                <select
                  id={`${id}-a`}
                  value={view.position}
                  onChange={(e) => change({ position: Number(e.target.value) })}
                >
                  {wordOptions}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-b`}>with</label>
                <select
                  id={`${id}-b`}
                  value={view.swapWith}
                  onChange={(e) => change({ swapWith: Number(e.target.value) })}
                >
                  {wordOptions}
                </select>
              </div>
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}
