import numpy as np


def past_future(seg, l):
    """rows t = l-1 .. n-l-1: past [y_t..y_{t-l+1}], future [y_{t+1}..y_{t+l}]"""
    n = len(seg)
    P, F = [], []
    for t in range(l - 1, n - l):
        P.append(seg[t - l + 1:t + 1][::-1].ravel())
        F.append(seg[t + 1:t + l + 1].ravel())
    return np.array(P), np.array(F)


def past(X, l):
    n = len(X)
    return np.array([X[t - l + 1:t + 1][::-1].ravel() for t in range(l - 1, n)])


def msqrt(S, ridge, inv=True):
    ev, V = np.linalg.eigh(S)
    ev = np.maximum(ev, 0) + ridge * ev.mean()
    return (V / np.sqrt(ev)) @ V.T if inv else (V * np.sqrt(ev)) @ V.T


class CVA:
    def __init__(self, l=3, k=20, ridge=1e-3, kr=None, tagres=False, mew=0):
        self.l, self.k, self.ridge, self.kr, self.tagres, self.mew = l, k, ridge, kr, tagres, mew
        self.hist = l - 1

    def fit(self, segs):
        segs = [s for s in segs if len(s) > 2 * self.l]
        allx = np.vstack(segs)
        self.c = allx.mean(0)
        self.s = allx.std(0, ddof=1)
        Ps, Fs = zip(*[past_future((s - self.c) / self.s, self.l) for s in segs])
        P, F = np.vstack(Ps), np.vstack(Fs)
        self.pm = P.mean(0)
        fm = F.mean(0)
        P = P - self.pm
        F = F - fm
        n = len(P)
        Spp, Sff, Spf = P.T @ P / (n - 1), F.T @ F / (n - 1), P.T @ F / (n - 1)
        Wp = msqrt(Spp, self.ridge)
        Wf = msqrt(Sff, self.ridge)
        H = Wp @ Spf @ Wf
        U, sv, Vt = np.linalg.svd(H)
        self.sv = sv
        self.J = U[:, :self.k].T @ Wp
        kr = U.shape[1] if self.kr is None else self.k + self.kr
        self.L = U[:, self.k:kr].T @ Wp
        Sh = msqrt(Spp, self.ridge, inv=False)
        # Q residual: p - Sh U_k U_k^T Wp p
        self.R = np.eye(P.shape[1]) - Sh @ U[:, :self.k] @ U[:, :self.k].T @ Wp
        # whiten the states/residual states with their actual training variance (ridge makes them < 1)
        xs = P @ self.J.T
        self.xv = xs.var(0, ddof=1)
        xr = P @ self.L.T
        self.rv = xr.var(0, ddof=1)
        rr = P @ self.R.T
        self.qv = rr[:, :len(self.c)].std(0)

    def stats(self, X, context=None):
        Z = (X - self.c) / self.s
        h = self.hist
        if context is not None and len(context) >= h:
            Zc = (context - self.c) / self.s
            Zp = np.vstack([Zc[len(Zc) - h:], Z]) if h > 0 else Z
        else:
            Zp = np.vstack([np.repeat(Z[:1], h, axis=0), Z])
        P = past(Zp, self.l) - self.pm
        xs = (P @ self.J.T) / np.sqrt(self.xv)
        xr = (P @ self.L.T) / np.sqrt(self.rv)
        ts = (xs ** 2).sum(1)
        tr = (xr ** 2).sum(1)
        r = P @ self.R.T
        q = (r ** 2).sum(1)
        cols = [ts, tr, q]
        if self.mew:
            from dpcares import ewma_mat
            cols += [(ewma_mat(xs, self.mew, 0.0) ** 2).sum(1), (ewma_mat(xr, self.mew, 0.0) ** 2).sum(1)]
        if self.tagres:
            cols += list((r[:, :len(self.c)] / self.qv).T ** 2)
        return np.column_stack(cols)
