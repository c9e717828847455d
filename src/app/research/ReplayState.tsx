import type { ReplayState as State } from '../../study/replay/replay';
import { Score } from '../Score';

const noNotes: readonly number[] = [];
const ignoreClick = () => undefined;

/** What the participant's page held at one step: task, prompt, the tune on show, playback, views, notes, answers. */
export function ReplayState({ state }: { state: State }) {
  const answers = Object.entries(state.answers);
  return (
    <div className="replay-state">
      <dl className="replay-facts">
        <dt>Condition</dt>
        <dd>{state.condition}</dd>
        <dt>Task</dt>
        <dd>{state.task === null ? 'none' : `${state.task}${state.taskTitle ? `: ${state.taskTitle}` : ''}`}</dd>
        <dt>Prompt</dt>
        <dd>{state.prompt || '(empty)'}</dd>
        <dt>Generating</dt>
        <dd>{state.generating ? 'yes' : 'no'}</dd>
        <dt>Playing</dt>
        <dd>{state.playing ? (state.playing.tuneId ?? 'a tune not in the log') : 'nothing'}</dd>
        <dt>Tunes written</dt>
        <dd>{state.tunes.length}</dd>
        <dt>Tunes heard</dt>
        <dd>{state.heard.join(', ') || 'none'}</dd>
        <dt>Views opened</dt>
        <dd>
          {state.views.map((v) => (v.settings ? `${v.view} ${JSON.stringify(v.settings)}` : v.view)).join('; ') ||
            'none'}
        </dd>
      </dl>
      <section aria-label="Tune on show">
        <h3>Tune on show</h3>
        {state.shown ? (
          <>
            <p className="hint">
              {state.shown.tuneId}, from “{state.shown.prompt}”, settings {JSON.stringify(state.shown.settings)}
            </p>
            <Score abc={state.shown.abc} selectedNotes={noNotes} playingNote={null} onClick={ignoreClick} />
            <pre className="replay-abc" aria-label="ABC of the tune on show">
              {state.shown.abc}
            </pre>
          </>
        ) : (
          <p className="hint">No tune yet.</p>
        )}
      </section>
      <section aria-label="Notes written">
        <h3>Notes written</h3>
        {state.notes.length === 0 ? (
          <p className="hint">None yet.</p>
        ) : (
          <ul>
            {state.notes.map((n) => (
              <li key={n.seq}>{n.text}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Answers given">
        <h3>Answers given</h3>
        {answers.length === 0 ? (
          <p className="hint">None yet.</p>
        ) : (
          <ul>
            {answers.map(([item, value]) => (
              <li key={item}>
                {item}: {value ?? '(blank)'}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
