import tep, cva, frame, sys
for l in (2,3):
  for k in (10, 20, 30):
    for mew in (0.1, 0.2):
      for ch in ([3],[4],[3,4]):
        mk = lambda: frame.Calibrated(lambda: cva.CVA(l=l, k=k, ridge=1e-2, mew=mew), lam=[0.1,0.1,0.1,1,1], slow_channels=ch, fast_channels=[], fastf=0)
        tep.report(f'cva l={l} k={k} mew={mew} ch={ch}', mk)
