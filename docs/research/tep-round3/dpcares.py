"""Exact numpy port of dpca-res (ResidualTierDetector over PcaDetector lags=2, t2w=0.2)."""
import numpy as np


def expand(x, lags):
    if lags == 0:
        return x
    return np.hstack([x[lags - l:len(x) - l] for l in range(lags + 1)])


def padded(x, lags):
    """lag features as the streaming session builds them (oldest row repeated at the start)."""
    xp = np.vstack([np.repeat(x[:1], lags, axis=0), x])
    return expand(xp, lags)


def ewma(v, lam, start):
    out = np.empty(len(v))
    s = start
    for i, x in enumerate(v):
        s = lam * x + (1 - lam) * s
        out[i] = s
    return out


def ewma_mat(v, lam, start):
    out = np.empty_like(v)
    s = np.array(start, dtype=float) * np.ones(v.shape[1])
    for i in range(len(v)):
        s = lam * v[i] + (1 - lam) * s
        out[i] = s
    return out


class Core:
    def __init__(self, x, var=0.9, kmax=50):
        n, m = x.shape
        self.c = x.mean(0)
        self.s = x.std(0, ddof=1)
        self.s[self.s <= 1e-12 * np.maximum(1, np.abs(self.c))] = 0
        z = self.z(x)
        cov = z.T @ z / max(1, n - 1)
        ev, vec = np.linalg.eigh(cov)
        ev = np.maximum(ev, 0)
        o = np.argsort(-ev, kind='stable')
        ev, vec = ev[o], vec[:, o]
        total = ev.sum()
        maxk = min(kmax, max(1, min(m - 1, n - 2)))
        k, acc = 0, 0
        while k < maxk and (total <= 0 or acc / total < var):
            if ev[k] <= 1e-10 * max(total, 1e-300):
                break
            acc += ev[k]
            k += 1
        k = max(1, k)
        self.P = vec[:, :k]
        self.lam = np.maximum(ev[:k], 1e-9 * max(total, 1e-12))

    def z(self, x):
        s = np.where(self.s == 0, 1, self.s)
        return np.where(self.s == 0, 0, (x - self.c) / s)

    def t2q(self, x):
        z = self.z(x)
        t = z @ self.P
        t2 = (t ** 2 / self.lam).sum(1)
        e = z - t @ self.P.T
        return t2, (e ** 2).sum(1), e


class DpcaRes:
    def __init__(self, lags=2, t2w=0.2, lam=0.1, q=0.99, alarm=1.25, fast=1.3, tl=0.2, tm=2.0, settle=10,
                 clear=0.6, off=10, folds=5, var=0.9):
        self.__dict__.update(dict(lags=lags, t2w=t2w, lam=lam, q=q, alarm=alarm, fast=fast, tl=tl, tm=tm,
                                  settle=settle, clear=clear, off=off, folds=folds, var=var))

    def fit(self, normal):
        p = normal.shape[1]
        self.p = p
        x = expand(normal, self.lags)
        n = len(x)
        folds = max(2, min(self.folds, n // 20))
        oT, oQ, oR = np.empty(n), np.empty(n), np.empty((n, p))
        for f in range(folds):
            lo, hi = f * n // folds, (f + 1) * n // folds
            c = Core(np.vstack([x[:lo], x[hi:]]), self.var)
            t, q, e = c.t2q(x[lo:hi])
            oT[lo:hi], oQ[lo:hi], oR[lo:hi] = t, q, e[:, :p]
        self.core = Core(x, self.var)
        self.limT = np.quantile(oT, 0.99)
        self.limQ = np.quantile(oQ, 0.99)
        cal = self.t2w * oT / self.limT + (1 - self.t2w) * oQ / self.limQ
        self.climit = np.quantile(ewma(cal, self.lam, np.median(cal)), self.q)
        sd = oR.std(0)
        self.rs = sd
        lim = np.zeros(p)
        for j in range(p):
            if not sd[j] > 1e-9:
                continue
            e = ewma(oR[:, j] / sd[j], self.tl, 0.0)
            st = min(self.settle, n - 1)
            lim[j] = self.tm * np.abs(e[st:]).max()
        self.tlim = lim
        self.rs = np.where(lim == 0, 0, sd)

    def stats(self, X):
        f = padded(X, self.lags)
        t, q, e = self.core.t2q(f)
        stat = self.t2w * t / self.limT + (1 - self.t2w) * q / self.limQ
        sm = np.empty(len(stat))
        s = 0
        for i in range(len(stat)):
            s = stat[i] if i <= self.lags else self.lam * stat[i] + (1 - self.lam) * s
            sm[i] = s
        comb = sm / (self.alarm * self.climit)
        r = e[:, :self.p]
        ok = self.rs > 0
        z = np.zeros_like(r)
        z[:, ok] = r[:, ok] / self.rs[ok]
        te = ewma_mat(z, self.tl, 0.0)
        u = np.zeros_like(te)
        u[:, ok] = np.abs(te[:, ok]) / self.tlim[ok]
        tags = u.max(1)
        return np.maximum(comb, tags), stat / self.fast if self.fast > 0 else np.zeros(len(stat))

    def run(self, X):
        slow, fast = self.stats(X)
        return monitor(slow, fast, self.lags, self.clear, self.off)


def monitor(slow, fast, warmup, clear=0.6, off=10, on=1):
    """Monitor with policy (1,1,1,on,clear,off); the fast part only counts while not in alarm."""
    n = len(slow)
    a = np.zeros(n, bool)
    alarm = False
    above = below = 0
    for i in range(n):
        x = max(slow[i], fast[i]) if not alarm else slow[i]
        if i + 1 <= warmup:
            above = 0
        elif not alarm:
            above = above + 1 if x > 1.0 else 0
            if above >= on:
                alarm = True
                below = 0
        else:
            below = below + 1 if x < clear else 0
            if below >= off:
                alarm = False
                above = 0
        a[i] = alarm
    return a
