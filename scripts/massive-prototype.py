"""A Python copy of Usher's matcher for MASSIVE experiments (issue 13): normalisation, features,
TF-IDF weights in two blocks, the linear SVM by dual coordinate descent and the confidence, as
docs/matching.md §1-5 describe them. It reproduces `usher eval` on MASSIVE val exactly (en 0.8967,
ru 0.8778, de 0.8721, zh-TW 0.8326 at the default threshold); check that it still does before
trusting a figure from it. Features are tuples instead of hashes. Needs numpy and scipy.

    python3 scripts/massive-prototype.py en ru de zh-TW

Experiments add functions to EXTRA ((tokens, features) -> features) or replace `stem`.
"""
import json, math, os, sys, unicodedata, collections
import numpy as np

def is_unspaced(ch):
    v = ord(ch)
    return ('CJK' in unicodedata.name(ch, '') and unicodedata.category(ch) == 'Lo') or 0x3040 <= v <= 0x30FF or 0x31F0 <= v <= 0x31FF or 0x0E00 <= v <= 0x0EFF or 0x1000 <= v <= 0x109F or 0x1780 <= v <= 0x17FF

def strip_accent(c):
    v = ord(c)
    if not (0xC0 <= v <= 0x4FF or 0x1E00 <= v <= 0x1FFF): return c
    d = unicodedata.normalize('NFD', c)
    k = ''.join(x for x in d if unicodedata.category(x) != 'Mn')
    return k or c

def fold(c):
    if ord(c) < 0x80: return c.lower()
    if c in 'ßẞ': return 'ss'
    l = c.lower()
    return ''.join(strip_accent(x) for x in l)

def normalize(text):
    """tokens: list of (kind, text) kind in 'w','n','c'"""
    toks = []; cur = None; isnum = True
    def finish():
        nonlocal cur
        if cur is not None:
            toks.append(('n' if isnum else 'w', cur)); cur = None
    for ch in unicodedata.normalize('NFKC', text):
        for c in fold(ch):
            if ord(c) < 0x80:
                if c.isalnum() and c.isascii():
                    if cur is None: cur = ''; isnum = True
                    cur += c; isnum = isnum and c.isdigit()
                elif c == "'": pass  # apostrophe: dropped inside, ends nothing? (pending)
                else: finish()
            elif is_unspaced(c):
                finish(); toks.append(('c', c))
            elif c.isalpha() or unicodedata.category(c) == 'Nd':
                if cur is None: cur = ''; isnum = True
                cur += c; isnum = isnum and unicodedata.category(c) == 'Nd'
            elif c in '\u2019\u02bc': pass
            elif unicodedata.category(c) in ('Mn', 'Mc'):
                if cur is not None: cur += c; isnum = False
            else: finish()
    finish()
    return toks

DE_END = ["ern", "em", "en", "er", "es", "e", "s", "n"]

def stem_en(w):
    if len(w) <= 3 or not w.isascii(): return w
    if len(w) > 4 and w.endswith('ing'): return w[:-3]
    if w.endswith('ed'): return w[:-2]
    if w.endswith('ies'): return w[:-3] + 'y'
    if w.endswith('s') and not w.endswith('ss'): return w[:-1]
    return w

def strip(w, endings):
    for e in endings:
        if w.endswith(e) and len(w) - len(e) >= 3: return w[:-len(e)]
    return w

# Russian, after Snowball (Sources/Usher/Text/Stemmer+Russian.swift), endings written with и.
V = set('аеиоуыэюяё')
def rv_start(w):
    for i,c in enumerate(w):
        if c in V: return i+1
    return len(w)
def r1_start(w, start=0):
    for i in range(start+1, len(w)):
        if w[i] not in V and w[i-1] in V: return i+1
    return len(w)
def longest(w, lo, endings):
    best = None
    for e in endings:
        if w.endswith(e) and len(w)-len(e) >= lo and (best is None or len(e) > len(best)): best = e
    return best
def grouped(w, lo, g1, g2):
    """longest among g1 (needs а/я before, inside region) and g2; returns new word or None"""
    e = longest(w, lo, g1 + g2)
    if e is None: return None
    if e in g1 and e not in g2:
        p = len(w)-len(e)
        if p-1 >= lo and w[p-1] in 'ая': return w[:p]
        return None
    return w[:len(w)-len(e)]
GER1 = ['в','вши','вшись']; GER2 = ['ив','ивши','ившись','ыв','ывши','ывшись']
ADJ = 'ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею'.split()
PART1 = 'ем нн вш ющ щ'.split(); PART2 = 'ивш ывш ующ'.split()
VERB1 = 'ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно'.split()
VERB2 = 'ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю'.split()
NOUN = 'а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я'.split()

