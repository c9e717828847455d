/**
 * zod for every file reader in src/, configured before any schema exists: zod's fast path probes for eval with
 * `new Function`, which the app's CSP (script-src without 'unsafe-eval') refuses and reports as a violation; the
 * plain path needs no eval. Importing zod from here, not from 'zod', makes the setting hold in every bundle (the
 * page and the workers) whatever module loads first.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
