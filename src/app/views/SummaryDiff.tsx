import type { SummaryChange, TuneSummary } from '../../explain/tuneSummary';

const NAMES: Readonly<Record<keyof TuneSummary, string>> = {
  meter: 'meter',
  key: 'key',
  mode: 'mode',
  lowest: 'lowest note (MIDI)',
  highest: 'highest note (MIDI)',
  range: 'range (semitones)',
  notes: 'notes',
  bars: 'bars',
  notesPerBar: 'note density (notes per bar)',
};

const show = (v: unknown) => (v === null ? '—' : String(v));

/** A and B summaries field by field; changed fields are marked. */
export function SummaryDiff({ changes, testId }: { changes: readonly SummaryChange[]; testId?: string }) {
  return (
    <table className="summary-diff" data-testid={testId}>
      <caption>What changed, computed from the notes of A and B</caption>
      <thead>
        <tr>
          <th scope="col">measure</th>
          <th scope="col">A</th>
          <th scope="col">B</th>
          <th scope="col">change</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field} className={c.changed ? 'changed' : undefined}>
            <th scope="row">{NAMES[c.field]}</th>
            <td>{show(c.a)}</td>
            <td>{show(c.b)}</td>
            <td>
              {c.changed ? (c.delta === null ? 'changed' : c.delta > 0 ? `+${c.delta}` : String(c.delta)) : 'same'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
