/** One event in plain words, for the replay's step list and the timeline's tooltips. */
import type { StudyEvent } from '../events';

const quote = (s: string, max = 80) => `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;

export function describeEvent(e: StudyEvent): string {
  switch (e.kind) {
    case 'session-start':
      return e.payload.resumed ? 'Page reloaded; session resumed' : 'Session started';
    case 'consent':
      return 'Agreed to the consent text';
    case 'task-start':
      return `Task started: ${e.payload.title}`;
    case 'task-end':
      return e.payload.reason === 'time-up' ? 'Task ended: time ran out' : 'Task ended: marked done';
    case 'prompt-edit':
      return `Prompt edited: ${quote(e.payload.text)}`;
    case 'generate':
      return `Generate: ${quote(e.payload.prompt)}`;
    case 'cancel':
      return `Generation cancelled after ${e.payload.tokens} tokens`;
    case 'tune':
      return `Tune written (${e.payload.tokens.length} tokens, ${e.payload.stopped})`;
    case 'view-open':
      return `Opened view: ${e.payload.view}`;
    case 'view-settings':
      return `Changed settings of ${e.payload.view}`;
    case 'attention-dwell':
      return `Rested on ${e.payload.cells.length} attention cells`;
    case 'perturbation':
      return `Perturbation (${e.payload.mode}): ${e.payload.words.join(', ')}`;
    case 'neighbour-chosen':
      return `Chose neighbour ${e.payload.tuneId} (${e.payload.measure})`;
    case 'references-chosen':
      return `References chosen: ${e.payload.ids.join(', ') || 'none'}`;
    case 'playback-start':
      return 'Playback started';
    case 'playback-stop':
      return 'Playback stopped';
    case 'export':
      return `Exported ${e.payload.format}`;
    case 'journal-note':
      return `Note: ${quote(e.payload.text)}`;
    case 'questionnaire-answer':
      return `Answered ${e.payload.questionnaire}/${e.payload.item}: ${e.payload.value ?? '(blank)'}`;
    case 'questionnaire-done':
      return `Questionnaire done: ${e.payload.questionnaire}`;
    case 'storage-warning':
      return `Storage warning: ${e.payload.message}`;
    case 'debrief':
      return 'Debrief shown';
  }
}
