import tep, cva, frame, dpcares
C = lambda l=2,k=20,r=1e-2,lam=0.1,m=1.25,kr=None, ff=1.3: frame.Calibrated(lambda: cva.CVA(l=l, k=k, ridge=r, kr=kr), lam=lam, margin=m, fastf=ff, slow_channels=[1], fast_channels=[1])
for l,k,r,lam,kr in [(2,20,1e-2,0.1,None),(2,20,1e-1,0.1,None),(2,20,1e-3,0.1,None),(2,20,1e-2,0.05,None),(2,20,1e-2,0.2,None),(2,20,1e-2,0.1,20),(2,20,1e-2,0.1,40),(3,30,1e-2,0.1,None),(4,30,1e-2,0.1,None),(4,40,1e-2,0.1,None)]:
    tep.report(f'cvaTr l{l} k{k} r{r} lam{lam} kr{kr}', lambda: C(l=l,k=k,r=r,lam=lam,kr=kr), verbose=False)
tep.report('union dpca-res + cvaTr l2k20', lambda: frame.Union(dpcares.DpcaRes(), C()), verbose=True)
