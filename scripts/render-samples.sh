#!/usr/bin/env bash
# Renders the instrument samples under public/samples/ from Debian's FluidR3_GM soundfont.
#
# Usage: scripts/render-samples.sh            (run from anywhere; needs root for apt-get if tools are missing)
#
# For each instrument below it renders one short mono note every STEP semitones from LOW to HIGH:
# a one-note MIDI file (written with @tonejs/midi) -> fluidsynth -> sox (mono, trim, fade) -> oggenc.
# Output is byte-for-byte repeatable (sox -R fixes the dither seed, oggenc --serial the stream id).
# It rewrites public/samples/<instrument>/*.ogg and public/samples/manifest.json
# ({instrument: {midiNote: "instrument/NN.ogg"}}), the file src/audio/manifest.ts reads.
# Keep INSTRUMENTS in step with src/audio/instruments.ts (names and General MIDI programs).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT_DIR="$ROOT/public/samples"
SF2=/usr/share/sounds/sf2/FluidR3_GM.sf2
RATE=22050
LOW=48 # C3
HIGH=90 # F#6
STEP=3 # the sampler repitches the nearest sample, so by at most 1 semitone
HOLD_S=1.8 # note-on length; notes held longer in a tune fade with the sample
FILE_S=2.0 # rendered length, including a short release
QUALITY=1 # oggenc -q; mono 22 kHz at q1 is about 40 kbit/s
# name:GM program (0-based), as in src/audio/instruments.ts
INSTRUMENTS=(fiddle:40 flute:73 harp:46 piano:0)

need=()
command -v fluidsynth >/dev/null || need+=(fluidsynth)
[ -f "$SF2" ] || need+=(fluid-soundfont-gm)
command -v sox >/dev/null || need+=(sox)
command -v oggenc >/dev/null || need+=(vorbis-tools)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# One MIDI file per note, named <instrument>-<midi>.mid, plus the manifest.
cd "$ROOT"
mkdir -p "$OUT_DIR"
node --input-type=module - "$WORK" "$OUT_DIR/manifest.json" "$LOW" "$HIGH" "$STEP" "$HOLD_S" "$FILE_S" \
  "${INSTRUMENTS[@]}" <<'JS'
import { writeFileSync } from 'node:fs';
import midiPkg from '@tonejs/midi';
const { Midi } = midiPkg;
const [work, manifestPath, low, high, step, hold, fileLength, ...instruments] = process.argv.slice(2);
const manifest = {};
for (const spec of instruments) {
  const [name, program] = spec.split(':');
  manifest[name] = {};
  for (let midi = Number(low); midi <= Number(high); midi += Number(step)) {
    const file = new Midi();
    const track = file.addTrack();
    track.instrument.number = Number(program);
    track.addNote({ midi, time: 0, duration: Number(hold), velocity: 0.75 });
    // A later no-op controller keeps fluidsynth rendering through the release.
    track.addCC({ number: 7, value: 100 / 127, time: Number(fileLength) });
    writeFileSync(`${work}/${name}-${midi}.mid`, file.toArray());
    manifest[name][midi] = `${name}/${midi}.ogg`;
  }
}
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
JS

for spec in "${INSTRUMENTS[@]}"; do
  name="${spec%%:*}"
  rm -rf "${OUT_DIR:?}/$name"
  mkdir -p "$OUT_DIR/$name"
  for mid in "$WORK/$name"-*.mid; do
    note="$(basename "$mid" .mid)"
    note="${note##*-}"
    # Dry render (no reverb or chorus): the player adds its own space.
    fluidsynth -ni -q -R 0 -C 0 -g 0.6 -r "$RATE" -F "$WORK/raw.wav" "$SF2" "$mid" >/dev/null
    sox -q -R "$WORK/raw.wav" "$WORK/mono.wav" remix - trim 0 "$FILE_S" fade t 0.005 "$FILE_S" 0.25 gain -n -3
    oggenc -Q -q "$QUALITY" --serial 1 -o "$OUT_DIR/$name/$note.ogg" "$WORK/mono.wav"
  done
done

du -sh "$OUT_DIR"
