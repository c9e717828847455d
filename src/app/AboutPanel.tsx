import { AboutAttribution } from './AboutAttribution';
import { AboutRights } from './AboutRights';
import { AboutViews } from './AboutViews';

/** What the app is, in its own words. */
export function AboutPanel({ onClose }: { onClose: () => void }) {
  return (
    <section className="panel about" aria-labelledby="about-heading" data-testid="about-panel">
      <h2 id="about-heading">About Apparatus</h2>
      <p>
        Apparatus is a workbench for a small text-to-music model. You describe a tune in words; the model, running
        entirely in this browser, writes a folk melody in ABC notation one symbol at a time. You can watch the score
        appear, listen to it, change it, and take it away as ABC, MIDI or WAV.
      </p>
      <p>
        The model was trained by this project on public-domain tune collections. Every tune it writes comes out of those
        collections and the people who played, collected and wrote them down. The settings that shaped a tune — prompt,
        seed, temperature, guidance, the model&rsquo;s hash — travel with every file you export, so any tune can be
        traced and made again.
      </p>
      <p>
        Nothing here tells you what the model &ldquo;means&rdquo;. The seed, the sampling settings and the pinned meter
        and key are the apparatus: change them and see what changes.
      </p>
      <AboutViews />
      <AboutAttribution />
      <AboutRights />
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
