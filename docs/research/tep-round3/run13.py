import tep, cva, frame, dpcares, numpy as np
def w11(W):
    d = sorted(W['per'][f][1] for f in range(1,22)); return d[10]
for l in (2,3,4):
    m = cva.CVA(l=l, k=20, ridge=1e-2); m.fit([tep.DATA[0]])
    print('l', l, 'canonical correlations', np.round(m.sv[:45:3], 2))
for name, mk in [
  ('cvaTr slow only (no fast)', lambda: frame.Calibrated(lambda: cva.CVA(l=2,k=20,ridge=1e-2), fastf=0, slow_channels=[1], fast_channels=[])),
  ('cvaTr fast only q.999x1.0', lambda: frame.Calibrated(lambda: cva.CVA(l=2,k=20,ridge=1e-2), margin=1e9, fastq=0.999, fastf=1.0, slow_channels=[1], fast_channels=[1])),
  ('cvaTr slow lam.05 + fast max x1.0', lambda: frame.Calibrated(lambda: cva.CVA(l=2,k=20,ridge=1e-2), lam=0.05, fastq=1.0, fastf=1.0, slow_channels=[1], fast_channels=[1])),
  ('cva all ch slow + Tr,Q fast max x1.0', lambda: frame.Calibrated(lambda: cva.CVA(l=2,k=20,ridge=1e-2), fastq=1.0, fastf=1.0, slow_channels=[1], fast_channels=[0,1,2])),
  ('dpca-res fast max-ish 1.0 (fast=1.0)', lambda: dpcares.DpcaRes(fast=1.0)),
]:
    A,B,W = tep.report(name, mk, verbose=True); print('   W11', w11(W))
