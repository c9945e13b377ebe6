import tep, arx, frame, dpcares
for L, alpha in [(2,0.01),(2,0.003),(2,0.03),(3,0.01),(3,0.03),(4,0.01)]:
    tep.report(f'arx L{L} a{alpha} others m2', lambda: frame.Calibrated(lambda: arx.ARX(L=L, alpha=alpha, own=False), lam=1.0, qmode='max', margin=2.0, fastf=0), verbose=True)
