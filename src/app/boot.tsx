import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { isTestMode } from './env';
import { initHistory } from './historyService';
import { initKiosk } from './kiosk/kioskStore';
import { registerOfflineSupportWhenSettled } from './offline';
import { stop } from './playerService';
import { queryClient } from './queryClient';
import { StudyDataPage } from './research/StudyDataPage';
import { installTestHook } from './testHook';
import { ResearcherPage } from './study/ResearcherPage';
import { StudyShell } from './study/StudyShell';
import { startStudy } from './study/studyService';
import { isStudyDataPage, isWorkbenchPage, researcherPageRequested, studyRequestFromUrl } from './study/studyUrl';
import { useNotices } from '../store/noticeStore';
import { useTune } from '../store/tuneStore';
import { warmScoreWhileLoading } from './warmScore';
import './styles.css';

if (isTestMode()) installTestHook();
void initHistory();
registerOfflineSupportWhenSettled();
if (isWorkbenchPage()) warmScoreWhileLoading();
const studyRequest = studyRequestFromUrl();
if (studyRequest) void startStudy(studyRequest);
for (const problem of initKiosk()) useNotices.getState().push(`Workshop mode: ${problem}`, 'warning');
// A different tune on show stops the one playing.
useTune.subscribe((s, prev) => {
  if (s.current !== prev.current) stop();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {researcherPageRequested() ? (
        <ResearcherPage />
      ) : isStudyDataPage() ? (
        <StudyDataPage />
      ) : (
        <StudyShell>
          <App />
        </StudyShell>
      )}
    </QueryClientProvider>
  </StrictMode>,
);
