import tep, arx, frame, dpcares
for L in (1, 2):
  for alpha in (0.01, 0.1):
    for own in (False, True):
      for m in (2.0, 1.5):
        tep.report(f'arx L{L} a{alpha} own{own} m{m}', lambda: frame.Calibrated(lambda: arx.ARX(L=L, alpha=alpha, own=own), lam=1.0, qmode='max', margin=m, fastf=0))
