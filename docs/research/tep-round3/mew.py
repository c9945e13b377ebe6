import numpy as np, dpcares
from dpcares import ewma_mat, monitor


class DpcaResMewma(dpcares.DpcaRes):
    """dpca-res plus a MEWMA tier on the vector of lag-0 residuals (covariance of the OOF EWMA vectors, ridge)."""
    def __init__(self, ml=0.2, mm=2.0, ridge=0.1, only=False, **kw):
        super().__init__(**kw)
        self.ml, self.mm, self.ridge, self.only = ml, mm, ridge, only

    def fit(self, normal):
        super().fit(normal)
        # recompute OOF residuals per fold (as in parent) to get fold streams
        from dpcares import expand, Core
        x = expand(normal, self.lags); n = len(x); p = self.p
        folds = max(2, min(self.folds, n // 20))
        streams = []
        for f in range(folds):
            lo, hi = f * n // folds, (f + 1) * n // folds
            c = Core(np.vstack([x[:lo], x[hi:]]), self.var)
            _, _, e = c.t2q(x[lo:hi])
            streams.append(e[:, :p])
        ok = self.rs > 0
        self.ok = ok
        E = [ewma_mat(s[:, ok] / self.rs[ok], self.ml, 0.0)[self.settle:] for s in streams]
        Eall = np.vstack(E)
        S = Eall.T @ Eall / len(Eall)
        S += self.ridge * np.trace(S) / len(S) * np.eye(len(S))
        self.Si = np.linalg.inv(S)
        m = [np.einsum('ij,jk,ik->i', e, self.Si, e).max() for e in E]
        self.mlim = self.mm * max(m)

    def stats(self, X):
        slow, fast = super().stats(X)
        from dpcares import padded
        f = padded(X, self.lags)
        _, _, e = self.core.t2q(f)
        r = e[:, :self.p][:, self.ok] / self.rs[self.ok]
        E = ewma_mat(r, self.ml, 0.0)
        t = np.einsum('ij,jk,ik->i', E, self.Si, E) / self.mlim
        return (t if self.only else np.maximum(slow, t)), fast
