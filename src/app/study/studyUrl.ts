/** What the page's URL asks of study mode. */
export interface StudyRequest {
  readonly study: string;
  readonly participant: string | null;
  readonly condition: string | null;
}

export function studyRequestFromUrl(search = globalThis.location?.search ?? ''): StudyRequest | null {
  const p = new URLSearchParams(search);
  const study = p.get('study');
  if (!study) return null;
  return { study, participant: p.get('participant'), condition: p.get('condition') };
}

export const researcherPageRequested = (search = globalThis.location?.search ?? ''): boolean =>
  new URLSearchParams(search).has('researcher');

/** `?study-data` opens the study data on this device (exports, imports, replay) instead of the workbench. */
export const isStudyDataPage = (search = globalThis.location?.search ?? ''): boolean =>
  new URLSearchParams(search).has('study-data');

/** The workbench, the page with the model: every page but the researcher's and the study data's. */
export const isWorkbenchPage = (search = globalThis.location?.search ?? ''): boolean =>
  !researcherPageRequested(search) && !isStudyDataPage(search);
