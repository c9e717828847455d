import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventLog, StudyWriteError, type EventSink } from './eventStore';
import { eventKey, type EventContext, type EventDraft, type StudyEvent } from './events';
import { mergeEvents, missingSeqs } from './logCore';

const textOf = (e: StudyEvent): string => (e.kind === 'prompt-edit' ? e.payload.text : `(${e.kind})`);

/**
 * Keeps events as IndexedDB's `add` does: a taken key is refused. `failNext` makes the next write fail after
 * nothing was written (a quota error); `crashAfterWrite` stores the event and then loses the acknowledgement,
 * as a tab closed between commit and reply would.
 */
class MapSink implements EventSink {
  readonly rows = new Map<string, StudyEvent>();
  failNext = false;
  crashAfterWrite = false;
  loseReply = false;
  async readAll(studyId: string, participant: string) {
    return [...this.rows.values()]
      .filter((e) => e.studyId === studyId && e.participant === participant)
      .sort((a, b) => a.seq - b.seq);
  }
  async add(event: StudyEvent) {
    await Promise.resolve();
    if (this.failNext) {
      this.failNext = false;
      throw new StudyWriteError(new DOMException('full', 'QuotaExceededError'), true);
    }
    if (this.rows.has(eventKey(event))) throw new DOMException('key taken', 'ConstraintError');
    this.rows.set(eventKey(event), structuredClone(event));
    if (this.loseReply) {
      this.loseReply = false;
      throw new DOMException('reply lost', 'UnknownError');
    }
    if (this.crashAfterWrite) {
      this.crashAfterWrite = false;
      throw new Error('page closed');
    }
  }
}

const context: EventContext = { studyId: 's', studyVersion: '1', participant: 'P01', condition: 'A', task: 't1' };
let tick = 0;
const clock = { wall: () => 1_000 + tick, mono: () => tick++ };

type Step =
  | { op: 'append'; text: string }
  | { op: 'burst'; texts: string[] }
  | { op: 'reload' }
  | { op: 'fail' }
  | { op: 'crash' }
  | { op: 'lose-reply' };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 8 }).map((text) => ({ op: 'append' as const, text })) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.string({ maxLength: 4 }), { minLength: 2, maxLength: 5 })
      .map((texts) => ({ op: 'burst' as const, texts })),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'reload' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'fail' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'crash' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'lose-reply' as const }) },
);
const draft = (text: string): EventDraft => ({ kind: 'prompt-edit', payload: { text } });

describe('EventLog across reloads', () => {
  it('stores every acknowledged event once, in the order acknowledged, with no gaps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const sink = new MapSink();
        let log = await EventLog.resume(sink, context, clock);
        /** What the store must hold, in order: every acknowledged event, and those written before a crash. */
        const expected: string[] = [];
        for (const [i, s] of steps.entries()) {
          if (s.op === 'reload') log = await EventLog.resume(sink, context, clock);
          else if (s.op === 'append') expected.push(textOf(await log.append(draft(s.text))));
          else if (s.op === 'burst') {
            // Appends issued together, without waiting: the sequence follows the calls.
            const done = await Promise.all(s.texts.map((t) => log.append(draft(t))));
            expected.push(...done.map(textOf));
          } else if (s.op === 'fail') {
            sink.failNext = true;
            await expect(log.append(draft('never stored'))).rejects.toThrow(/run out of storage/);
          } else if (s.op === 'lose-reply') {
            // Written, but the reply was an error and the page stayed: the next append must not reuse the number.
            sink.loseReply = true;
            await expect(log.append(draft(`lost reply ${i}`))).rejects.toThrow('reply lost');
            expected.push(`lost reply ${i}`);
          } else {
            // Written, then the tab closed before the reply: the page never moved on, yet the event is kept.
            sink.crashAfterWrite = true;
            await expect(log.append(draft(`crash ${i}`))).rejects.toThrow('page closed');
            expected.push(`crash ${i}`);
            log = await EventLog.resume(sink, context, clock);
          }
        }
        const stored = await sink.readAll('s', 'P01');
        expect(missingSeqs(stored)).toEqual([]);
        expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i));
        expect(stored.map(textOf)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('mergeEvents', () => {
  const ev = (participant: string, seq: number, text = `${participant}${seq}`): StudyEvent => ({
    ...context,
    participant,
    seq,
    wallTime: seq,
    monoTime: seq,
    session: 'x',
    kind: 'prompt-edit',
    payload: { text },
  });
  const logArb = fc.array(fc.tuple(fc.constantFrom('P01', 'P02', 'P03'), fc.nat(30)), { maxLength: 40 }).map(
    (pairs) =>
      mergeEvents(
        [],
        pairs.map(([p, s]) => ev(p, s)),
      ).events,
  );

  it('merging parts of an export in any order gives the whole, with each overlap counted as a duplicate', () => {
    fc.assert(
      fc.property(logArb, fc.array(fc.nat(), { maxLength: 40 }), (whole, picks) => {
        const a = whole.filter((_, i) => (picks[i] ?? 0) % 3 !== 0);
        const b = whole.filter((_, i) => (picks[i] ?? 0) % 3 !== 1);
        const ab = mergeEvents(a, b);
        expect(ab.events).toEqual(whole);
        expect(ab.duplicates).toBe(a.filter((e) => b.includes(e)).length);
        expect(mergeEvents(b, a).events).toEqual(whole);
        expect(ab.conflicts).toEqual([]);
      }),
    );
  });

  it('refuses an event whose key another event holds', () => {
    const r = mergeEvents([ev('P01', 0)], [ev('P01', 0, 'other'), ev('P01', 1)]);
    expect(r).toMatchObject({ added: 1, duplicates: 0, conflicts: ['s P01 #0'] });
    expect(r.events.map(textOf)).toEqual(['P010', 'P011']);
  });
});
