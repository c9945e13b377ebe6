package com.vigil.historian.codec;

import java.util.Arrays;

/**
 * Compact encoding of a group of incoming samples for the write-ahead log (one row per group).
 *
 * <pre>
 * record := version:1 byte, count:varint, { flags:1 byte, dTag:zigzag varint, [dt:zigzag varint], value }
 * flags  := bits 0-1 quality ordinal, bit 2 value is a float (4 bytes LE) else a double (8 bytes LE),
 *           bit 3 same time as the previous sample (dt omitted)
 * dTag   := tag id minus the previous sample's tag id + 1 (subscriptions repeat their order: 1 byte)
 * dt     := time minus the previous sample's time in the record (the first relative to 0)
 * </pre>
 * Interleaved tags sharing a timestamp cost 1 + 1 + 4 = 6 bytes per Float32 sample.
 */
public final class LogCodec {
    public static final int VERSION = 2;

    /** Receives decoded log samples. */
    public interface Sink {
        void accept(int tagId, long time, double value, byte quality);
    }

    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int count;
    private long prevT;
    private int prevTag;

    public void reset() {
        pos = 0;
        count = 0;
        prevT = 0;
        prevTag = -1;
        buf[pos++] = VERSION;
    }

    public int count() {
        return count;
    }

    public void add(int tagId, long t, double v, byte q) {
        ensure(1 + 5 + 10 + 8);
        long bits = Double.doubleToRawLongBits(v);
        float f = (float) v;
        boolean isFloat = Double.doubleToRawLongBits((double) f) == bits;
        long d = t - prevT;
        boolean sameTime = d == 0 && count > 0;
        buf[pos++] = (byte) ((q & 3) | (isFloat ? 4 : 0) | (sameTime ? 8 : 0));
        long dTag = (long) tagId - prevTag - 1;
        prevTag = tagId;
        putVar((dTag << 1) ^ (dTag >> 63));
        if (!sameTime) {
            putVar((d << 1) ^ (d >> 63));
        }
        prevT = t;
        if (isFloat) {
            int fb = Float.floatToRawIntBits(f);
            buf[pos++] = (byte) fb;
            buf[pos++] = (byte) (fb >>> 8);
            buf[pos++] = (byte) (fb >>> 16);
            buf[pos++] = (byte) (fb >>> 24);
        } else {
            for (int i = 0; i < 8; i++) {
                buf[pos++] = (byte) (bits >>> (8 * i));
            }
        }
        count++;
    }

    /** The record: version, count, samples. */
    public byte[] toByteArray() {
        byte[] head = new byte[1 + 10];
        head[0] = VERSION;
        int hp = 1;
        long c = count;
        while ((c & ~0x7FL) != 0) {
            head[hp++] = (byte) ((c & 0x7F) | 0x80);
            c >>>= 7;
        }
        head[hp++] = (byte) c;
        byte[] out = new byte[hp + pos - 1];
        System.arraycopy(head, 0, out, 0, hp);
        System.arraycopy(buf, 1, out, hp, pos - 1);
        return out;
    }

    private void putVar(long v) {
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    private void ensure(int extra) {
        if (pos + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
        }
    }

    /** Decodes a record; returns the number of samples. */
    public static int decode(byte[] rec, Sink sink) {
        if (rec.length == 0 || rec[0] != VERSION) {
            throw new IllegalStateException("unknown log record version");
        }
        int[] p = {1};
        long count = getVar(rec, p);
        long t = 0;
        long tag = -1;
        for (long k = 0; k < count; k++) {
            int flags = rec[p[0]++];
            long zt = getVar(rec, p);
            tag += ((zt >>> 1) ^ -(zt & 1)) + 1;
            int tagId = (int) tag;
            if ((flags & 8) == 0) {
                long z = getVar(rec, p);
                t += (z >>> 1) ^ -(z & 1);
            }
            double v;
            int i = p[0];
            if ((flags & 4) != 0) {
                int fb = (rec[i] & 0xFF) | (rec[i + 1] & 0xFF) << 8 | (rec[i + 2] & 0xFF) << 16 | (rec[i + 3] & 0xFF) << 24;
                v = Float.intBitsToFloat(fb);
                p[0] = i + 4;
            } else {
                long bits = 0;
                for (int b = 7; b >= 0; b--) {
                    bits = (bits << 8) | (rec[i + b] & 0xFF);
                }
                v = Double.longBitsToDouble(bits);
                p[0] = i + 8;
            }
            sink.accept(tagId, t, v, (byte) (flags & 3));
        }
        return (int) count;
    }

    /** Number of samples in a record. */
    public static int decodeCount(byte[] rec) {
        return (int) getVar(rec, new int[] {1});
    }

    private static long getVar(byte[] in, int[] p) {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = in[p[0]++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }
}
