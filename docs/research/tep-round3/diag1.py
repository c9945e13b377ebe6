import tep, arx, frame, numpy as np
np.set_printoptions(linewidth=200, precision=2, suppress=True)
d = frame.Calibrated(lambda: arx.ARX(L=2, alpha=0.01, own=False), lam=1.0, qmode='max', margin=2.0, fastf=0)
d.fit(tep.DATA[0])
for f in (2, 12, 8, 13, 16, 3, 9, 15):
    s = d.model.stats(tep.DATA[f]) / d.base
    r = s / d.slim
    top = r.max(1)
    j = r.argmax(1)
    print(f, 'max ratio first 20:', ' '.join(f'{top[i]:.2f}({j[i]+1})' for i in range(1, 20)))
