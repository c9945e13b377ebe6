"""Twin runs: for every fault run of sets A, B and C (round 5), the same seed run again with no fault.
Both runs draw the same random numbers (measurement noise and the disturbance knots are drawn whether a fault
is on or not), so fault run minus twin is the fault's own effect, sample by sample, with no noise in it.
usage: python3 twins.py   (needs $TESIM_DIR/tesim and the round-5 sets; writes $TESIM_DIR/twin/n<set><fault>.dat)"""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '../tep-round5'))
import gen  # noqa: E402  (round 5: seed rule, listed-seed guard, simulator runner)

out = os.path.join(gen.SIM, 'twin')
os.makedirs(out, exist_ok=True)
gen.run_all([(gen.seed(base, f), 0, f'{out}/n{name[-1]}{f}.dat')
             for name, base in gen.SETS.items() for f in range(1, 22)])
print('twins done', len(os.listdir(out)))