def _fold(endings): return [e.replace('й', 'и') for e in endings]
ADJ, VERB1, VERB2, NOUN = _fold(ADJ), _fold(VERB1), _fold(VERB2), _fold(NOUN)
SUPERLATIVE = ['еиш', 'еише']

def ru_stem(w):
    w = w.replace('ё','е')
    lo = rv_start(w)
    r1 = r1_start(w); r2 = r1_start(w, r1)
    # step 1
    n = grouped(w, lo, GER1, GER2)
    if n is not None: w = n
    else:
        e = longest(w, lo, ['ся','сь'])
        if e: w = w[:-len(e)]
        a = longest(w, lo, ADJ)
        if a:
            w = w[:-len(a)]
            n = grouped(w, lo, PART1, PART2)
            if n is not None: w = n
        else:
            n = grouped(w, lo, VERB1, VERB2)
            if n is not None: w = n
            else:
                e = longest(w, lo, NOUN)
                if e: w = w[:-len(e)]
    # step 2
    if w.endswith('и') and len(w)-1 >= lo: w = w[:-1]
    # step 3
    e = longest(w, max(lo, r2), ['ост','ость'])
    if e: w = w[:-len(e)]
    # step 4
    if w.endswith('нн') and len(w)-2 >= lo: w = w[:-1]
    else:
        e = longest(w, lo, SUPERLATIVE)
        if e:
            w = w[:-len(e)]
            if w.endswith('нн') and len(w)-2 >= lo: w = w[:-1]
        elif w.endswith('ь') and len(w)-1 >= lo: w = w[:-1]
    return w

CFG = dict(lang='en', first=False, grams=(3,), de_end=DE_END)

def stem(w):
    L = CFG['lang']
    if L == 'ru':
        return stem_en(w) if w[0].isascii() else ru_stem(w)
    if L == 'de': return strip(w, CFG['de_end'])
    return stem_en(w)

def features(toks):
    """list of (feature, block) block 0 words 1 chars"""
    out = []; prev = None  # (unit, ischar)
    for i, (k, t) in enumerate(toks):
        if k == 'c':
            u = t
            out.append((('u', u), 0))
            if i == 0 and CFG['first']: out.append((('f', u), 0))
            if prev and prev[1]: out.append((('p', prev[0], u), 0))
            prev = (u, True); continue
        u = '0' if k == 'n' else stem(t)
        out.append((('u', u), 0))
        if i == 0 and CFG['first']: out.append((('f', u), 0))
        if prev and not prev[1]: out.append((('p', prev[0], u), 0))
        prev = (u, False)
        if k == 'w':
            units = ['<'] + list(t) + ['>']
            for n in CFG['grams']:
                for s in range(0, len(units) - n + 1):
                    out.append((('g', ''.join(units[s:s+n])), 1))
    return out

EXTRA = []  # hooks: functions (toks, feats) -> extra feats

def feats_of(text):
    toks = normalize(text)
    f = features(toks)
    for h in EXTRA: f = h(toks, f)
    return f

def load(lang):
    folder = os.environ.get('MASSIVE', os.path.join(os.path.dirname(__file__), '../../shared/data/massive'))
    rows = [json.loads(l) for l in open(os.path.join(folder, f'{lang}.jsonl'))]
    return rows

class Vec:
    def fit(self, texts, feats=None):
        self.ids = {}; self.block = []; df = []
        docs = []
        for i, t in enumerate(texts):
            f = feats[i] if feats else feats_of(t)
            c = collections.Counter()
            for feat, b in f:
                if feat not in self.ids:
                    self.ids[feat] = len(self.block); self.block.append(b); df.append(0)
                c[self.ids[feat]] += 1
            for j in c: df[j] += 1
            docs.append(c)
        self.N = len(docs)
        self.idf = np.log((1 + self.N) / (1 + np.array(df, dtype=np.float64))) + 1
        self.block = np.array(self.block)
        return [self.vec_counts(c, {}) for c in docs]
    def vec_counts(self, c, unknown):
        ids = np.array(list(c.keys()), dtype=np.int64)
        vals = (1 + np.log(np.array(list(c.values()), dtype=np.float64))) * self.idf[ids]
        bl = self.block[ids]
        sq = [float((vals[bl == 0] ** 2).sum()), float((vals[bl == 1] ** 2).sum())]
        uidf = math.log(1 + self.N) + 1
        for (feat, b), n in unknown.items():
            sq[b] += ((1 + math.log(n)) * uidf) ** 2
        ws = 0.5
        tot = (ws if sq[0] > 0 else 0) + ((1 - ws) if sq[1] > 0 else 0)
        if tot == 0: return ids, vals
        sw = math.sqrt(ws / tot) / math.sqrt(sq[0]) if sq[0] > 0 else 0
        sc = math.sqrt((1 - ws) / tot) / math.sqrt(sq[1]) if sq[1] > 0 else 0
        vals = vals * np.where(bl == 0, sw, sc)
        return ids, vals
    def vector(self, text, feats=None):
        f = feats if feats is not None else feats_of(text)
        c = collections.Counter(); unk = collections.Counter()
        for feat, b in f:
            j = self.ids.get(feat)
            if j is None: unk[(feat, b)] += 1
            else: c[j] += 1
        if not c: return None
        return self.vec_counts(c, unk)

