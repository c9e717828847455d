/**
 * Workshop (kiosk) mode's settings: on or off, how long the page may sit idle before it offers to reset, and how
 * long the visible countdown runs. They belong to the venue, not the visitor, so they are kept in localStorage and
 * survive the reset. A URL sets them too (`?kiosk=1&idle=180&warn=30`, `?kiosk=0` to leave).
 */
import { z } from '../../schema/zod';

export const IDLE_RANGE = { min: 2, max: 7200 } as const;
export const WARN_RANGE = { min: 2, max: 300 } as const;

export const kioskConfigSchema = z.object({
  enabled: z.boolean(),
  /** Seconds without a touch, click, key or scroll before the countdown starts. */
  idleSeconds: z.int().min(IDLE_RANGE.min).max(IDLE_RANGE.max),
  /** Seconds the countdown runs before the reset; any activity cancels it. */
  warningSeconds: z.int().min(WARN_RANGE.min).max(WARN_RANGE.max),
});

export type KioskConfig = z.infer<typeof kioskConfigSchema>;

export const DEFAULT_KIOSK: KioskConfig = { enabled: false, idleSeconds: 180, warningSeconds: 30 };

/** Each issue as `field: message`, so a bad setting says which one is wrong. */
function describe(error: z.ZodError, where: string): string[] {
  return error.issues.map((i) => `${where} ${i.path.join('.') || '(whole value)'}: ${i.message}`);
}

/** The stored settings, or the defaults with a message when what is stored cannot be read. */
export function parseStoredKiosk(raw: string | null): { config: KioskConfig; errors: string[] } {
  if (raw === null) return { config: DEFAULT_KIOSK, errors: [] };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { config: DEFAULT_KIOSK, errors: ['stored workshop settings: not JSON; the defaults are used'] };
  }
  const parsed = kioskConfigSchema.safeParse(json);
  return parsed.success
    ? { config: parsed.data, errors: [] }
    : { config: DEFAULT_KIOSK, errors: describe(parsed.error, 'stored workshop settings') };
}

/** A number written in the URL: whole seconds only, so `idle=abc` is named as wrong, not read as 0. */
const urlSeconds = z.coerce.number<string>().pipe(z.int());
const urlSchema = z.object({
  enabled: z.enum(['', '1', 'true', '0', 'false']).transform((v) => v !== '0' && v !== 'false'),
  idleSeconds: urlSeconds.pipe(z.int().min(IDLE_RANGE.min).max(IDLE_RANGE.max)),
  warningSeconds: urlSeconds.pipe(z.int().min(WARN_RANGE.min).max(WARN_RANGE.max)),
});
const URL_NAMES = { enabled: 'kiosk', idleSeconds: 'idle', warningSeconds: 'warn' } as const;

/**
 * `base` with what the URL sets. Each parameter is checked on its own: a bad one is named in `errors` and leaves
 * that setting as it was, the good ones still apply.
 */
export function applyKioskUrl(base: KioskConfig, search: string): { config: KioskConfig; errors: string[] } {
  const params = new URLSearchParams(search);
  const config: Record<string, unknown> = { ...base };
  const errors: string[] = [];
  for (const field of Object.keys(URL_NAMES) as (keyof typeof URL_NAMES)[]) {
    const value = params.get(URL_NAMES[field]);
    if (value === null) continue;
    const parsed = urlSchema.shape[field].safeParse(value);
    if (parsed.success) config[field] = parsed.data;
    else errors.push(`URL parameter ${URL_NAMES[field]}=${value}: ${parsed.error.issues[0].message}`);
  }
  return { config: kioskConfigSchema.parse(config), errors };
}
