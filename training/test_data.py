"""Tests for data.py's reference sampling: python3 -m unittest discover -s training -p 'test_*.py'"""
import os
import unittest

import numpy as np

from data import Corpus, feature_swap_table, make_batch, sample_references

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
VOCAB = os.path.join(HERE, "..", "public", "models", "vocab.json")


@unittest.skipUnless(os.path.exists(os.path.join(DATA, "music.i16")), "no training arrays (npm run corpus)")
class ReferenceCoverTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.corpus = Corpus(DATA, VOCAB)
        cls.rows = [int(i) for i in cls.corpus.indices("train")[:64]]

    def test_spans_are_whole_bars_of_the_row(self):
        rng = np.random.default_rng(1)
        for row in self.rows:
            spans = []
            sample_references(self.corpus, row, rng, spans)
            starts = {s for s, _ in self.corpus.bars[row]}
            ends = {e for _, e in self.corpus.bars[row]}
            for start, end in spans:
                self.assertIn(start, starts)
                self.assertIn(end, ends)

    def test_a_span_quotes_the_excerpt_when_the_copy_is_the_row(self):
        # With the row as its only copy, the reference's body is the covered tokens themselves.
        rng = np.random.default_rng(2)
        checked = 0
        for row in self.rows:
            source = int(self.corpus.source[row])
            copies = self.corpus.copies[source]
            self.corpus.copies[source] = [row]
            try:
                spans = []
                refs = sample_references(self.corpus, row, rng, spans)
            finally:
                self.corpus.copies[source] = copies
            for ref, (start, end) in zip(refs, spans):
                self.assertEqual(list(ref[2:]), list(self.corpus.tunes[row][start:end]))
                checked += 1
        self.assertGreater(checked, 10)

    def test_same_key_quotes_the_row_itself(self):
        # With same_key 1 every excerpt is the row's own tokens, whatever copies the tune has.
        rng = np.random.default_rng(4)
        checked = 0
        for row in self.rows:
            spans = []
            for ref, (start, end) in zip(sample_references(self.corpus, row, rng, spans, same_key=1.0), spans):
                self.assertEqual(list(ref[2:]), list(self.corpus.tunes[row][start:end]))
                checked += 1
        self.assertGreater(checked, 10)

    def test_same_key_zero_replays_the_uniform_choice(self):
        # Earlier stages were trained without the option: at 0 the random stream must be the same as before.
        a = [sample_references(self.corpus, r, np.random.default_rng(5)) for r in self.rows[:16]]
        b = [sample_references(self.corpus, r, np.random.default_rng(5), same_key=0.0) for r in self.rows[:16]]
        self.assertEqual([[list(x) for x in refs] for refs in a], [[list(x) for x in refs] for refs in b])

    def test_start_share_one_opens_with_bar_one(self):
        # Every first excerpt is the copy's bars from 1, in the row's own key here, and the later ones are not forced.
        rng = np.random.default_rng(6)
        firsts, laters = 0, set()
        for row in self.rows:
            spans = []
            refs = sample_references(self.corpus, row, rng, spans, same_key=1.0, start_share=1.0)
            if refs:
                self.assertEqual(spans[0][0], self.corpus.bars[row][0][0])
                firsts += 1
            laters.update(start for start, _ in spans[1:])
        self.assertGreater(firsts, 10)
        self.assertTrue(any(s != self.corpus.bars[r][0][0] for r in self.rows for s in laters))

    def test_start_share_zero_replays_the_uniform_choice(self):
        a = [sample_references(self.corpus, r, np.random.default_rng(5), same_key=0.75) for r in self.rows[:16]]
        b = [sample_references(self.corpus, r, np.random.default_rng(5), same_key=0.75, start_share=0.0)
             for r in self.rows[:16]]
        self.assertEqual([[list(x) for x in refs] for refs in a], [[list(x) for x in refs] for refs in b])

    def test_cover_marks_only_rows_with_references(self):
        rng = np.random.default_rng(3)
        without = make_batch(self.corpus, self.rows[:8], rng, ref_prob=0.0)
        self.assertEqual(without.ref_cover.sum().item(), 0)
        withrefs = make_batch(self.corpus, self.rows[:8], rng, ref_prob=1.0)
        has_refs = (withrefs.ref_slot > 0).any(1)
        covered = withrefs.ref_cover.sum(1) > 0
        self.assertTrue(bool((covered <= has_refs).all()))
        self.assertTrue(bool(covered.any()))


class FeatureSwapTest(unittest.TestCase):
    def test_swaps_each_feature_word_for_its_opposite_and_nothing_else(self):
        words = ["<pad>", "a", "busy", "reel", "sparse", "high", "low", "wide"]
        table = feature_swap_table(words)
        swapped = [words[i] for i in table[np.arange(len(words))]]
        self.assertEqual(swapped, ["<pad>", "a", "sparse", "reel", "busy", "low", "high", "wide"])


if __name__ == "__main__":
    unittest.main()
