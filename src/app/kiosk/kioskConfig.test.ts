import { describe, expect, it } from 'vitest';
import { applyKioskUrl, DEFAULT_KIOSK, parseStoredKiosk, type KioskConfig } from './kioskConfig';

const on: KioskConfig = { enabled: true, idleSeconds: 60, warningSeconds: 10 };

describe('parseStoredKiosk', () => {
  it.each([
    ['nothing stored', null, DEFAULT_KIOSK, []],
    ['a good value', JSON.stringify(on), on, []],
    ['not JSON', '{oops', DEFAULT_KIOSK, [/not JSON/]],
    ['a missing field', JSON.stringify({ enabled: true, idleSeconds: 60 }), DEFAULT_KIOSK, [/warningSeconds/]],
    [
      'a value out of range',
      JSON.stringify({ ...on, idleSeconds: 1 }),
      DEFAULT_KIOSK,
      [/stored workshop settings idleSeconds: .*2/],
    ],
    ['a fraction', JSON.stringify({ ...on, warningSeconds: 2.5 }), DEFAULT_KIOSK, [/warningSeconds/]],
  ])('%s', (_, raw, config, errors) => {
    const result = parseStoredKiosk(raw);
    expect(result.config).toEqual(config);
    expect(result.errors).toHaveLength(errors.length);
    errors.forEach((e, i) => expect(result.errors[i]).toMatch(e));
  });
});

describe('applyKioskUrl', () => {
  it.each([
    ['no parameters', '', DEFAULT_KIOSK, []],
    ['bare kiosk turns it on', '?kiosk', { ...DEFAULT_KIOSK, enabled: true }, []],
    ['kiosk=1 with times', '?kiosk=1&idle=5&warn=3', { enabled: true, idleSeconds: 5, warningSeconds: 3 }, []],
    ['kiosk=0 turns it off and keeps the times', '?kiosk=0', { ...on, enabled: false }, [], on],
    ['a word for a number', '?kiosk=1&idle=soon', { ...DEFAULT_KIOSK, enabled: true }, [/idle=soon/]],
    ['a time out of range', '?warn=999', DEFAULT_KIOSK, [/warn=999: .*300/]],
    ['an unknown kiosk value', '?kiosk=maybe', DEFAULT_KIOSK, [/kiosk=maybe/]],
  ])('%s', (_, search, config, errors, base: KioskConfig = DEFAULT_KIOSK) => {
    const result = applyKioskUrl(base, search);
    expect(result.config).toEqual(config);
    expect(result.errors).toHaveLength(errors.length);
    errors.forEach((e, i) => expect(result.errors[i]).toMatch(e));
  });
});
