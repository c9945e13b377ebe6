from h import *
X = D00
ms = (np.diff(X, axis=0) ** 2).mean(0); ms[ms < 1e-12] = np.inf
def es(Y, lam):
    d = np.vstack([np.zeros((1, 52)), np.diff(Y, axis=0)])
    return ewma_mat(d ** 2 / ms, lam, np.ones(52))
for lam in (0.2, 0.35):
    # normal envelope per tag over fresh normal data (sets A, B; pre-fault segments + d00_te), skipping 10 warm-up rows
    env = np.zeros(52)
    for s in ('setA', 'setB'):
        S = load(s)
        for f in range(22):
            n = 960 if f == 0 else 160
            env = np.maximum(env, es(S[f], lam)[10:n].max(0))
    print('lam', lam)
    for s in ('setA', 'setC'):
        S = load(s)
        for f in (2, 11, 12, 16):
            e = es(S[f], lam)[160:167] / env
            j = np.argmax(e.max(0)); 
            print(f'  {s} fault {f}: best tag {j+1} ratio over normal envelope per sample', np.round(e[:, j], 2))
