"""How early could ANY detector see each TEP fault? The known-signal oracle on twin runs (see twins.py).

The twin difference d_t = fault run - twin is the fault's exact effect. Noise model: a VAR(p) fitted on the
63 twins (normal 48-h runs with new seeds), on variables scaled to unit variance. The log-likelihood-ratio test
for a KNOWN signal in that noise has SNR^2 = sum_t w_t' Se^-1 w_t, w_t = d_t - sum_k B_k d_{t-k} (the whitened
signal) summed from the first fault sample 161 to t. It is the most powerful test there is for that signal at a
given false-alarm probability (Neyman-Pearson), and it also knows the onset. No real detector, which must cover
every direction and every start time, can do better. The oracle delay of a fault is the first t at which SNR
reaches the threshold: 4.37 = 3.09 + 1.28 (90 % power at a one-sided false-alarm probability of 0.001 per
test) or 3.0 (about 50 % power). Delay = (t - 160) * 3 min, as TepScore.java counts it.

usage: python3 oracle.py [SCORE_DIR]   SCORE_DIR holds score-setA.txt ... (TepScore.java output) to compare.
"""
import glob, os, re, sys
import numpy as np

SIM = os.environ.get('TESIM_DIR', '/tmp/tesim')
SETS = 'ABC'
FAULTS = range(1, 22)


def load(path):
    a = np.loadtxt(path)
    return a.T if a.shape[0] == 52 else a


twins = {os.path.basename(p)[1:-4]: load(p) for p in sorted(glob.glob(f'{SIM}/twin/n*.dat'))}
assert len(twins) == 63, f'{len(twins)} twins in {SIM}/twin; run twins.py first'
allx = np.vstack(list(twins.values()))
mu, sd = allx.mean(0), allx.std(0)
Z = [(x - mu) / sd for x in twins.values()]
effect = {}
for s in SETS:
    for f in FAULTS:
        d = (load(f'{SIM}/set{s}/d{f:02d}_te.dat') - twins[f'{s}{f}']) / sd
        assert np.all(d[:160] == 0), f'set {s} fault {f}: twin differs before the onset'
        effect[s, f] = d


def noise_model(p):
    """VAR(p) on the scaled normal twins: stacked coefficients B (52p x 52) and inverse innovation covariance."""
    lagged = np.vstack([np.hstack([z[p - k - 1:len(z) - k - 1] for k in range(p)]) for z in Z])
    now = np.vstack([z[p:] for z in Z])
    B = np.linalg.solve(lagged.T @ lagged + np.eye(52 * p), lagged.T @ now)
    E = now - lagged @ B
    return B, np.linalg.inv(np.cov(E.T) + 1e-3 * np.eye(52))


def oracle_delays(p, threshold):
    B, Sei = noise_model(p)
    out = {}
    for (s, f), d in effect.items():
        lags = np.hstack([np.vstack([np.zeros((k + 1, 52)), d[:len(d) - k - 1]]) for k in range(p)])
        w = (d - lags @ B)[160:]
        snr = np.sqrt(np.cumsum(np.einsum('ij,jk,ik->i', w, Sei, w)))
        hit = np.nonzero(snr >= threshold)[0]
        out[s, f] = (hit[0] + 1) * 3 if len(hit) else np.inf
    return out


def ours(score_dir):
    """Per-fault first-alarm delays from TepScore.java output files, if given."""
    got = {}
    for s in SETS:
        path = os.path.join(score_dir, f'score-set{s}.txt')
        for line in open(path):
            m = re.match(r'd(\d\d)_te\s+\S+\s+\S+\s+(\S+)', line)
            if m:
                got[s, int(m.group(1))] = float(m.group(2))
    return got


def fmt(v):
    return 'inf' if v == np.inf else f'{v:.0f}'


print('Where the fault first shows (sample; the fault starts after sample 160):')
print('fault | ' + ' | '.join(f'set {s}: first change, first |d| > 1 sd' for s in SETS))
for f in FAULTS:
    cells = []
    for s in SETS:
        m = np.abs(effect[s, f]).max(1)
        ch, big = np.nonzero(m > 0)[0], np.nonzero(m > 1)[0]
        cells.append(f'{ch[0] + 1 if len(ch) else "-"}, {big[0] + 1 if len(big) else "-"}')
    print(f'{f} | ' + ' | '.join(cells))

mine = ours(sys.argv[1]) if len(sys.argv) > 1 else None
for p, thr in ((1, 4.37), (2, 4.37), (3, 4.37), (5, 4.37), (2, 3.0)):
    od = oracle_delays(p, thr)
    print(f'\nVAR({p}) noise, threshold {thr}:')
    for s in SETS:
        v = [od[s, f] for f in FAULTS]
        line = f'  set {s} oracle median {fmt(np.median(v))} min, faults <= 21 min: {sum(x <= 21 for x in v)}'
        if p == 2 and thr == 4.37:
            line += '\n    oracle ' + ' '.join(f'{f}:{fmt(od[s, f])}' for f in FAULTS)
            if mine:
                line += '\n    ours   ' + ' '.join(f'{f}:{fmt(mine[s, f])}' for f in FAULTS)
                line += f'\n    ours median {fmt(np.median([mine[s, f] for f in FAULTS]))} min'
        print(line)
