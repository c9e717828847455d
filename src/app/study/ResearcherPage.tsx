import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from '../../schema/zod';
import { assign, participantLink } from '../../study/assignment';
import { parseStudy } from '../../study/parseStudy';
import type { Study } from '../../study/studySchema';
import { saveStudyFile } from './studyService';
import './study.css';

const indexSchema = z.object({ studies: z.array(z.string().regex(/^[A-Za-z0-9_-]+\.json$/)) });
const studiesUrl = (file = '') => new URL(`studies/${file}`, new URL(import.meta.env.BASE_URL, location.href)).href;

async function shippedStudies(): Promise<string[]> {
  const res = await fetch(studiesUrl('index.json'));
  if (!res.ok) throw new Error(`studies/index.json: ${res.status}`);
  const r = indexSchema.safeParse(await res.json());
  if (!r.success)
    throw new Error(`studies/index.json: ${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`);
  return r.data.studies;
}

/** For the researcher: load a study file (shipped or from disk) and get one link per participant. */
export function ResearcherPage() {
  const shipped = useQuery({ queryKey: ['shipped-studies'], queryFn: shippedStudies });
  const [study, setStudy] = useState<Study | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [count, setCount] = useState(12);

  const load = async (name: string, source: string, save: boolean) => {
    const r = parseStudy(source);
    if (!r.ok) {
      setStudy(null);
      setErrors(r.errors.map((e) => `${name}: ${e}`));
      return;
    }
    // A file from disk is kept on this device, so its participant links open it here.
    if (save) await saveStudyFile(r.study.id, source);
    setErrors([]);
    setStudy(r.study);
  };
  const fromDisk = async (file: File | undefined) => {
    if (!file) return;
    await load(file.name, await file.text(), true);
  };
  const fromShipped = async (file: string) => {
    const res = await fetch(studiesUrl(file));
    await load(file, res.ok ? await res.text() : '', false);
  };

  return (
    <main className="study-page researcher" aria-labelledby="researcher-heading">
      <h1 id="researcher-heading">Study links</h1>
      <p>Load a study file, then give each participant their link. Everything stays on this device.</p>
      <p>
        <a href="?study-data">Study data</a>: the sessions stored here, their exports, imports and replay.
      </p>
      <label>
        Study file from disk{' '}
        <input type="file" accept=".json,application/json" onChange={(e) => void fromDisk(e.target.files?.[0])} />
      </label>
      <p>Or a shipped study:</p>
      <ul>
        {shipped.data?.map((f) => (
          <li key={f}>
            <button type="button" onClick={() => void fromShipped(f)}>
              {f}
            </button>
          </li>
        ))}
      </ul>
      {shipped.error && <p className="error">{shipped.error.message}</p>}
      {errors.length > 0 && (
        <div role="alert" className="error">
          <p>This study file cannot be used:</p>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {study && (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">
            {study.title} (version {study.version}, {study.assignment.design}-subjects)
          </h2>
          <label>
            Participants{' '}
            <input
              type="number"
              min={1}
              max={200}
              value={count}
              onChange={(e) => setCount(Math.min(200, Math.max(1, Number(e.target.value) || 1)))}
            />
          </label>
          <table>
            <thead>
              <tr>
                <th>Participant</th>
                <th>Conditions</th>
                <th>Link</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: count }, (_, i) => `P${String(i + 1).padStart(2, '0')}`).map((p) => {
                const a = assign(study, p, null);
                const conditions = a.ok ? a.conditions : [];
                const href = participantLink(location.href, study.id, p, conditions);
                return (
                  <tr key={p}>
                    <td>{p}</td>
                    <td>{conditions.join(' → ')}</td>
                    <td>
                      <a href={href}>{href}</a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}
