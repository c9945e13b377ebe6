import tep, multi, dpcares, numpy as np, sys
D = tep.DATA
def loo(mk, verbose=False):
    res = []
    for r in (3, 9, 15):
        others = [x for x in (3, 9, 15) if x != r]
        det = mk([D[o] for o in others])
        det.fit(D[0])
        per = {}
        for f in range(1, 22):
            a = det.run(D[f]); idx = np.nonzero(a)[0]
            per[f] = (a.mean(), 3.0 * (idx[0] + 1) if len(idx) else np.inf)
        obs = [f for f in range(1, 22) if f not in (3, 9, 15)]
        ds = sorted(per[f][1] for f in obs)
        res.append((r, per[r][0], np.mean([per[f][0] for f in obs]), ds[9], per))
    line = ' | '.join(f'out{r}: far {fa:.3f} dr {dr:.3f} med {md:g}' for r, fa, dr, md, _ in res)
    return line, res
def proxyAB(mk, fold):
    train, te = tep.proxy(fold)
    ex = [D[o][240:] for o in (3, 9, 15)]
    det = mk(ex); det.fit(train)
    return tep.score({f: det.run(te[f]) for f in te})
cfgs = [(float(a), float(b)) for a, b in (x.split(',') for x in sys.argv[1:])]
for tm, al in cfgs:
    mk = lambda ex: multi.DpcaResMulti(extra=ex, tm=tm, alarm=al)
    A = proxyAB(mk, 0); B = proxyAB(mk, 1)
    line, res = loo(mk)
    print(f'multi tm={tm} alarm={al}: A {A["dr"]:.3f}/{A["far"]:.3f}/{A["det90"]}/{A["med"]:g}  B {B["dr"]:.3f}/{B["far"]:.3f}/{B["det90"]}/{B["med"]:g}  W-LOO {line}', flush=True)
    for r, fa, dr, md, per in res:
        print(f'   out{r} W delays', ' '.join(f'{per[f][1]:g}' for f in range(1, 22)))
