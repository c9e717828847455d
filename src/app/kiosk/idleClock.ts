/**
 * Where the idle reset stands, from the time of the visitor's last activity. Pure, so the hook that drives it
 * (useIdleReset) only feeds it the clock, and the phases can be tested without waiting.
 */
export type IdlePhase =
  { readonly kind: 'active' } | { readonly kind: 'warning'; readonly secondsLeft: number } | { readonly kind: 'reset' };

export function idlePhase(
  nowMs: number,
  lastActivityMs: number,
  config: { readonly idleSeconds: number; readonly warningSeconds: number },
): IdlePhase {
  const idleMs = nowMs - lastActivityMs;
  const warnAt = config.idleSeconds * 1000;
  const resetAt = warnAt + config.warningSeconds * 1000;
  if (idleMs < warnAt) return { kind: 'active' };
  if (idleMs >= resetAt) return { kind: 'reset' };
  return { kind: 'warning', secondsLeft: Math.ceil((resetAt - idleMs) / 1000) };
}
