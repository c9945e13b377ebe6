"""dpca-res fitted on several normal(-like) runs with leave-one-run-out calibration."""
import numpy as np
import dpcares
from dpcares import expand, ewma, Core


class DpcaResMulti(dpcares.DpcaRes):
    def __init__(self, extra=(), inner_folds=2, **kw):
        super().__init__(**kw)
        self.extra = list(extra)     # list of extra normal-like run matrices
        self.inner_folds = inner_folds

    def fit(self, normal):
        segs = [normal] + self.extra
        p = normal.shape[1]
        self.p = p
        xs = [expand(s, self.lags) for s in segs]
        # folds: each extra run is one fold; the first run is split into inner_folds contiguous folds
        folds = []
        n0 = len(xs[0])
        for f in range(self.inner_folds):
            folds.append((0, f * n0 // self.inner_folds, (f + 1) * n0 // self.inner_folds))
        for k in range(1, len(xs)):
            folds.append((k, 0, len(xs[k])))
        oT, oQ, oR = [], [], []
        for (k, lo, hi) in folds:
            tr = [x for i, x in enumerate(xs) if i != k] + [xs[k][:lo], xs[k][hi:]]
            c = Core(np.vstack([t for t in tr if len(t)]), self.var)
            t, q, e = c.t2q(xs[k][lo:hi])
            oT.append(t); oQ.append(q); oR.append(e[:, :p])
        allx = np.vstack(xs)
        self.core = Core(allx, self.var)
        self.limT = np.quantile(np.concatenate(oT), 0.99)
        self.limQ = np.quantile(np.concatenate(oQ), 0.99)
        cals = [self.t2w * t / self.limT + (1 - self.t2w) * q / self.limQ for t, q in zip(oT, oQ)]
        allcal = np.concatenate(cals)
        med = np.median(allcal)
        sm = np.concatenate([ewma(c, self.lam, med) for c in cals])
        self.climit = np.quantile(sm, self.q)
        R = np.vstack(oR)
        sd = R.std(0)
        lim = np.zeros(p)
        for j in range(p):
            if not sd[j] > 1e-9:
                continue
            mx = 0
            for r in oR:
                e = ewma(r[:, j] / sd[j], self.tl, 0.0)
                st = min(self.settle, len(r) - 1)
                mx = max(mx, np.abs(e[st:]).max())
            lim[j] = self.tm * mx
        self.tlim = lim
        self.rs = np.where(lim == 0, 0, sd)
