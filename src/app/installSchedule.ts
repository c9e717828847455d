/**
 * When the offline copy starts downloading. The precache is the whole build (tens of MB, every instrument and both
 * onnxruntime builds); fetched, unpacked and stored while a tune is being written, it takes a core from the
 * decoding on a 2-core machine, and it used to start as the first tune ended, under the second. So it waits for a
 * pause: QUIET_MS with no tune being written once the model has settled (ready or failed), at the latest LATEST_MS
 * after that. A page whose model has not settled AFTER_OPEN_MS after it opened (the researcher's pages never load
 * it) installs then.
 */
export const QUIET_MS = 5_000;
export const LATEST_MS = 60_000;
export const AFTER_OPEN_MS = 30_000;

/** setTimeout and clearTimeout, with the timer's id opaque (a number in a page, an object in Node). */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(id: unknown): void;
}

export interface InstallSchedule {
  /** The model is ready, or failed to load: from now on only pauses count. */
  modelSettled(): void;
  /** A tune started or stopped being written. */
  streaming(on: boolean): void;
  /** Stops every timer without installing. */
  dispose(): void;
}

export function installSchedule(install: () => void, timers: Timers): InstallSchedule {
  let done = false;
  let settled = false;
  let writing = false;
  let quiet: unknown = null;
  const ids: unknown[] = [];
  const stopAll = () => {
    ids.forEach((id) => timers.clear(id));
    if (quiet !== null) timers.clear(quiet);
    quiet = null;
  };
  const go = () => {
    if (done) return;
    done = true;
    stopAll();
    install();
  };
  const restartQuiet = () => {
    if (quiet !== null) timers.clear(quiet);
    quiet = settled && !writing && !done ? timers.set(go, QUIET_MS) : null;
  };
  ids.push(timers.set(() => (settled ? undefined : go()), AFTER_OPEN_MS));
  return {
    modelSettled() {
      if (settled || done) return;
      settled = true;
      ids.push(timers.set(go, LATEST_MS));
      restartQuiet();
    },
    streaming(on) {
      writing = on;
      restartQuiet();
    },
    dispose() {
      done = true;
      stopAll();
    },
  };
}
