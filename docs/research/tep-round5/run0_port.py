from h import *
ev('dpca-res (port)', DpcaRes(), verbose=True)
