import numpy as np
from dpcares import ewma_mat


class ARX:
    """Each tag predicted from the other tags at lags 0..L (and optionally its own lags 1..L); ridge.
    Channels: |EWMA(lam) of standardised residual| per tag, and optionally EWMA of squared residual."""

    def __init__(self, L=2, alpha=1.0, own=False, lam=0.2, sq=False, lam2=0.1):
        self.L, self.alpha, self.own, self.lam, self.sq, self.lam2 = L, alpha, own, lam, sq, lam2
        self.hist = L

    def feats(self, Z):
        L = self.L
        n = len(Z)
        return np.hstack([Z[L - l:n - l] for l in range(L + 1)])  # lag 0 first

    def fit(self, segs):
        segs = [s for s in segs if len(s) > self.L + 5]
        allx = np.vstack(segs)
        self.c = allx.mean(0)
        self.s = allx.std(0, ddof=1)
        F = np.vstack([self.feats((s - self.c) / self.s) for s in segs])
        p = len(self.c)
        self.p = p
        W = np.zeros((F.shape[1], p))
        for j in range(p):
            mask = np.ones(F.shape[1], bool)
            mask[j] = False  # own current value
            if not self.own:
                mask[j::p] = False
            A = F[:, mask]
            y = F[:, j]
            G = A.T @ A + self.alpha * len(A) * np.eye(A.shape[1]) * 0 + self.alpha * np.trace(A.T @ A) / A.shape[1] * np.eye(A.shape[1])
            w = np.linalg.solve(G, A.T @ y)
            W[mask, j] = w
        self.W = W
        r = F[:, :p] - F @ W
        self.rm = r.mean(0)
        self.rsd = r.std(0)

    def stats(self, X, context=None):
        Z = (X - self.c) / self.s
        h = self.hist
        if context is not None and len(context) >= h:
            Zc = (context - self.c) / self.s
            Zp = np.vstack([Zc[len(Zc) - h:], Z]) if h > 0 else Z
        else:
            Zp = np.vstack([np.repeat(Z[:1], h, axis=0), Z])
        F = self.feats(Zp)
        r = (F[:, :self.p] - F @ self.W - self.rm) / self.rsd
        if context is None or len(context) < h:
            r[:h] = 0  # padded rows: no valid lag history, leave them out of the EWMA
        cols = [np.abs(ewma_mat(r, self.lam, 0.0))]
        if self.sq:
            cols.append(ewma_mat(r ** 2, self.lam2, 1.0))
        return np.hstack(cols)
