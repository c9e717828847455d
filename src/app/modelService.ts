import { useQuery } from '@tanstack/react-query';
import { useModelStatus } from '../store/modelStatusStore';
import { useNotices } from '../store/noticeStore';
import { useSettings } from '../store/settingsStore';
import { ModelClient, type ClientError, type Result } from '../worker/modelClient';
import type { BackendPreference, LoadedModelInfo } from '../worker/protocol';
import { isTestMode, modelUrl, ortUrl, threadsFromUrl } from './env';
import { queryClient } from './queryClient';

/** A failed model load, thrown so react-query keeps it as the query's error. */
export class ModelLoadError extends Error {
  constructor(readonly detail: ClientError) {
    super(detail.message);
  }
}

const modelKey = (backend: BackendPreference) => ['model', backend] as const;

function onReloaded(result: Result<LoadedModelInfo>): void {
  const key = modelKey(useSettings.getState().backend);
  if (result.ok) queryClient.setQueryData(key, result.value);
  else
    queryClient
      .getQueryCache()
      .find({ queryKey: key })
      ?.setState({ status: 'error', error: new ModelLoadError(result.error), data: undefined });
}

/** The one model worker of the page. Created on first use, so modules can be imported without a worker. */
let client: ModelClient | null = null;
export function modelClient(): ModelClient {
  client ??= new ModelClient(
    () =>
      new Worker(new URL('../worker/model.worker.ts', import.meta.url), { type: 'module', name: 'apparatus-model' }),
    {
      onProgress: (p) => useModelStatus.getState().setProgress(p),
      onStage: (s) => useModelStatus.getState().setStage(s),
      onNotice: (m) => useNotices.getState().push(m, 'warning'),
      onReloaded,
    },
  );
  return client;
}

async function loadModel(backend: BackendPreference): Promise<LoadedModelInfo> {
  useModelStatus.getState().setProgress(null);
  useModelStatus.getState().setStage(null);
  const result = await modelClient().load({
    modelUrl: modelUrl(),
    ortUrl: ortUrl(),
    backend,
    numThreads: threadsFromUrl(),
    testHooks: isTestMode(),
  });
  useModelStatus.getState().setProgress(null);
  useModelStatus.getState().setStage(null);
  if (!result.ok) throw new ModelLoadError(result.error);
  return result.value;
}

/**
 * Starts loading the model for the backend preference before the app renders; `useModel` then finds the load
 * under way (same query key) rather than starting it.
 */
export function startModelLoad(): void {
  const backend = useSettings.getState().backend;
  void queryClient.prefetchQuery({ queryKey: modelKey(backend), queryFn: () => loadModel(backend) });
}

/** The model, loaded in the worker for the chosen backend preference. */
export function useModel() {
  const backend = useSettings((s) => s.backend);
  // gcTime 0: a backend left behind is dropped, so coming back to it loads that backend again in the worker.
  // retryOnMount false: a failed load is retried only when the person asks (every panel mounting would).
  return useQuery<LoadedModelInfo, ModelLoadError>({
    queryKey: modelKey(backend),
    queryFn: () => loadModel(backend),
    gcTime: 0,
    retryOnMount: false,
  });
}

/** The loaded model right now, outside React. */
export function currentModel(): LoadedModelInfo | undefined {
  return queryClient.getQueryData<LoadedModelInfo>(modelKey(useSettings.getState().backend));
}
export function currentModelError(): ModelLoadError | null {
  return (
    queryClient.getQueryState<LoadedModelInfo, ModelLoadError>(modelKey(useSettings.getState().backend))?.error ?? null
  );
}
