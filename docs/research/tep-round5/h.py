"""Harness: fit on d00.dat, run a detector over the simulated test-style sets, score as TepScore.java does."""
import os, sys, numpy as np
HERE = os.path.dirname(os.path.abspath(__file__))
TEP = os.environ.get('TEP_DIR', os.path.join(HERE, '../../../../shared/data/tep'))
SIM = os.environ.get('TESIM_DIR', '/tmp/tesim')
os.environ['TEP_DIR'] = TEP
sys.path.insert(0, os.path.join(HERE, '../tep-round3'))
from dpcares import DpcaRes, monitor, ewma, ewma_mat
from tep import score  # the TepScore.java port of round 3
D00 = np.loadtxt(TEP + '/d00.dat').T
SETS = {}
def load(s):
    if s not in SETS:
        SETS[s] = {f: np.loadtxt(f'{SIM}/{s}/d{f:02d}_te.dat') for f in range(22)}
    return SETS[s]
def ev(name, det, sets=('setA', 'setB', 'setC'), verbose=False):
    det.fit(D00)
    out = []
    for s in sets:
        S = load(s)
        al = {f: det.run(S[f]) for f in range(22)}
        r = score(al)
        out.append(f"{s} {r['dr']:.3f}/{r['far']:.3f}/{r['det90']}/{r['med']:g}")
        if verbose:
            print('   ', s, ' '.join('inf' if not np.isfinite(x) else str(int(x)) for x in r['delays']))
    print(f'{name:34s}', ' | '.join(out), flush=True)
