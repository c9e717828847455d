"""Tests for caption_words.py: python3 -m unittest discover -s training -p 'test_*.py'"""
import unittest

import numpy as np

from caption_words import word_shares


class FakeCorpus:
    """Three training rows and one validation row, each with its captions as word-id arrays."""

    captions = [[np.array([5, 6]), np.array([7])], [np.array([5])], [np.array([8])], [np.array([5, 5])]]

    def indices(self, split):
        return np.array([0, 1, 2]) if split == "train" else np.array([3])


class WordSharesTest(unittest.TestCase):
    def test_shares_count_training_captions_and_rows(self):
        shares = word_shares(FakeCorpus(), [5, 7, 9])
        for word, (captions, rows) in [(5, (2 / 4, 2 / 3)), (7, (1 / 4, 1 / 3)), (9, (0.0, 0.0))]:
            self.assertAlmostEqual(shares[word][0], captions)
            self.assertAlmostEqual(shares[word][1], rows)


if __name__ == "__main__":
    unittest.main()
