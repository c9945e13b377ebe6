import sys; sys.path.insert(0,'../tep-round3')
import numpy as np
from tep import DATA
d0=DATA[0]; mu=d0.mean(0); sd=d0.std(0,ddof=1)
z=lambda x:(x-mu)/sd
Z0=z(d0)
C=np.cov(Z0.T)+0.1*np.eye(52)
Ci=np.linalg.inv(C)
# normal-run offsets
for f in (3,9,15):
    print(f, np.round(z(DATA[f]).mean(0)[:22],2))
def ew(v,l=0.2):
    o=np.empty_like(v); s=0
    for i,x in enumerate(v): s=l*x+(1-l)*s; o[i]=s
    return o
res={}
for f in range(1,22):
    X=z(DATA[f]); late=X[240:].mean(0); 
    w=Ci@late; w/=np.sqrt(w@C@w)   # unit variance under normal
    p0=Z0@w; pn=[z(DATA[g])@w for g in (3,9,15) if g!=f]
    po=X[:240]@w
    e0=ew(p0); en=[ew(p) for p in pn]; eo=ew(po)
    sgn=np.sign(late@w)
    thr=max(np.abs(e0[20:]).max(), max(np.abs(e).max() for e in en))*1.2
    idx=np.nonzero(sgn*eo>thr)[0]
    print(f"f{f:2d} shiftnorm={np.sqrt(late@Ci@late):6.2f} thr={thr:5.2f} newrunmax={max(np.abs(e).max() for e in en):5.2f} first={3*(idx[0]+1) if len(idx) else None}")
