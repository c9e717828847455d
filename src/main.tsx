import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { isTestMode } from './app/env';
import { initHistory } from './app/historyService';
import { initKiosk } from './app/kiosk/kioskStore';
import { registerOfflineSupportWhenSettled } from './app/offline';
import { stop } from './app/playerService';
import { queryClient } from './app/queryClient';
import { StudyDataPage } from './app/research/StudyDataPage';
import { installTestHook } from './app/testHook';
import { ResearcherPage } from './app/study/ResearcherPage';
import { StudyShell } from './app/study/StudyShell';
import { startStudy } from './app/study/studyService';
import { researcherPageRequested, studyRequestFromUrl } from './app/study/studyUrl';
import { useNotices } from './store/noticeStore';
import { useTune } from './store/tuneStore';
import './app/styles.css';

if (isTestMode()) installTestHook();
void initHistory();
registerOfflineSupportWhenSettled();
const studyRequest = studyRequestFromUrl();
if (studyRequest) void startStudy(studyRequest);
for (const problem of initKiosk()) useNotices.getState().push(`Workshop mode: ${problem}`, 'warning');
// A different tune on show stops the one playing.
useTune.subscribe((s, prev) => {
  if (s.current !== prev.current) stop();
});

// `?study-data` opens the study data on this device (exports, imports, replay) instead of the workbench.
const isStudyDataPage = new URLSearchParams(location.search).has('study-data');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {researcherPageRequested() ? (
        <ResearcherPage />
      ) : isStudyDataPage ? (
        <StudyDataPage />
      ) : (
        <StudyShell>
          <App />
        </StudyShell>
      )}
    </QueryClientProvider>
  </StrictMode>,
);
