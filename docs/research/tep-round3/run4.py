import tep, cva, frame, dpcares
for tm,al in [(1.5,1.25),(1.2,1.0),(1.0,1.0),(0.8,0.8)]:
    tep.report(f'dpca-res tm={tm} alarm={al}', lambda: dpcares.DpcaRes(tm=tm, alarm=al), verbose=True)
for m in (1.0, 0.8):
    tep.report(f'cva l2 k20 Tr margin={m}', lambda: frame.Calibrated(lambda: cva.CVA(l=2, k=20, ridge=1e-2), margin=m, fastf=m*1.04, slow_channels=[1], fast_channels=[1]), verbose=True)
