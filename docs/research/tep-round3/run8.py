import tep, arx, frame, dpcares
for L, alpha in [(1,0.01),(2,0.01),(2,0.003),(2,0.03),(3,0.01),(3,0.03)]:
  for m in (2.0,):
    tep.report(f'arx-nopad L{L} a{alpha} others m{m}', lambda: frame.Calibrated(lambda: arx.ARX(L=L, alpha=alpha, own=False), lam=1.0, qmode='max', margin=m, fastf=0), verbose=True)
