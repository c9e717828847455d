"""
How often each feature word of the evaluation's pairs stands in the training captions: the balance the prompt's
feature words are learnt from (model card, training_notes).

    /usr/bin/python3 training/caption_words.py [--data training/data] [--vocab public/models/vocab.json]
"""
import argparse
import json

from data import FEATURE_OPPOSITES, Corpus


def word_shares(corpus, ids):
    """{word id: (share of training captions holding it, share of training rows with a caption holding it)}."""
    rows = corpus.indices("train")
    captions = [set(c.tolist()) for i in rows for c in corpus.captions[i]]
    shares = {}
    for w in ids:
        in_captions = sum(w in c for c in captions)
        in_rows = sum(any(w in set(c.tolist()) for c in corpus.captions[i]) for i in rows)
        shares[w] = (in_captions / len(captions), in_rows / len(rows))
    return shares


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="training/data")
    p.add_argument("--vocab", default="public/models/vocab.json")
    args = p.parse_args()
    corpus = Corpus(args.data, args.vocab)
    index = {w: i for i, w in enumerate(json.load(open(args.vocab))["text"])}
    words = [w for pair in FEATURE_OPPOSITES for w in pair]
    shares = word_shares(corpus, [index[w] for w in words])
    for w in words:
        caption_share, row_share = shares[index[w]]
        print(f"{w:9} {100 * caption_share:5.1f}% of training captions, {100 * row_share:5.1f}% of training rows")


if __name__ == "__main__":
    main()
