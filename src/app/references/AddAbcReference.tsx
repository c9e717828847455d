import { useState } from 'react';
import { IMPORT_CAPS, overCap } from '../importCaps';
import { readAbcReference } from './abcReference';
import { BarRangeFields } from './BarRangeFields';
import { NO_RANGE, readRange } from './barRangeText';
import { addReference } from './referenceService';

/** Pasting ABC, or importing an .abc file, adds it as a reference (music the user brings restricts nothing). */
export function AddAbcReference() {
  const [text, setText] = useState('');
  const [name, setName] = useState('Pasted ABC');
  const [range, setRange] = useState(NO_RANGE);
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const bars = readRange(range);
    if (!bars.ok) return setProblem(bars.reason);
    const read = readAbcReference(text, name);
    if (!read.ok) return setProblem(read.reason);
    const choice = addReference(read.source, read.tokens, bars.range);
    if (!choice.ok) return setProblem(choice.reason);
    setProblem(null);
    setText('');
    setName('Pasted ABC');
    setRange(NO_RANGE);
  };
  const importFile = async (file: File) => {
    // The ABC cap is in characters; a file has at least as many bytes as characters, so this check is safe.
    const tooBig = overCap(file.size, { ...IMPORT_CAPS.abcText, unit: 'characters' });
    if (tooBig) return setProblem(tooBig);
    setText(await file.text());
    setName(file.name);
    setProblem(null);
  };
  return (
    <details className="add-abc-reference" data-testid="add-abc-reference">
      <summary>Add your own ABC as a reference</summary>
      <label>
        ABC
        <textarea
          rows={4}
          value={text}
          placeholder={'X:1\nT:My tune\nM:6/8\nL:1/8\nK:D\nABc def|...'}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <div className="row">
        <label>
          Import an .abc file{' '}
          <input
            type="file"
            accept=".abc,text/plain,text/vnd.abc"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <BarRangeFields value={range} onChange={setRange} />
        <button type="button" onClick={add}>
          Add as reference
        </button>
      </div>
      {problem && <p role="alert">{problem}</p>}
    </details>
  );
}
