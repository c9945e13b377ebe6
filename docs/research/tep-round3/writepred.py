import tep, frame, dpcares, cva, numpy as np, os, sys
out = '/tmp/tepx/pred-b-union'; os.makedirs(out, exist_ok=True)
# read the Java-built proxy files to make sure the inputs are identical
P = '/tmp/tepx/proxy-b'
train = np.loadtxt(f'{P}/d00.dat')
C = lambda: frame.Calibrated(lambda: cva.CVA(l=2, k=20, ridge=1e-2), slow_channels=[1], fast_channels=[1])
det = frame.Union(dpcares.DpcaRes(), C()); det.fit(train)
for f in range(22):
    X = np.loadtxt(f'{P}/d{f:02d}_te.dat'); a = det.run(X)
    with open(f'{out}/d{f:02d}_te.dat.pred.csv', 'w') as fh:
        fh.write('row,anomaly\n'); fh.writelines(f'{i},{int(v)}\n' for i, v in enumerate(a))
