import { useState } from 'react';
import type { StudySession } from './studyStore';
import { finishStep } from './studyService';

/** The researcher's consent text and data handling; nothing else of the study starts before agreeing. */
export function ConsentPage({ session }: { session: StudySession }) {
  const { consent, dataHandling, title } = session.study;
  const [busy, setBusy] = useState(false);
  const agree = async () => {
    setBusy(true);
    await finishStep({ kind: 'consent', payload: { agreed: true } });
    setBusy(false);
  };
  return (
    <section className="study-page" aria-labelledby="consent-heading">
      <p className="study-meta">
        {title} · participant {session.participant}
      </p>
      <h2 id="consent-heading">{consent.title}</h2>
      <p className="study-text">{consent.text}</p>
      <h3>How your data is handled</h3>
      <p className="study-text">{dataHandling}</p>
      <button type="button" className="primary" disabled={busy} onClick={() => void agree()}>
        {consent.agree}
      </button>
    </section>
  );
}
