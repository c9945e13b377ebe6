"""dpca-res (numpy port) plus the tiers tried in round 5: frozen values (as FrozenValues.java: abnormal from
run length max(L+2, 2L, 1+ceil(log(1e-6)/log p))) and an optional per-tag variance tier."""
from h import *
from dpcares import padded
def runs(c):
    r = np.ones(len(c), int)
    for i in range(1, len(c)):
        r[i] = r[i-1] + 1 if c[i] == c[i-1] else 1
    return r
class Plus(DpcaRes):
    def __init__(self, frozen=True, var=None, vl=0.1, vm=2.0, vsrc='res', **kw):
        super().__init__(**kw); self.frozen, self.varm, self.vl, self.vm, self.vsrc = frozen, var, vl, vm, vsrc
    def fit(self, X):
        super().fit(X)
        n = len(X)
        self.rlim = np.full(X.shape[1], np.inf)
        for j in range(X.shape[1]):
            r = runs(X[:, j]); L = r.max()
            if L >= n // 4: continue
            p = (np.sum(np.diff(X[:, j]) == 0) + 1) / n
            rg = 1 + np.ceil(np.log(1e-6) / np.log(p))  # FrozenValues.CHANCE
            self.rlim[j] = max(L + 2, 2 * L, rg)
        if self.varm:
            # out-of-fold residual z (same folds as the product), EWMA of z^2
            x = np.hstack([X[2-l:n-l] for l in range(3)]); m = len(x); p = X.shape[1]
            from dpcares import Core
            oz = np.empty((m, p))
            for f in range(5):
                lo, hi = f*m//5, (f+1)*m//5
                c = Core(np.vstack([x[:lo], x[hi:]]), self.var)
                if self.vsrc == 'res':
                    oz[lo:hi] = c.t2q(x[lo:hi])[2][:, :p]
                else:
                    oz[lo:hi] = c.z(x[lo:hi])[:, :p]
            sd = oz.std(0); sd[sd < 1e-9] = np.inf
            self.vsd = sd
            e = ewma_mat((oz / sd) ** 2, self.vl, np.ones(p))
            self.vlim = self.vm * e[10:].max(0)
    def stats(self, X):
        slow, fast = super().stats(X)
        if self.frozen:
            R = np.column_stack([runs(X[:, j]) for j in range(X.shape[1])])
            fz = (R / self.rlim).max(1)   # >= 1 raises
            slow = np.maximum(slow, np.where(fz >= 1, 1.0 + 1e-9, 0.0))  # a run at its abnormal length raises
            self.fz = fz
        if self.varm:
            f = padded(X, self.lags)
            if self.vsrc == 'res':
                z = self.core.t2q(f)[2][:, :self.p]
            else:
                z = self.core.z(f)[:, :self.p]
            e = ewma_mat((z / self.vsd) ** 2, self.vl, np.ones(self.p))
            slow = np.maximum(slow, (e / self.vlim).max(1))
        return slow, fast
if __name__ == '__main__':
    ev('dpca-res + frozen', Plus(), verbose=True)
    for vm in (1.5, 2.0, 3.0):
        for vl in (0.1, 0.2):
            ev(f'+frozen+var res vl{vl} vm{vm}', Plus(var=True, vl=vl, vm=vm))
