"""Textbook PCA-Q (9 components, 99 % limit on d00) on the simulated sets: is the stand-in like the real test?"""
import sys
from h import *
mu, sd = D00.mean(0), D00.std(0, ddof=1)
Z = (D00 - mu) / sd
P = np.linalg.svd(Z, full_matrices=False)[2][:9].T
def q(Y):
    Zy = (Y - mu) / sd
    return ((Zy - Zy @ P @ P.T) ** 2).sum(1)
lim = np.quantile(q(D00), 0.99)
for s in sys.argv[1:]:
    r = score({f: q(Y) > lim for f, Y in load(s).items()})
    print(s, 'PCA-Q9 DR=%.3f FAR=%.3f >=90%%=%d median_delay=%g' % (r['dr'], r['far'], r['det90'], r['med']))
    print('  delays', r['delays'])
