import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStudy } from '../../study/parseStudy';
import { buildSteps, positionOf, type Step } from '../../study/progress';
import type { Study } from '../../study/studySchema';
import { controlVisible, lockedSettingsNow, useStudy, viewVisible, type StudySession } from './studyStore';

const load = (name: string): Study => {
  const r = parseStudy(readFileSync(new URL(`../../../public/studies/${name}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.study;
};

function sessionAt(study: Study, conditions: string[], pick: (s: Step) => boolean): StudySession {
  const steps = buildSteps(study, conditions);
  const index = steps.findIndex(pick);
  return {
    study,
    participant: 'P01',
    conditions,
    steps,
    position: { ...positionOf(steps, []), index, step: steps[index] },
  };
}

const between = load('between-views.json');
const within = load('within-attention-neighbours.json');
const task = (id: string) => (s: Step) => s.type === 'task' && s.task === id;

describe('what a condition shows', () => {
  it.each([
    ['no study', null, 'attention', true],
    ['views on', sessionAt(between, ['A'], task('explore')), 'attention', true],
    ['views off', sessionAt(between, ['B'], task('explore')), 'attention', false],
    ['views off', sessionAt(between, ['B'], task('explore')), 'neighbours', false],
    ['attention condition', sessionAt(within, ['attention', 'neighbours'], task('read-attention')), 'attention', true],
    [
      'attention condition',
      sessionAt(within, ['attention', 'neighbours'], task('read-attention')),
      'neighbours',
      false,
    ],
    ['then neighbours', sessionAt(within, ['attention', 'neighbours'], task('read-neighbours')), 'neighbours', true],
    ['then neighbours', sessionAt(within, ['attention', 'neighbours'], task('read-neighbours')), 'attention', false],
  ] as const)('%s: %s shows = %s', (_, session, view, shown) => expect(viewVisible(session, view)).toBe(shown));

  it.each([
    ['views on', 'A', 'catalogue', true],
    ['views off', 'B', 'catalogue', false],
    ['views off', 'B', 'settings', true],
  ] as const)('%s: the %s panel shows = %s', (_, condition, control, shown) =>
    expect(controlVisible(sessionAt(between, [condition], task('explore')), control)).toBe(shown),
  );

  it('locks the settings the condition names, and only those', () => {
    useStudy.getState().set({ session: sessionAt(within, ['neighbours', 'attention'], task('read-neighbours')) });
    expect(lockedSettingsNow()).toEqual({ temperature: 0.9, guidance: 1.5 });
    useStudy.getState().set({ session: sessionAt(between, ['A'], task('explore')) });
    expect(lockedSettingsNow()).toEqual({});
  });
});
