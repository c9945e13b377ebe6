from tiers import *
det = Plus(alarm=1.25, tm=2.0, fast=1.0); det.fit(D00)
starts = []
for s in ('setA','setB'):
    S = load(s)
    for f in range(22):
        a = det.run(S[f]); n = 960 if f == 0 else 160
        seg = a[:n]
        st = [i for i in range(n) if seg[i] and (i == 0 or not seg[i-1])]
        if st: starts.append((s, f, st, int(seg.sum())))
for x in starts: print(x)
# which channel triggers: fast vs slow
