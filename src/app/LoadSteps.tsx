import { useModelStatus } from '../store/modelStatusStore';
import type { LoadStage } from '../worker/protocol';

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

const STAGE_NAMES: Record<LoadStage, string> = {
  backend: 'choosing the backend',
  runtime: 'loading the runtime',
  encoder: 'building the text encoder',
  decoder: 'building the music decoder',
  'warm-up': 'a short trial decode',
};

type Step = 'download' | 'prepare' | 'warm-up';
const STEPS: readonly { step: Step; name: string }[] = [
  { step: 'download', name: 'Download' },
  { step: 'prepare', name: 'Preparing the model' },
  { step: 'warm-up', name: 'Warm-up' },
];

/** What a model load is doing while the visitor waits: download, preparing the model, warm-up, each with progress. */
export function LoadSteps() {
  const progress = useModelStatus((s) => s.progress);
  const stage = useModelStatus((s) => s.stage);
  // Sessions are made as their files arrive, so preparing starts while other files still download: the
  // download stays the step on show until its last byte (warm-up needs every file, so it ends the download).
  const downloading = progress !== null && progress.allLoaded < progress.allTotal;
  const current: Step =
    stage === null || (downloading && stage.stage !== 'warm-up')
      ? 'download'
      : stage.stage === 'warm-up'
        ? 'warm-up'
        : 'prepare';
  const at = STEPS.findIndex((s) => s.step === current);
  const detail = (step: Step): string => {
    if (step === 'download')
      return progress ? `${progress.file}: ${mb(progress.allLoaded)} of ${mb(progress.allTotal)}` : 'starting…';
    if (step === 'prepare' && stage) return STAGE_NAMES[stage.stage];
    if (step === 'warm-up' && stage?.total)
      return `${STAGE_NAMES['warm-up']}, step ${stage.done ?? 0} of ${stage.total}`;
    return '';
  };
  return (
    <div className="load-steps">
      {current === 'download' ? (
        <progress aria-label="Model download" max={progress?.allTotal ?? 1} value={progress?.allLoaded ?? 0} />
      ) : (
        <progress aria-label="Model warm-up" max={stage?.total ?? 1} value={stage?.done ?? 0} />
      )}
      <ol aria-label="Loading the model" data-testid="load-steps">
        {STEPS.map((s, i) => (
          <li key={s.step} aria-current={i === at ? 'step' : undefined} className={i < at ? 'done' : undefined}>
            {s.name}
            {i < at ? ' ✓' : i === at ? `: ${detail(s.step)}` : ''}
          </li>
        ))}
      </ol>
      <span className="sr-only" data-testid="model-progress" aria-live="polite">
        {current === 'download'
          ? progress
            ? `Loading ${progress.file}: ${mb(progress.allLoaded)} of ${mb(progress.allTotal)}`
            : 'Starting the model…'
          : `${STEPS[at].name}: ${detail(current)}`}
      </span>
    </div>
  );
}