def shuffle(order, state):
    M = (1 << 64) - 1
    for i in range(len(order) - 1, 0, -1):
        state = (state * 6364136223846793005 + 1442695040888963407) & M
        j = (state >> 33) % (i + 1)
        order[i], order[j] = order[j], order[i]
    return state

def train(vecs, labels, K, F, C=1.0, epochs=5, tol=0.1):
    W = np.zeros((F, K)); b = np.zeros(K)
    D = 1 / (2 * C)
    A = np.zeros((len(vecs), K))
    Y = -np.ones((len(vecs), K)); Y[np.arange(len(vecs)), labels] = 1
    norms = [1 + D + float((v ** 2).sum()) for _, v in vecs]
    order = list(range(len(vecs))); state = 12345
    for ep in range(epochs):
        state = shuffle(order, state)
        big = 0
        for r in order:
            ids, vals = vecs[r]
            s = vals @ W[ids] + b
            y = Y[r]; a = A[r]
            g = y * s - 1 + D * a
            pg = np.where(a == 0, np.minimum(g, 0), g)
            m = pg != 0
            if not m.any(): continue
            big = max(big, float(np.abs(pg[m]).max()))
            na = np.maximum(a - g / norms[r], 0)
            na = np.where(m, na, a)
            d = (na - a) * y
            A[r] = na
            W[ids] += np.outer(vals, d); b += d
        if big < tol: break
    return W, b

def run(lang, extra_setup=None, verbose=True, return_details=False, C=1.0):
    rows = load(lang)
    tr = [r for r in rows if r['split'] == 'train']; va = [r for r in rows if r['split'] == 'val']
    intents = []
    for r in tr:
        if r['intent'] not in intents: intents.append(r['intent'])
    # bot examples grouped by intent in order of first appearance
    ex = [r for it in intents for r in tr if r['intent'] == it]
    lab = [intents.index(r['intent']) for r in ex]
    V = Vec(); vecs = V.fit([r['text'] for r in ex])
    W, b = train(vecs, lab, len(intents), len(V.block), C=C)
    n_per = collections.Counter(lab)
    lab_arr = np.array(lab)
    # example matrix for nearest
    from scipy.sparse import csr_matrix
    indptr = [0]; ind = []; dat = []
    for ids, vals in vecs:
        ind.extend(ids.tolist()); dat.extend(vals.tolist()); indptr.append(len(ind))
    X = csr_matrix((dat, ind, indptr), shape=(len(vecs), len(V.block)))
    ok = ok0 = 0; det = []
    for r in va:
        v = V.vector(r['text'])
        if v is None:
            det.append((r, None, 0, 0)); continue
        ids, vals = v
        s = vals @ W[ids] + b
        best = int(np.argmax(s))
        q = np.zeros(len(V.block)); q[ids] = vals
        sims = X[lab_arr == best] @ q
        sim = float(sims.max())
        blend = (s[best] + sim) / 2
        curve = 1 / (1 + math.exp(-6 * (blend + 0.2)))
        full = 0.15 * (1 + min(1, 20 / n_per[best]))
        conf = max(0, min(curve, sim / full))
        good = intents[best] == r['intent']
        ok0 += good; ok += good and conf >= 0.5
        det.append((r, intents[best], conf, sim))
    n = len(va)
    if verbose: print(f'{lang}: {ok/n:.4f} ({ok0/n:.4f})', flush=True)
    if return_details: return ok / n, ok0 / n, det
    return ok / n, ok0 / n

RU_PREFIXES = sorted('недо пере воз под при про раз рас вы за на до от об из вз по со у с'.split(), key=len, reverse=True)

def ru_prefixless(toks, f):
    """Russian: a stem's form without its verb prefix, as a word feature (FeatureExtractor)."""
    out = list(f)
    for k, t in toks:
        if k != 'w' or t[0].isascii(): continue
        s = stem(t)
        for p in RU_PREFIXES:
            if s.startswith(p) and len(s) - len(p) >= 4:
                out.append((('X', s[len(p):]), 0)); break
    return out

def setlang(lang):
    CFG['lang'] = lang; CFG['first'] = lang in ('ru', 'de'); CFG['grams'] = (3, 4) if lang in ('de', 'ru') else (3,)
    EXTRA[:] = [ru_prefixless] if lang == 'ru' else []

if __name__ == '__main__':
    for L in sys.argv[1:]:
        setlang(L); run(L)
