package com.vigil.sim.server;

/** The demo plant cannot listen: the TCP port is taken (or the address cannot be bound). */
public class PortInUseException extends Exception {
    public PortInUseException(String address, int port, Throwable cause) {
        super("cannot listen on " + address + ":" + port + " (" + cause.getMessage()
                + "). Another program (or another Vigil) uses this port: stop it or choose another port with --port.",
                cause);
    }
}
