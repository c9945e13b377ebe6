import tep, cva, frame, sys
for l,k,ch in [(2,20,[1]),(2,30,[0,1,2]),(3,20,[0,1,2])]:
    mk = lambda: frame.Calibrated(lambda: cva.CVA(l=l, k=k, ridge=1e-2), slow_channels=ch, fast_channels=ch)
    tep.report(f'cva l={l} k={k} ch={ch}', mk, verbose=True)
