from tiers import *
class Diff(Plus):
    """frozen + per-tag EWMA of squared first differences vs training."""
    def __init__(self, dl=0.1, dm=1.5, **kw):
        super().__init__(**kw); self.dl, self.dm = dl, dm
    def fit(self, X):
        super().fit(X)
        d = np.diff(X, axis=0)
        self.ms = (d ** 2).mean(0); self.ms[self.ms < 1e-12] = np.inf
        e = ewma_mat(d ** 2 / self.ms, self.dl, np.ones(X.shape[1]))
        self.dlim = self.dm * e[10:].max(0)
    def stats(self, X):
        slow, fast = super().stats(X)
        d = np.vstack([np.zeros((1, X.shape[1])), np.diff(X, axis=0)])
        e = ewma_mat(d ** 2 / self.ms, self.dl, np.ones(X.shape[1]))
        self.dstat = e / self.dlim
        slow = np.maximum(slow, self.dstat.max(1))
        return slow, fast
for dl in (0.1, 0.2, 0.3):
    for dm in (1.0, 1.25, 1.5):
        ev(f'frozen+diffvar dl{dl} dm{dm}', Diff(dl=dl, dm=dm), verbose=(dl == 0.2 and dm == 1.25))
