import tep, cva, frame, sys
for l in (2, 3):
    for k in (10, 20, 30):
        for ch in ([0], [1], [2], [0,1,2]):
            mk = lambda: frame.Calibrated(lambda: cva.CVA(l=l, k=k, ridge=1e-2), slow_channels=ch, fast_channels=ch)
            tep.report(f'cva l={l} k={k} ch={ch}', mk)
