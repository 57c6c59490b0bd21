"""The SVM of massive-prototype.py trained on K orders of the examples and averaged (matching.md,
issue 13's fourth round): python3 scripts/massive-order-average.py K PASSES LANG... prints each
language's accuracy at the copy's default threshold and, in brackets, with none. K = 1 is the
prototype itself."""
import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('mp', os.path.join(here, 'massive-prototype.py'))
mp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mp)
single = mp.train
shuffle = mp.shuffle
K, PASSES = int(sys.argv[1]), int(sys.argv[2])


def seeded(seed):
    # The prototype starts its generator at 12345; order k starts at 12345 + 7919 k.
    return lambda order, state: shuffle(order, seed if state == 12345 else state)


def train(vecs, labels, intents, features, C=1.0, epochs=5, tol=0.1):
    weights, biases = [], []
    for k in range(K):
        mp.shuffle = seeded(12345 + 7919 * k)
        W, b = single(vecs, labels, intents, features, C=C, epochs=PASSES, tol=tol)
        weights.append(W)
        biases.append(b)
    mp.shuffle = shuffle
    return sum(weights) / K, sum(biases) / K


mp.train = train
for lang in sys.argv[3:]:
    mp.setlang(lang)
    mp.run(lang)
