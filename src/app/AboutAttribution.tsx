/** The about page's account of the nearest-training-examples measures, the gradient estimate and its limits. */
export function AboutAttribution() {
  return (
    <>
      <h3 id="about-neighbours">Nearest training examples</h3>
      <p>
        The whole training catalogue ships with the app, so any tune can be compared with it. You choose the measure;
        each list names the measure that made it, and switching shows how much two lists share and how each tune&rsquo;s
        rank moved. The measures answer different questions and often disagree.
      </p>
      <ul>
        <li>
          <strong>Text embedding</strong>: the prompt&rsquo;s encoder states, averaged, against the mean of each
          tune&rsquo;s caption embeddings (centred cosine). It compares the prompt with descriptions of tunes, not with
          music.
        </li>
        <li>
          <strong>Music embedding</strong>: the decoder&rsquo;s last hidden state averaged over a teacher-forced reading
          of the tune under the empty prompt, against the same for each catalogue tune (centred cosine).
        </li>
        <li>
          <strong>Melodic n-grams</strong>: shared figures of five notes, written as intervals and durations, so a
          transposed copy still matches. The passages two tunes share are marked in both scores.
        </li>
        <li>
          <strong>Gradient influence</strong>: an estimate of training-data attribution, described below.
        </li>
      </ul>
      <p>
        The <strong>copy measurement</strong> counts the share of a tune&rsquo;s bars found verbatim (up to
        transposition) in one catalogue tune. Above the threshold the tune is flagged in the panel and in the provenance
        of every file exported from it. The <strong>embedding map</strong> places the catalogue on the first two
        principal components of the music embeddings, computed when the index is built, and the tune on show with the
        same projection; two components keep only part of the variance, so nearby dots are a hint, not a measurement.
      </p>
      <h3 id="about-gradient">Gradient influence: how it is estimated</h3>
      <p>
        In the style of TracIn and TRAK, a training tune counts as influential for a generation when training on it
        would move the model&rsquo;s weights the way the generation&rsquo;s own loss would. The app computes the
        gradient of the generation&rsquo;s loss (every token, then the end mark, under its prompt) with respect to the
        output layer, from one teacher-forced pass in the model worker. That gradient has about 25,000 numbers; a fixed,
        seeded sparse random projection sketches it to 1,024. The same projection was applied to every training tune,
        read under its first caption, when the catalogue index was built. Tunes are ranked by the cosine of the two
        sketches.
      </p>
      <h4>Known limits</h4>
      <ul>
        <li>Only the output layer: influence that works through the attention and feed-forward layers is not seen.</li>
        <li>
          One checkpoint, the shipped one. TracIn sums over checkpoints; tunes learnt early have small final gradients.
          There is no inverse-Hessian correction.
        </li>
        <li>The random projection adds noise: scores close together near the top of a list should be read as tied.</li>
        <li>Each training tune is read under one caption, while training saw several captions and dropped some.</li>
        <li>Near-duplicate tunes share their influence: both rank high and neither is &ldquo;the&rdquo; source.</li>
        <li>
          The scores are estimates of influence, not measurements of it. The project&rsquo;s docs (docs/attribution.md)
          report how often a training tune finds itself and a small retraining check of whether leaving out the
          top-ranked tunes changes the generation&rsquo;s likelihood more than leaving out random ones.
        </li>
      </ul>
    </>
  );
}
