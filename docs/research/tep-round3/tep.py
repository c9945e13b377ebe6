"""Numpy re-implementation of the TEP proxies (TepProxy.java) and the scorer (TepScore.java)."""
import numpy as np

import os
D = os.environ.get('TEP_DIR', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../../shared/data/tep'))


def load(f):
    m = np.loadtxt(f'{D}/d{f:02d}.dat')
    if m.shape[0] < m.shape[1]:
        m = m.T
    return m


DATA = {f: load(f) for f in range(22)}
NT = 330


def proxy(fold):
    """returns (train normal, {f: test matrix}) ; test[0] = d00_te (170), test[f] = 160 normal + 240 fault."""
    d00 = DATA[0]
    hold = 500 - NT
    tr0 = 0 if fold == 0 else hold
    ho0 = NT if fold == 0 else 0
    train = d00[tr0:tr0 + NT]
    te = {0: d00[ho0:ho0 + hold]}
    for f in range(1, 22):
        x = DATA[f]
        te[f] = np.vstack([d00[ho0:ho0 + 160], x[:len(x) // 2]])
    return train, te


def score(alarms):
    """alarms: {f: bool array over the test file}; TepScore metrics."""
    a0 = alarms[0]
    far0 = a0.mean()
    dr, farp, delay = [], [], []
    det90 = 0
    for f in range(1, 22):
        a = alarms[f]
        n = len(a)
        post = a[160:].sum()
        dr.append(post / (n - 160))
        farp.append(a[:160].sum() / 160)
        if 10 * post >= 9 * (n - 160):
            det90 += 1
        idx = np.nonzero(a[160:])[0]
        delay.append((idx[0] + 1) * 3.0 if len(idx) else np.inf)
    return dict(dr=np.mean(dr), far=np.mean(farp + [far0]), det90=det90,
                med=float(np.median(delay)), delays=delay)


def run_proxy(make, fold):
    train, te = proxy(fold)
    det = make()
    det.fit(train)
    return score({f: det.run(te[f]) for f in te})


def whole_runs(make):
    det = make()
    det.fit(DATA[0])
    fr, delays, nr = [], [], []
    per = {}
    for f in range(1, 22):
        a = det.run(DATA[f])
        frac = a.mean()
        idx = np.nonzero(a)[0]
        d = 3.0 * (idx[0] + 1) if len(idx) else np.inf
        per[f] = (frac, d)
        if f in (3, 9, 15):
            nr.append(frac)
        else:
            fr.append(frac)
            delays.append(d)
    ds = sorted(delays)
    return dict(dr=np.mean(fr), nrfar=np.mean(nr), med=ds[len(ds) // 2], per=per)


def report(name, make, verbose=False):
    A = run_proxy(make, 0)
    B = run_proxy(make, 1)
    W = whole_runs(make)
    line = (f"{name:40s} A {A['dr']:.3f}/{A['far']:.3f}/{A['det90']}/{A['med']:g} | "
            f"B {B['dr']:.3f}/{B['far']:.3f}/{B['det90']}/{B['med']:g} | "
            f"W {W['dr']:.3f}/{W['nrfar']:.3f}/{W['med']:g}")
    print(line, flush=True)
    if verbose:
        fmt = lambda v: 'inf' if not np.isfinite(v) else f'{v:g}'
        print('  A delays', ' '.join(fmt(v) for v in A['delays']))
        print('  B delays', ' '.join(fmt(v) for v in B['delays']))
        print('  W delays', ' '.join(fmt(W['per'][f][1]) for f in range(1, 22)))
        print('  W fracs ', ' '.join(f"{W['per'][f][0]:.2f}" for f in range(1, 22)))
    return A, B, W
