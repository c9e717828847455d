"""An interpolated Kneser-Ney n-gram model over music tokens: the baseline the model card compares against."""
import math
from collections import defaultdict


class KneserNey:
    def __init__(self, order=5, discount=0.75):
        self.order = order
        self.d = discount

    def fit(self, sequences, vocab_size):
        self.V = vocab_size
        n = self.order
        self.counts = [defaultdict(int) for _ in range(n + 1)]  # counts[k][(ctx..., w)] for k-grams
        self.ctx_totals = [defaultdict(int) for _ in range(n + 1)]
        self.ctx_types = [defaultdict(int) for _ in range(n + 1)]
        continuation = defaultdict(set)
        for seq in sequences:
            s = [1] * (n - 1) + list(seq[1:])  # pad the context with <s>
            for i in range(n - 1, len(s)):
                for k in range(1, n + 1):
                    gram = tuple(s[i - k + 1 : i + 1])
                    self.counts[k][gram] += 1
                if True:
                    continuation[s[i]].add(s[i - 1])
        for k in range(1, n + 1):
            for gram, c in self.counts[k].items():
                self.ctx_totals[k][gram[:-1]] += c
                self.ctx_types[k][gram[:-1]] += 1
        total_cont = sum(len(v) for v in continuation.values())
        self.unigram = {w: len(v) / total_cont for w, v in continuation.items()}
        return self

    def prob(self, ctx, w):
        p = (1 - 0.01) * self.unigram.get(w, 0.0) + 0.01 / self.V  # continuation unigram, smoothed
        for k in range(2, self.order + 1):
            c = tuple(ctx[-(k - 1) :])
            total = self.ctx_totals[k].get(c, 0)
            if total == 0:
                continue
            count = self.counts[k].get(c + (w,), 0)
            lam = self.d * self.ctx_types[k][c] / total
            p = max(count - self.d, 0) / total + lam * p
        return p

    def log_loss(self, sequences):
        """Mean negative log-likelihood per predicted token (same tokens as the transformer predicts)."""
        nll, count = 0.0, 0
        for seq in sequences:
            s = [1] * (self.order - 1) + list(seq[1:])
            for i in range(self.order - 1, len(s)):
                nll -= math.log(self.prob(s[i - self.order + 1 : i], s[i]))
                count += 1
        return nll / count
