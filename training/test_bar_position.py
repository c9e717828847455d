"""Tests for bar_position.py: python3 -m unittest discover -s training -p 'test_*.py'"""
import json
import os
import unittest

import numpy as np

from bar_position import BEAT_OVERFULL, BEAT_UNKNOWN, bar_positions

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
VOCAB = os.path.join(HERE, "..", "public", "models", "vocab.json")


class BarPositionTest(unittest.TestCase):
    def test_the_typescript_cases(self):
        # The same cases as src/tokenizer/barPosition.test.ts.
        for name, tokens, want in [
            ("header tokens know no bar yet", "<s> M:6/8 K:Dmaj", [BEAT_UNKNOWN, 1 + 72, 1 + 72]),
            ("a note counts 1 until its length arrives", "M:6/8 A 2 B", [73, 61, 49, 37]),
            ("a bar line resets the bar", "M:2/4 c 4 |", [49, 37, 1, 49]),
            ("triplets take two thirds each", "M:2/4 (3 c d e", [49, 49, 41, 33, 25]),
            ("a short length takes less", "M:2/4 c 1/2", [49, 37, 43]),
            ("an overfull bar is its own code", "M:2/4 c 6", [49, 37, BEAT_OVERFULL]),
        ]:
            with self.subTest(name):
                self.assertEqual(bar_positions(tokens.split(" ")), want)

    @unittest.skipUnless(os.path.exists(os.path.join(DATA, "music_beats.u8")), "no training arrays (npm run corpus)")
    def test_agrees_with_the_training_arrays(self):
        from data import Corpus

        corpus = Corpus(DATA, VOCAB)
        with open(VOCAB) as f:
            music = json.load(f)["music"]
        rows = np.linspace(0, len(corpus.tunes) - 1, 300).astype(int)  # catalogue rows and transposed copies
        for row in rows:
            tokens = [music[i] for i in corpus.tunes[row]]
            self.assertEqual(bar_positions(tokens), corpus.beats[row].tolist(), f"row {row}")


if __name__ == "__main__":
    unittest.main()
