import type { ReactNode } from 'react';
import { ConsentPage } from './ConsentPage';
import { DebriefPage } from './DebriefPage';
import { QuestionnairePage } from './QuestionnairePage';
import { useStudy } from './studyStore';
import { TaskBar } from './TaskBar';
import './study.css';

/** Study mode around the workbench: consent, then each task above the app, questionnaires and the debrief. */
export function StudyShell({ children }: { children: ReactNode }) {
  const { status, errors, session, writeError, storageWarning } = useStudy();
  if (status === 'off') return <>{children}</>;
  const banners = (
    <>
      {writeError && (
        <p role="alert" className="study-banner error">
          {writeError}
        </p>
      )}
      {storageWarning && (
        <p role="status" className="study-banner warning">
          {storageWarning}
        </p>
      )}
    </>
  );
  if (status === 'loading') return <p className="study-page">Loading the study…</p>;
  if (status === 'error' || !session)
    return (
      <section className="study-page" aria-labelledby="study-error-heading">
        <h2 id="study-error-heading">This study cannot start</h2>
        <ul className="error">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </section>
    );
  const step = session.position.step;
  // Keyed by the step, so each page starts from its own state after a move.
  const key = `${session.position.index}`;
  return (
    <div className="study">
      {banners}
      {step.type === 'consent' && <ConsentPage key={key} session={session} />}
      {step.type === 'questionnaire' && <QuestionnairePage key={key} session={session} />}
      {step.type === 'debrief' && <DebriefPage key={key} session={session} />}
      {step.type === 'task' && (
        <>
          <TaskBar key={key} session={session} />
          {children}
        </>
      )}
    </div>
  );
}
