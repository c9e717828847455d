import { useState } from 'react';
import type { QuestionItem } from '../../study/studySchema';
import { itemsOf } from '../../study/templates';
import type { StudySession } from './studyStore';
import { finishStep, record } from './studyService';

type Answers = Record<string, number | string | null>;

function LikertItem({
  item,
  value,
  onAnswer,
}: {
  item: Extract<QuestionItem, { type: 'likert' }>;
  value: unknown;
  onAnswer(v: number): void;
}) {
  return (
    <fieldset className="likert">
      <legend>{item.text}</legend>
      <span className="likert-anchor">{item.anchors[0]}</span>
      {Array.from({ length: item.points }, (_, i) => i + 1).map((p) => (
        <label key={p} className="likert-point">
          <input type="radio" name={item.id} value={p} checked={value === p} onChange={() => onAnswer(p)} />
          <span>{p}</span>
        </label>
      ))}
      <span className="likert-anchor">{item.anchors[1]}</span>
    </fieldset>
  );
}

/** A questionnaire; each answer is logged as it is given, so a reload keeps it. */
export function QuestionnairePage({ session }: { session: StudySession }) {
  const step = session.position.step;
  const q =
    step.type === 'questionnaire' ? session.study.questionnaires.find((x) => x.id === step.questionnaire)! : null;
  const [answers, setAnswers] = useState<Answers>(session.position.answers);
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  if (!q || step.type !== 'questionnaire') return null;
  const items = itemsOf(q);
  const answer = async (item: string, value: number | string) => {
    setAnswers((a) => ({ ...a, [item]: value }));
    await record({ kind: 'questionnaire-answer', payload: { questionnaire: q.id, item, value } });
  };
  const submit = async () => {
    const unanswered = items.filter(
      (i) => i.required && (answers[i.id] === undefined || answers[i.id] === null || answers[i.id] === ''),
    );
    setMissing(unanswered.map((i) => i.id));
    if (unanswered.length) return;
    setBusy(true);
    await finishStep({ kind: 'questionnaire-done', payload: { questionnaire: q.id } });
    setBusy(false);
  };
  return (
    <section className="study-page" aria-labelledby="questionnaire-heading" data-questionnaire={q.id}>
      <h2 id="questionnaire-heading">{q.title}</h2>
      {items.map((item) => (
        <div key={item.id} className={missing.includes(item.id) ? 'question missing' : 'question'}>
          {item.type === 'likert' ? (
            <LikertItem item={item} value={answers[item.id]} onAnswer={(v) => void answer(item.id, v)} />
          ) : (
            <label className="free-text">
              {item.text}
              <textarea
                maxLength={item.maxLength}
                defaultValue={typeof answers[item.id] === 'string' ? (answers[item.id] as string) : ''}
                onChange={(e) => setAnswers((a) => ({ ...a, [item.id]: e.target.value }))}
                onBlur={(e) => void answer(item.id, e.target.value)}
              />
            </label>
          )}
        </div>
      ))}
      {missing.length > 0 && (
        <p role="alert" className="error">
          Please answer every question marked as needed ({missing.length} left).
        </p>
      )}
      <button type="button" className="primary" disabled={busy} onClick={() => void submit()}>
        Continue
      </button>
    </section>
  );
}
