from tiers import *
for alarm in (1.0, 1.25):
    for tm in (1.25, 1.5, 2.0):
        for fast in (1.0, 1.3):
            ev(f'frozen a{alarm} tm{tm} f{fast}', Plus(alarm=alarm, tm=tm, fast=fast))
