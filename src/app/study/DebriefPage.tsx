import { useEffect } from 'react';
import type { StudySession } from './studyStore';
import { completeStudy } from './studyService';

export function DebriefPage({ session }: { session: StudySession }) {
  useEffect(() => {
    void completeStudy();
  }, []);
  return (
    <section className="study-page" aria-labelledby="debrief-heading">
      <h2 id="debrief-heading">{session.study.debrief.title}</h2>
      <p className="study-text">{session.study.debrief.text}</p>
    </section>
  );
}
