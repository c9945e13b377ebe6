package com.vigil.opcua;

/**
 * Data-change deadband of a monitored item (OPC UA DataChangeFilter).
 *
 * @param type  none, absolute (engineering units), or percent (of the EURange; the server needs EURange)
 * @param value the deadband
 */
public record Deadband(Type type, double value) {
    public enum Type { NONE, ABSOLUTE, PERCENT }

    public static final Deadband NONE = new Deadband(Type.NONE, 0);

    public static Deadband absolute(double v) {
        return new Deadband(Type.ABSOLUTE, v);
    }

    public static Deadband percent(double v) {
        return new Deadband(Type.PERCENT, v);
    }

    /** Parses {@code ""} (none), {@code 0.5} (absolute) or {@code 2%} (percent). */
    public static Deadband parse(String s) {
        String t = s == null ? "" : s.trim();
        if (t.isEmpty() || t.equals("0")) {
            return NONE;
        }
        if (t.endsWith("%")) {
            return percent(Double.parseDouble(t.substring(0, t.length() - 1).trim()));
        }
        return absolute(Double.parseDouble(t));
    }

    @Override
    public String toString() {
        return switch (type) {
            case NONE -> "";
            case ABSOLUTE -> Double.toString(value);
            case PERCENT -> value + "%";
        };
    }
}
