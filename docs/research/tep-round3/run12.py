import tep, mew
def w11(W):
    d = sorted(W['per'][f][1] for f in range(1,22)); return d[10]
for ml, mm, rg in [(0.2,2.0,0.1),(0.2,1.5,0.1),(0.1,2.0,0.1),(0.2,2.0,1.0),(0.2,1.5,1.0)]:
    A,B,W = tep.report(f'dpca-res+MEWMA ml{ml} mm{mm} ridge{rg}', lambda: mew.DpcaResMewma(ml=ml, mm=mm, ridge=rg), verbose=True)
    print('   W11', w11(W))
