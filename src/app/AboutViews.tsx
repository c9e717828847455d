import type { ReactNode } from 'react';

/** One interpretation view: what it measures, then its limits. */
function ViewAccount({
  id,
  title,
  children,
  limits,
}: {
  id: string;
  title: string;
  children: ReactNode;
  limits: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
      <p>
        <strong>Limits</strong>
      </p>
      <ul>{limits}</ul>
    </section>
  );
}

/** The about page's account of the interpretation views: what each measures, and its known limits. */
export function AboutViews() {
  return (
    <>
      <ViewAccount
        id="about-attention"
        title="Cross-attention map"
        limits={
          <>
            <li>
              Attention weights show where the read-out looked, not why a note was chosen. High weight on a word is not
              evidence that the word caused the note.
            </li>
            <li>
              Attention is not the only route from the words to the notes: the decoder also adds the mean of the whole
              encoding (words and references) to every position, a route no map shows. The leave-one-out reading of the
              perturbation view measures both routes together.
            </li>
            <li>
              Rollout here is restricted to one position, because the decoder&rsquo;s self-attention is not exported;
              mean, max and rollout are summaries that can hide what single heads do.
            </li>
            <li>A word the vocabulary does not know is read as &lt;unk&gt; (marked &ldquo;?&rdquo;), not as itself.</li>
          </>
        }
      >
        <p>
          The tune is read again with its tokens held fixed, and the map shows the decoder&rsquo;s cross-attention
          weights: at the position that predicts each music token, how the read-out is spread over the prompt words and
          the bars of any reference excerpts. You choose the layer and head, or combine them by mean, max or rollout,
          and whether rows are bars (the mean of their tokens) or single tokens. The map is linked to the score both
          ways, and its colour scale is shown with its values.
        </p>
      </ViewAccount>
      <ViewAccount
        id="about-perturbation"
        title="Prompt perturbation"
        limits={
          <>
            <li>
              A change in log-probability is about this one tune under this one change of prompt; it does not say what
              the word does to other tunes.
            </li>
            <li>Removing a word also shifts the positions of the words after it, so two things change at once.</li>
            <li>Leaving out a word read as &lt;unk&gt; removes an &lt;unk&gt; input, not the word&rsquo;s meaning.</li>
            <li>
              Written again with the same seed, a tune follows the first tune only until one sampled choice differs;
              after that, bars can differ for reasons of chance as much as of the prompt.
            </li>
          </>
        }
      >
        <p>
          Change the prompt (leave one word out, replace a word, or reorder the words) and read the effect two ways.
          First, teacher-forced: the tune&rsquo;s tokens are held fixed and the change in its log-probability is
          reported in total and per bar; negative means the tune is less likely under the changed prompt. Second, the
          tune is written again with the same seed and settings under the changed prompt, and shown as A and B with the
          changed bars marked, to read and to hear.
        </p>
      </ViewAccount>
      <ViewAccount
        id="about-sweep"
        title="Guidance sweep"
        limits={
          <>
            <li>One seed: with another seed the tunes at the same guidance values can differ in other ways.</li>
            <li>
              Once one sampled choice differs, the rest of the tune is written differently, so the difference between
              two cards mixes the effect of guidance with that of branching.
            </li>
            <li>The summaries (meter, key, bars, notes per bar, range) are counted from the notes, not judged.</li>
          </>
        }
      >
        <p>
          The same prompt and seed are written at two to five guidance values, every other setting unchanged.
          Classifier-free guidance mixes the model&rsquo;s next-token scores with and without the prompt: guidance 1
          turns the mix off, larger values move further from the scores without the prompt. Each result shows its score,
          a summary and the bars that differ from the tune on show; it can be played, and opened as the tune on show,
          which adds it to the history and the journal.
        </p>
      </ViewAccount>
      <ViewAccount
        id="about-diffraction"
        title="Attention vs occlusion"
        limits={
          <>
            <li>
              The two methods measure different things: attention is one route from the words to the notes, occlusion
              measures every route at once for this one tune. Disagreement is a place to look, not an error in either.
            </li>
            <li>
              With a few words, rank agreement swings widely: one swap between neighbours can move Spearman&rsquo;s rho
              a long way. Tied scores share the mean of their ranks.
            </li>
            <li>A rank distance of 1 flags every difference, including near-ties between two close scores.</li>
          </>
        }
      >
        <p>
          The prompt words are ranked twice, by default by the mean cross-attention they receive over the tune&rsquo;s
          tokens and by leave-one-out occlusion (how much more likely the tune is with the word); either side can be set
          to any method and setting. The view reports Spearman&rsquo;s rho and Kendall&rsquo;s tau-b between the two
          rankings, and flags the words whose two ranks are at least a rank distance apart that you set (2 places by
          default, so a word ranked first by one side and second by the other is not flagged).
        </p>
      </ViewAccount>
    </>
  );
}
