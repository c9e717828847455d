import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { isTestMode } from './app/env';
import { initHistory } from './app/historyService';
import { registerOfflineSupport } from './app/offline';
import { stop } from './app/playerService';
import { queryClient } from './app/queryClient';
import { ResearcherPage } from './app/research/ResearcherPage';
import { installTestHook } from './app/testHook';
import { useTune } from './store/tuneStore';
import './app/styles.css';

if (isTestMode()) installTestHook();
void initHistory();
registerOfflineSupport();
// A different tune on show stops the one playing.
useTune.subscribe((s, prev) => {
  if (s.current !== prev.current) stop();
});

// `?research` opens the researcher's page (study data on this device) instead of the workbench.
const isResearcherPage = new URLSearchParams(location.search).has('research');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>{isResearcherPage ? <ResearcherPage /> : <App />}</QueryClientProvider>
  </StrictMode>,
);
