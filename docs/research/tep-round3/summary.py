import tep, cva, frame, dpcares, arx, mew, numpy as np
def w11(W):
    d = sorted(W['per'][f][1] for f in range(1,22)); return d[10]
def C(l=2,k=20,r=1e-2,lam=0.1,m=1.25,kr=None,ff=1.3,fq=0.99,sc=[1],fc=[1],mewv=0):
    return lambda: frame.Calibrated(lambda: cva.CVA(l=l,k=k,ridge=r,kr=kr,mew=mewv), lam=lam if not mewv else [lam,lam,lam,1,1], margin=m, fastf=ff, fastq=fq, slow_channels=sc, fast_channels=fc)
def X(L=2,a=0.01,own=False,m=2.0,sq=False,lam2=0.1,sc=None):
    return lambda: frame.Calibrated(lambda: arx.ARX(L=L,alpha=a,own=own,sq=sq,lam2=lam2), lam=1.0, qmode='max', margin=m, fastf=0, slow_channels=sc)
cfgs = [('dpca-res (reference)', lambda: dpcares.DpcaRes())]
for l in (2,3):
    for k in (10,20,30):
        cfgs.append((f'CVA l={l} k={k} Ts', C(l=l,k=k,sc=[0],fc=[0])))
        cfgs.append((f'CVA l={l} k={k} Tr', C(l=l,k=k,sc=[1],fc=[1])))
        cfgs.append((f'CVA l={l} k={k} Q', C(l=l,k=k,sc=[2],fc=[2])))
        cfgs.append((f'CVA l={l} k={k} Ts+Tr+Q', C(l=l,k=k,sc=[0,1,2],fc=[0,1,2])))
for l,k in ((3,30),(4,30),(4,40)):
    if l != 3: cfgs.append((f'CVA l={l} k={k} Tr', C(l=l,k=k)))
cfgs += [('CVA l=2 k=20 Tr ridge 0.1', C(r=0.1)), ('CVA l=2 k=20 Tr ridge 0.001', C(r=1e-3)),
         ('CVA l=2 k=20 Tr lam 0.05', C(lam=0.05)), ('CVA l=2 k=20 Tr lam 0.2', C(lam=0.2)),
         ('CVA l=2 k=20 Tr, 20 residual states', C(kr=20)), ('CVA l=2 k=20 Tr, 40 residual states', C(kr=40)),
         ('CVA l=2 k=20 Tr margin 1.0 (no run allowance)', C(m=1.0, ff=1.04)),
         ('CVA l=2 k=20 Tr margin 0.8', C(m=0.8, ff=0.83))]
for l in (2,3):
    for k in (10,20,30):
        for mv in (0.1,0.2):
            cfgs.append((f'CVA l={l} k={k} MEWMA({mv}) states', C(l=l,k=k,mewv=mv,sc=[3],fc=[],ff=0)))
            cfgs.append((f'CVA l={l} k={k} MEWMA({mv}) residual states', C(l=l,k=k,mewv=mv,sc=[4],fc=[],ff=0)))
cfgs += [('idea 2: CVA Tr smoothed only', C(ff=0,fc=[])), ('idea 2: CVA Tr unsmoothed only, 99.9% x1.0', C(m=1e9, fq=0.999, ff=1.0)),
         ('idea 2: CVA Tr lam .05 OR unsmoothed > OOF max', C(lam=0.05, fq=1.0, ff=1.0)),
         ('idea 2: CVA Tr smoothed OR Ts/Tr/Q unsmoothed > OOF max', C(fq=1.0, ff=1.0, fc=[0,1,2])),
         ('idea 2: dpca-res fast 1.1', lambda: dpcares.DpcaRes(fast=1.1)),
         ('idea 2: dpca-res fast 1.0', lambda: dpcares.DpcaRes(fast=1.0)),
         ('dpca-res lam 0.2 alarm 1.5', lambda: dpcares.DpcaRes(lam=0.2, alarm=1.5))]
for L in (1,2):
    for a in (0.01,0.1):
        for own in (False, True):
            for m in (2.0,1.5):
                cfgs.append((f'ARX L={L} ridge {a} {"own+others" if own else "others"} margin {m} (padded start)', X(L=L,a=a,own=own,m=m)))
cfgs += [('ARX L=2 ridge .003 others m2 (padded)', X(a=0.003)), ('ARX L=2 ridge .03 others m2 (padded)', X(a=0.03)),
         ('ARX L=3 ridge .01 others m2 (padded)', X(L=3)), ('ARX L=3 ridge .03 others m2 (padded)', X(L=3,a=0.03)), ('ARX L=4 ridge .01 others m2 (padded)', X(L=4))]
cfgs += [('ARX variance tier own L2 lam2 .1 m2', X(own=True,sq=True,m=2.0,sc=list(range(52,104)))),
         ('ARX variance tier own L2 lam2 .1 m3', X(own=True,sq=True,m=3.0,sc=list(range(52,104)))),
         ('ARX variance tier own L2 lam2 .05 m2', X(own=True,sq=True,lam2=0.05,m=2.0,sc=list(range(52,104)))),
         ('ARX variance tier own L2 lam2 .05 m3', X(own=True,sq=True,lam2=0.05,m=3.0,sc=list(range(52,104))))]
for ml,mm,rg in [(0.2,2.0,0.1),(0.2,1.5,0.1),(0.1,2.0,0.1),(0.2,2.0,1.0),(0.2,1.5,1.0)]:
    cfgs.append((f'dpca-res + MEWMA of residual vector ({ml}, margin {mm}, ridge {rg})', lambda ml=ml,mm=mm,rg=rg: mew.DpcaResMewma(ml=ml,mm=mm,ridge=rg)))
cfgs += [('union dpca-res + CVA l2k20 Tr', lambda: frame.Union(dpcares.DpcaRes(), C()())),
         ('union dpca-res + ARX L3 (padded)', lambda: frame.Union(dpcares.DpcaRes(), X(L=3)())),
         ('union dpca-res + CVA Tr + ARX L3', lambda: frame.Union(dpcares.DpcaRes(), C()(), X(L=3)()))]
import io, contextlib
print('| configuration | proxy A DR/FAR/>=90%/median | proxy B DR/FAR/>=90%/median | whole runs DR18/newrun FAR/median(10th of 18) | W 11th of 21 | splice? |')
print('|---|---|---|---|---|---|')
for name, mk in cfgs:
    with contextlib.redirect_stdout(io.StringIO()):
        A,B,W = tep.report(name, mk)
    spl = 'yes' if min(A['delays'][i] for i in (2,8,14)) <= 12 or min(B['delays'][i] for i in (2,8,14)) <= 12 else ''
    g = lambda d: f"{d['dr']:.3f} / {d['far']:.3f} / {d['det90']} / {d['med']:g}"
    print(f"| {name} | {g(A)} | {g(B)} | {W['dr']:.3f} / {W['nrfar']:.3f} / {W['med']:g} | {w11(W):g} | {spl} |", flush=True)
