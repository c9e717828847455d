/** The about page's account of the rights registry: what it records, what the app enforces, and that it is simulated. */
export function AboutRights() {
  return (
    <section aria-labelledby="about-rights">
      <h3 id="about-rights">Rights, consent and references</h3>
      <p>
        <strong>The terms shown here are simulated.</strong> Every tune in the catalogue is in the public domain and
        nobody holds rights in it. The shipped rights registry invents rights holders, consents, permitted uses and
        royalty terms for its collections and for a few single tunes, so that a researcher can see how attribution,
        consent and payment would work when real terms exist. They bind no one, and the registry says so wherever its
        terms appear.
      </p>
      <p>
        The registry records, per collection or per tune, who holds the rights and who is credited, whether the tune may
        be used as a reference and for training, what outputs may be used for, and on what royalty terms. A researcher
        can load their own registry file to set up a scenario, edit entries, and export the result; edits are kept in
        this browser.
      </p>
      <p>
        Consent is enforced, not only shown. A tune whose terms refuse use as a reference cannot be chosen, and the
        reason stands next to it; a bar limit is kept. A tune whose terms opt out of training is marked in the catalogue
        and left out of the training arrays the next time <code>npm run corpus</code> runs; the model on show was
        trained before that choice and still holds what it learnt from it.
      </p>
      <p>
        You can condition a tune on up to three references: bars of catalogue tunes (held-out ones included) or ABC you
        bring. Their credits and terms stand beside the prompt, and the uses permitted for the output follow from them
        before anything is written: a use is permitted only when every reference permits it, and the reference that
        withholds it is named. Music you bring is yours: it restricts nothing.
      </p>
    </section>
  );
}
