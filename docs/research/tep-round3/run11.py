import tep, arx, frame, dpcares, numpy as np
def w11(W):
    d = sorted(W['per'][f][1] for f in range(1,22)); return d[10]
nm = 52
for lam2 in (0.1, 0.05):
  for m in (2.0, 3.0):
    # variance channels only: slow_channels = 52..103 (EWMA of squared innovation), limit margin x max OOF
    mk = lambda: frame.Calibrated(lambda: arx.ARX(L=2, alpha=0.01, own=True, sq=True, lam2=lam2), lam=1.0, qmode='max', margin=m, fastf=0, slow_channels=list(range(52,104)))
    A,B,W = tep.report(f'arx-var own L2 lam2={lam2} m{m}', mk, verbose=True)
    print('   W11', w11(W))
