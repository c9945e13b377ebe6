package com.vigil.opcua;

import com.vigil.model.Quality;
import com.vigil.model.Sample;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;

/** Turns OPC UA DataValues into samples, keeping status and source timestamp. */
public final class Samples {
    private Samples() {
    }

    /**
     * A sample for {@code tag} from {@code dv}. The quality comes from the status code; a missing or
     * non-numeric value becomes NaN (a gap), never zero. The source timestamp wins, then the server
     * timestamp, then {@code receivedMillis}.
     */
    public static Sample of(String tag, DataValue dv, long receivedMillis) {
        long status = dv.getStatusCode() == null ? 0 : dv.getStatusCode().getValue();
        Quality q = Quality.fromOpcUaStatus(status);
        double v = toDouble(dv.getValue() == null ? null : dv.getValue().getValue());
        if (Double.isNaN(v) && q == Quality.GOOD) {
            q = Quality.BAD; // a good status without a number is not a good value
        }
        return new Sample(tag, time(dv, receivedMillis), v, q);
    }

    static long time(DataValue dv, long receivedMillis) {
        DateTime t = dv.getSourceTime();
        if (t == null || t.isNull()) {
            t = dv.getServerTime();
        }
        return t == null || t.isNull() ? receivedMillis : t.getJavaTime();
    }

    /** Numeric value of an OPC UA scalar: numbers as they are, booleans as 0/1, anything else NaN. */
    public static double toDouble(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Double.NaN;
    }
}
