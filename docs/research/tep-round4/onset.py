import sys; sys.path.insert(0,'../tep-round3')
import numpy as np
from tep import DATA
d0=DATA[0]; mu=d0.mean(0); sd=d0.std(0,ddof=1)
z=lambda x:(x-mu)/sd
for f in (2,8,12,13,10,17,16,20,18):
    X=z(DATA[f])
    print(f"f{f}", ' '.join(f"{np.abs(X[i]).max():4.1f}({np.abs(X[i]).argmax()+1})" for i in range(0,16)))
