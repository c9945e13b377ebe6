from tiers import *
for alarm, tm, fast in ((1.25,1.75,1.3),(1.25,2.0,1.2),(1.15,2.0,1.3),(1.25,2.0,1.15),(1.15,1.75,1.2),(1.25,2.5,1.3),(1.5,2.0,1.3)):
    ev(f'frozen a{alarm} tm{tm} f{fast}', Plus(alarm=alarm, tm=tm, fast=fast))
