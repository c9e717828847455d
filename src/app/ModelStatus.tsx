import { useSettings } from '../store/settingsStore';
import type { BackendPreference } from '../worker/protocol';
import { LoadSteps } from './LoadSteps';
import { useModel } from './modelService';

/** Model download progress, the backend in use and why, or the load error; and the backend override. */
export function ModelStatus() {
  const model = useModel();
  const backend = useSettings((s) => s.backend);
  const setBackend = useSettings((s) => s.setBackend);
  return (
    <section className="panel model-status" aria-label="Model" data-testid="model-status">
      {model.isPending && <LoadSteps />}
      {model.data && (
        <p data-testid="backend-info">
          <strong>
            Model ready on{' '}
            {model.data.backend === 'webgpu'
              ? 'WebGPU'
              : `WASM (${model.data.numThreads} thread${model.data.numThreads > 1 ? 's' : ''})`}
          </strong>
          {' — '}
          <span data-testid="backend-reason">{model.data.backendReason}</span>
        </p>
      )}
      {model.isError && (
        <div className="error" role="alert" data-testid="model-error">
          <strong>The model could not be loaded.</strong> {model.error.message}
          <p>You can still open history, read and edit ABC, listen and export.</p>
          <button type="button" onClick={() => void model.refetch()}>
            Try loading again
          </button>
        </div>
      )}
      <div className="field inline">
        <label htmlFor="backend-select">Backend</label>
        <select id="backend-select" value={backend} onChange={(e) => setBackend(e.target.value as BackendPreference)}>
          <option value="auto">automatic</option>
          <option value="webgpu">WebGPU</option>
          <option value="wasm">WASM</option>
        </select>
      </div>
    </section>
  );
}
