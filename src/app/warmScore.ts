import { tokensToAbc } from '../tokenizer/musicTokens';
import { ScoreView } from '../vis/scoreView';

/** A short tune in the model's tokens: header, a few notes, bar lines, as the first streamed score has. */
const SAMPLE = ['M:6/8', 'K:Dmaj', 'D', 'F', 'A', 'd', '2', 'A', '|', 'B', 'c', 'd', 'e', '2', 'c', '|'];

/**
 * Draws a short tune once, off screen, while the model loads, and removes it. The first score of a visit is drawn
 * on the click that starts a tune; without this, abcjs's code was compiled and its text measured in that click's
 * task, which held the first streamed token back on the page.
 */
export function warmScoreWhileLoading(): void {
  const draw = () => {
    const host = document.createElement('div');
    host.className = 'score score-warm-up';
    host.setAttribute('aria-hidden', 'true');
    document.body.append(host);
    const view = new ScoreView(host, () => undefined);
    try {
      view.render(tokensToAbc(SAMPLE, { title: 'A tune' }));
    } finally {
      view.destroy();
      host.remove();
    }
  };
  // Safari has no requestIdleCallback.
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(draw, { timeout: 1000 });
  else setTimeout(draw, 200);
}
