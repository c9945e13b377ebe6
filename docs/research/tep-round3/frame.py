"""Generic: a statistic model (fit on rows -> per-row channel statistics) + out-of-fold calibration + decision."""
import numpy as np
from dpcares import ewma, ewma_mat, monitor


def oof(model_factory, X, folds=5, warm=0):
    """Out-of-fold channel statistics over contiguous folds. Each fold is scored as a stream
    (the model sees the fold rows only, with padding) -> returns (n x c)."""
    n = len(X)
    out = None
    for f in range(folds):
        lo, hi = f * n // folds, (f + 1) * n // folds
        m = model_factory()
        # training rows: the two outer blocks as separate segments
        m.fit([X[:lo], X[hi:]])
        s = m.stats(X[lo:hi], context=X[max(0, lo - m.hist):lo])
        if out is None:
            out = np.empty((n, s.shape[1]))
        out[lo:hi] = s
    return out


class Calibrated:
    """Channels: smoothed (EWMA lam) against margin x q-quantile of smoothed OOF; and fast (raw) against
    fastf x fq-quantile of raw OOF. Stat = max of ratios; fast counts only while not in alarm."""

    def __init__(self, factory, lam=0.1, q=0.99, margin=1.25, fastq=0.99, fastf=1.3, clear=0.6, off=10,
                 folds=5, slow_channels=None, fast_channels=None, qmode='quantile', on=1):
        self.__dict__.update(dict(factory=factory, lam=lam, q=q, margin=margin, fastq=fastq, fastf=fastf,
                                  clear=clear, off=off, folds=folds, slow_channels=slow_channels,
                                  fast_channels=fast_channels, qmode=qmode, on=on))

    def fit(self, X):
        o = oof(self.factory, X, self.folds)
        self.o = o
        self.model = self.factory()
        self.model.fit([X])
        c = o.shape[1]
        self.sc = list(range(c)) if self.slow_channels is None else self.slow_channels
        self.fc = list(range(c)) if self.fast_channels is None else self.fast_channels
        # normalise each channel by its OOF 99% quantile first
        self.base = np.quantile(o, 0.99, axis=0)
        on = o / self.base
        lam = np.broadcast_to(np.asarray(self.lam, float), (c,))
        self.lamv = lam
        sm = ewma_mat(on, lam, np.median(on, axis=0))
        if self.qmode == 'max':
            self.slim = sm[10:].max(0) * self.margin
        else:
            self.slim = np.quantile(sm, self.q, axis=0) * self.margin
        self.flim = np.quantile(on, self.fastq, axis=0) * self.fastf

    def stats(self, X):
        s = self.model.stats(X) / self.base
        w = self.model.hist
        sm = np.empty_like(s)
        st = s[min(w, len(s) - 1)].copy()
        for i in range(len(s)):
            st = s[i] if i <= w else self.lamv * s[i] + (1 - self.lamv) * st
            sm[i] = st
        slow = (sm / self.slim)[:, self.sc].max(1)
        fast = (s / self.flim)[:, self.fc].max(1) if self.fastf > 0 and len(self.fc) else np.zeros(len(s))
        return slow, fast

    def run(self, X):
        slow, fast = self.stats(X)
        return monitor(slow, fast, self.model.hist, self.clear, self.off, self.on)


class Union:
    def __init__(self, *dets, clear=0.6, off=10):
        self.dets, self.clear, self.off = dets, clear, off

    def fit(self, X):
        for d in self.dets:
            d.fit(X)

    def run(self, X):
        ss = [d.stats(X) for d in self.dets]
        slow = np.max([s[0] for s in ss], axis=0)
        fast = np.max([s[1] for s in ss], axis=0)
        warm = max(getattr(d, 'lags', None) or d.model.hist for d in self.dets)
        return monitor(slow, fast, warm, self.clear, self.off)
