"""Test-style TEP runs (48 h, fault from 8 h = after sample 160, 960 samples), one per fault, with seeds that are
NOT the held-out test seeds listed in teprob.f. usage: python3 gen.py SET BASE  (needs $TESIM_DIR/tesim, see README)"""
import os, subprocess, sys
HERE = os.path.dirname(os.path.abspath(__file__))
TEP = os.environ.get('TEP_DIR', os.path.join(HERE, '../../../../shared/data/tep'))
SIM = os.environ.get('TESIM_DIR', '/tmp/tesim')
LISTED = {1254545354,2994833239,2891123453,3420494299,4598956239,5658678765,6598593453,
  7327843434,8943242344,9343430004,1039839281,1134345551,2232323236,3454354353,4545445883,
  5849489384,6284545932,4342232344,5635346588,9090909232,8322308324,2132432423,5454589923,
  6923255678,8493323434,9338398429,1997072199}
SETS = {'setA': 1700000001, 'setB': 2600000003, 'setC': 3500000005}


def seed(base, fault):
    """The seed of fault run `fault` in the set with this base; never one of the listed test seeds."""
    s = base + 2000006 * fault
    assert s % 2 == 1 and s not in LISTED
    return s


def run_all(jobs):
    """jobs: (seed, fault, outfile) triples; runs the simulator two at a time (2 cores)."""
    procs = []
    for s, f, out in jobs:
        procs.append(subprocess.Popen([os.path.join(SIM, 'tesim'), f'{s}.D0', str(f), '28800', '172800', out]))
        if len(procs) == 2:
            [p.wait() for p in procs]; procs = []
    [p.wait() for p in procs]


if __name__ == '__main__':
    name, base = sys.argv[1], int(sys.argv[2])
    d = f'{SIM}/{name}'
    os.makedirs(d, exist_ok=True)
    for f in range(22):
        os.symlink(f'{TEP}/d{f:02d}.dat', f'{d}/d{f:02d}.dat') if not os.path.exists(f'{d}/d{f:02d}.dat') else None
    run_all([(seed(base, f), f, f'{d}/d{f:02d}_te.dat') for f in range(22)])
    print(name, 'done', len([x for x in os.listdir(d) if x.endswith('_te.dat')]))
