"""Harness: fit on d00.dat, run a detector over the simulated test-style sets, score as TepScore.java does."""
import os, sys, numpy as np
HERE = os.path.dirname(os.path.abspath(__file__))
TEP = os.environ.get('TEP_DIR', os.path.join(HERE, '../../../../shared/data/tep'))
SIM = os.environ.get('TESIM_DIR', '/tmp/tesim')
os.environ['TEP_DIR'] = TEP
sys.path.insert(0, os.path.join(HERE, '../tep-round3'))
from dpcares import DpcaRes, monitor, ewma, ewma_mat
D00 = np.loadtxt(TEP + '/d00.dat').T
SETS = {}
def load(s):
    if s not in SETS:
        SETS[s] = {f: np.loadtxt(f'{SIM}/{s}/d{f:02d}_te.dat') for f in range(22)}
    return SETS[s]
def score(al):
    dr, far, dl = [], [al[0].mean()], []
    for f in range(1, 22):
        a = al[f]; dr.append(a[160:].mean()); far.append(a[:160].mean())
        idx = np.nonzero(a[160:])[0]; dl.append((idx[0] + 1) * 3 if len(idx) else np.inf)
    return np.mean(dr), np.mean(far), sum(d >= .9 for d in dr), float(np.median(dl)), dl
def ev(name, det, sets=('setA', 'setB', 'setC'), verbose=False):
    det.fit(D00)
    out = []
    for s in sets:
        S = load(s)
        al = {f: det.run(S[f]) for f in range(22)}
        dr, far, d90, med, dl = score(al)
        out.append(f'{s} {dr:.3f}/{far:.3f}/{d90}/{med:g}')
        if verbose:
            print('   ', s, ' '.join('inf' if not np.isfinite(x) else str(int(x)) for x in dl))
    print(f'{name:34s}', ' | '.join(out), flush=True)
