import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { isTestMode } from './app/env';
import { initHistory } from './app/historyService';
import { initKiosk } from './app/kiosk/kioskStore';
import { registerOfflineSupport } from './app/offline';
import { stop } from './app/playerService';
import { queryClient } from './app/queryClient';
import { installTestHook } from './app/testHook';
import { useNotices } from './store/noticeStore';
import { useTune } from './store/tuneStore';
import './app/styles.css';

if (isTestMode()) installTestHook();
void initHistory();
registerOfflineSupport();
for (const problem of initKiosk()) useNotices.getState().push(`Workshop mode: ${problem}`, 'warning');
// A different tune on show stops the one playing.
useTune.subscribe((s, prev) => {
  if (s.current !== prev.current) stop();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
