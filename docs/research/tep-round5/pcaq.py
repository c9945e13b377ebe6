"""Textbook PCA-Q (9 components, 99 % limit on d00) on the simulated sets: is the stand-in like the real test?"""
import numpy as np, sys, os
TEP = os.environ.get('TEP_DIR', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../../shared/data/tep'))
SIM = os.environ.get('TESIM_DIR', '/tmp/tesim')

tep=TEP
X=np.loadtxt(f'{tep}/d00.dat').T
mu,sd=X.mean(0),X.std(0,ddof=1)
Z=(X-mu)/sd
U,S,Vt=np.linalg.svd(Z,full_matrices=False)
P=Vt[:9].T
q=((Z-Z@P@P.T)**2).sum(1)
lim=np.quantile(q,0.99)
for s in sys.argv[1:]:
    dr=[];far=[];dl=[]
    for f in range(0,22):
        Y=np.loadtxt(f'{SIM}/{s}/d{f:02d}_te.dat')
        Zy=(Y-mu)/sd; qy=((Zy-Zy@P@P.T)**2).sum(1); a=qy>lim
        if f==0: far.append(a.mean()); continue
        far.append(a[:160].mean()); dr.append(a[160:].mean())
        idx=np.nonzero(a[160:])[0]; dl.append((idx[0]+1)*3 if len(idx) else np.inf)
    print(s,'PCA-Q9 DR=%.3f FAR=%.3f >=90%%=%d median_delay=%s'%(np.mean(dr),np.mean(far),sum(d>=0.9 for d in dr),np.median(dl)))
    print('  delays', dl)
