import tep, arx, frame, dpcares, cva, numpy as np
C = lambda: frame.Calibrated(lambda: cva.CVA(l=2, k=20, ridge=1e-2), slow_channels=[1], fast_channels=[1])
X3 = lambda: frame.Calibrated(lambda: arx.ARX(L=3, alpha=0.01, own=False), lam=1.0, qmode='max', margin=2.0, fastf=0)
def w11(W):
    d = sorted(W['per'][f][1] for f in range(1,22)); return d[10]
for name, mk in [('dpca-res', lambda: dpcares.DpcaRes()),
                 ('dpca-res lam0.2 alarm1.5', lambda: dpcares.DpcaRes(lam=0.2, alarm=1.5)),
                 ('dpca-res fast1.1', lambda: dpcares.DpcaRes(fast=1.1)),
                 ('union dpca-res+cvaTr', lambda: frame.Union(dpcares.DpcaRes(), C())),
                 ('union dpca-res+arxL3', lambda: frame.Union(dpcares.DpcaRes(), X3())),
                 ('union dpca-res+cvaTr+arxL3', lambda: frame.Union(dpcares.DpcaRes(), C(), X3()))]:
    A,B,W = tep.report(name, mk, verbose=True)
    print('   W 11th of 21 (real-test-like median):', w11(W))
