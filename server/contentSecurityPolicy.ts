import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy every page of the app is served with: `npm start`'s server and `vite preview`
 * send it as a header, and the build writes it into index.html as a meta tag for hosts that send none.
 * Everything the app loads is its own (scripts, workers, the model, the catalogue), so 'self' is the rule;
 * each exception below was found by running the app under the policy (e2e/security.spec.ts).
 */

/**
 * The one <style> element abcjs writes into every score it draws (abcjs/src/write/draw/set-paper-size.js),
 * allowed by its hash rather than allowing inline style elements in general.
 */
const ABCJS_DRAG_STYLE =
  '.abcjs-dragging-in-progress text, .abcjs-dragging-in-progress tspan {-webkit-touch-callout: none; ' +
  '-webkit-user-select: none; -khtml-user-select: none; -moz-user-select: none; -ms-user-select: none; ' +
  'user-select: none;}';
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // onnxruntime-web compiles its WebAssembly at run time; nothing needs JavaScript eval.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'connect-src': ["'self'"],
  // Tone.js keeps time in a worker it builds from a blob: (a timer that hidden tabs do not throttle, so
  // playback holds steady in the background). onnxruntime-web's own workers are files of the app.
  'worker-src': ["'self'", 'blob:'],
  // A/B listening plays WAV bytes made in the page through a blob: URL.
  'media-src': ["'self'", 'blob:'],
  'style-src': ["'self'", sha256(ABCJS_DRAG_STYLE)],
  // abcjs sets a few style attributes (its text-measuring SVG, chord superscripts). React and d3 set styles
  // through the CSSOM, which the policy does not govern. An attribute holds no selectors, and any url() in
  // it still falls under default-src.
  'style-src-attr': ["'unsafe-inline'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Browsers ignore these in a meta tag (frame-ancestors only works as a header). */
const HEADER_ONLY = new Set(['frame-ancestors']);

const serialise = (names: readonly string[]) => names.map((n) => `${n} ${DIRECTIVES[n].join(' ')}`).join('; ');

export const CONTENT_SECURITY_POLICY = serialise(Object.keys(DIRECTIVES));
export const META_CONTENT_SECURITY_POLICY = serialise(Object.keys(DIRECTIVES).filter((n) => !HEADER_ONLY.has(n)));
