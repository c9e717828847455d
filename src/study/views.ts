/**
 * The parts of the page a study condition can show or hide, by the names study files use.
 * Interpretation views and tool panels are listed apart so a condition reads plainly.
 */
export const STUDY_VIEWS = [
  'attention',
  'perturbation',
  'sweep',
  'diffraction',
  'journal',
  'neighbours',
  'map',
  'attribution',
] as const;
export type StudyView = (typeof STUDY_VIEWS)[number];

export const STUDY_CONTROLS = ['settings', 'history', 'export', 'editor', 'catalogue', 'rights'] as const;
export type StudyControl = (typeof STUDY_CONTROLS)[number];

/** Generation settings a condition may lock to a value (names as in GenerationSettings). */
export const LOCKABLE_SETTINGS = ['seed', 'temperature', 'topK', 'topP', 'guidance', 'maxTokens'] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];
