"""
The decoder's `beats` input for a token list, mirroring src/tokenizer/barPosition.ts (docs/model-contract.md): after
each token, the room left in the current bar in twelfths of L:1/8, plus one; 0 before the meter is known; 146 when
the bar is overfull. The training arrays carry these codes already (music_beats.u8); this is for token lists that
do not come from the arrays, such as a generation read back by counterfactual.py.
"""
import re
from fractions import Fraction

UNITS_PER_L = 12
BEAT_UNKNOWN = 0
BEAT_MAX_REMAINING = 144
BEAT_OVERFULL = BEAT_MAX_REMAINING + 2
PITCH = re.compile(r"^(\^\^|\^|__|_|=)?([A-Ga-g])([',]*)$")
LENGTH = re.compile(r"^(\d+|\d*/\d+)$")
BAR = re.compile(r"^(\||\|\||\|\]|\|:|:\||::)([12])?$")
TUPLET = re.compile(r"^\([234]$")
METER = re.compile(r"^M:(\d+)/(\d+)$")


def parse_length(s):
    """'2' -> 2, '/2' -> 1/2, '3/2' -> 3/2, '//' -> 1/4; None for anything else (src/music/rational.ts)."""
    m = re.match(r"^(\d*)(/*)(\d*)$", s)
    if not m:
        return None
    num, slashes, den = m.groups()
    n = int(num) if num else 1
    if not slashes:
        return None if den else Fraction(n)
    if den:
        return Fraction(n, int(den)) if len(slashes) == 1 else None
    return Fraction(n, 2 ** len(slashes))


class BarClock:
    def __init__(self):
        self.bar_units = None
        self.filled = Fraction(0)
        self.tuplet_left = 0
        self.tuplet_scale = Fraction(1)
        self.note_scale = Fraction(1)

    def push(self, token):
        if token.startswith("M:"):
            m = METER.match(token)
            self.bar_units = Fraction(8 * int(m.group(1)) * UNITS_PER_L, int(m.group(2))) if m else None
        elif PITCH.match(token) or token == "z":
            self.note_scale = self.tuplet_scale if self.tuplet_left > 0 else Fraction(1)
            if self.tuplet_left > 0:
                self.tuplet_left -= 1
                if self.tuplet_left == 0:
                    self.tuplet_scale = Fraction(1)
            self.filled += UNITS_PER_L * self.note_scale
        elif LENGTH.match(token):
            length = parse_length(token)
            if length is not None:
                self.filled += UNITS_PER_L * self.note_scale * (length - 1)
        elif TUPLET.match(token):
            p = int(token[1])
            self.tuplet_scale = Fraction(2 if p == 3 else 3, p)
            self.tuplet_left = p
        elif BAR.match(token):
            self.filled = Fraction(0)
        return self.code()

    def code(self):
        if self.bar_units is None:
            return BEAT_UNKNOWN
        remaining = self.bar_units - self.filled
        if remaining < 0:
            return BEAT_OVERFULL
        return 1 + min(int(remaining), BEAT_MAX_REMAINING)  # floor: remaining is not negative here


def bar_positions(tokens):
    """`beats` codes for a whole token list (the first usually <s>)."""
    clock = BarClock()
    return [clock.push(t) for t in tokens]
