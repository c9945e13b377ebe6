package com.vigil.historian.codec;

/**
 * Lossless block codec for the samples of one tag, sorted by strictly increasing time.
 *
 * <pre>
 * block   := chunk { chunk }       (blocks merged later are concatenations of chunks)
 * chunk   := version:4 valueCodec:4 count:varint tqBytes:varint valueBytes:varint [times qualities] [values]
 * times   := t0:64 { delta-of-delta, zigzag z, prefix code:
 *              '0' z=0 | '10' 7 bits | '110' 9 bits | '1110' 12 bits | '11110' 20 bits | '11111' 64 bits }
 * quality := runs:varint { q:2 length:varint }
 * values  := XOR64 (Gorilla, on the double bits)
 *          | XOR32 (Gorilla on the float bits, when every double is exactly a float)
 *          | DECIMAL (every value is n / 10^e: e:5 floatMode:1 exceptions n0:zigzag varint,
 *                     then zigzag deltas of n bit-packed in groups of 32 with a 7-bit width each;
 *                     values that do not round-trip (NaN, ±Infinity, -0.0, ...) are exceptions
 *                     stored raw as position + 64 bits)
 * </pre>
 * The encoder tries XOR and DECIMAL and keeps the smaller. Every codec is bit-exact: NaN payloads,
 * -0.0 and infinities come back unchanged.
 */
public final class BlockCodec {
    public static final int VERSION = 1;
    public static final int XOR64 = 0;
    public static final int XOR32 = 1;
    public static final int DECIMAL = 2;

    private static final int MAX_E = 15;
    private static final double[] POW10 = new double[MAX_E + 1];
    private static final int GROUP = 32;

    static {
        double p = 1;
        for (int i = 0; i <= MAX_E; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final BitWriter header = new BitWriter(64);
    private final BitWriter xor = new BitWriter(4096);
    private final BitWriter dec = new BitWriter(4096);
    private long[] ints = new long[64];
    private long[] zz = new long[GROUP];

    /** Result of the last {@link #encode} call: the chosen value codec. */
    private int lastCodec;

    public int lastCodec() {
        return lastCodec;
    }

    /** Encodes samples [from, to) of c, which must be strictly increasing in time. */
    public byte[] encode(SampleColumns c, int from, int to) {
        int count = to - from;
        BitWriter w = header;
        w.reset();
        // values first into candidate writers
        boolean allFloat = true;
        for (int i = from; i < to; i++) {
            double v = c.v[i];
            if (Double.doubleToRawLongBits((double) (float) v) != Double.doubleToRawLongBits(v)) {
                allFloat = false;
                break;
            }
        }
        // decimal first (usually smallest for quantised process data), then XOR within its size as budget
        dec.reset();
        boolean decOk = count >= 8 && encodeDecimal(c, from, to, allFloat, dec, Long.MAX_VALUE);
        long budget = decOk ? dec.bitLength() : Long.MAX_VALUE;
        xor.reset();
        boolean xorOk = allFloat ? encodeXor32(c, from, to, xor, budget) : encodeXor64(c, from, to, xor, budget);
        int codec;
        BitWriter values;
        if (xorOk && xor.bitLength() < budget) {
            codec = allFloat ? XOR32 : XOR64;
            values = xor;
        } else {
            codec = DECIMAL;
            values = dec;
        }
        lastCodec = codec;
        encodeTimes(c, from, to, w);
        encodeQualities(c, from, to, w);
        byte[] tq = w.toByteArray();
        byte[] vals = values.toByteArray();
        byte[] out = new byte[1 + varLen(count) + varLen(tq.length) + varLen(vals.length) + tq.length + vals.length];
        out[0] = (byte) ((VERSION << 4) | codec);
        int p = putVar(out, 1, count);
        p = putVar(out, p, tq.length);
        p = putVar(out, p, vals.length);
        System.arraycopy(tq, 0, out, p, tq.length);
        System.arraycopy(vals, 0, out, p + tq.length, vals.length);
        return out;
    }

    private static void encodeTimes(SampleColumns c, int from, int to, BitWriter w) {
        long prev = c.t[from];
        w.write(prev, 64);
        long prevDelta = 0;
        for (int i = from + 1; i < to; i++) {
            long t = c.t[i];
            long delta = t - prev;
            long dod = delta - prevDelta;
            long z = (dod << 1) ^ (dod >> 63);
            if (z == 0) {
                w.write(0, 1);
            } else if (z < (1L << 7)) {
                w.write(0b10, 2);
                w.write(z, 7);
            } else if (z < (1L << 9)) {
                w.write(0b110, 3);
                w.write(z, 9);
            } else if (z < (1L << 12)) {
                w.write(0b1110, 4);
                w.write(z, 12);
            } else if (z < (1L << 20)) {
                w.write(0b11110, 5);
                w.write(z, 20);
            } else {
                w.write(0b11111, 5);
                w.write(z, 64);
            }
            prevDelta = delta;
            prev = t;
        }
    }

    private static void encodeQualities(SampleColumns c, int from, int to, BitWriter w) {
        int runs = 1;
        for (int i = from + 1; i < to; i++) {
            if (c.q[i] != c.q[i - 1]) {
                runs++;
            }
        }
        w.writeVarLong(runs);
        int start = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || c.q[i] != c.q[start]) {
                w.write(c.q[start], 2);
                w.writeVarLong(i - start);
                start = i;
            }
        }
    }

    private static boolean encodeXor64(SampleColumns c, int from, int to, BitWriter w, long budget) {
        long prev = Double.doubleToRawLongBits(c.v[from]);
        w.write(prev, 64);
        int prevLz = -1;
        int prevTz = 0;
        for (int i = from + 1; i < to; i++) {
            long bits = Double.doubleToRawLongBits(c.v[i]);
            long x = bits ^ prev;
            prev = bits;
            if ((i & 63) == 0 && w.bitLength() > budget) {
                return false;
            }
            if (x == 0) {
                w.write(0, 1);
                continue;
            }
            int lz = Long.numberOfLeadingZeros(x);
            int tz = Long.numberOfTrailingZeros(x);
            if (prevLz >= 0 && lz >= prevLz && tz >= prevTz) {
                w.write(0b10, 2);
                w.write(x >>> prevTz, 64 - prevLz - prevTz);
            } else {
                int len = 64 - lz - tz;
                w.write(0b11, 2);
                w.write(lz, 6);
                w.write(len - 1, 6);
                w.write(x >>> tz, len);
                prevLz = lz;
                prevTz = tz;
            }
        }
        return true;
    }

    private static boolean encodeXor32(SampleColumns c, int from, int to, BitWriter w, long budget) {
        int prev = Float.floatToRawIntBits((float) c.v[from]);
        w.write(prev & 0xFFFFFFFFL, 32);
        int prevLz = -1;
        int prevTz = 0;
        for (int i = from + 1; i < to; i++) {
            int bits = Float.floatToRawIntBits((float) c.v[i]);
            int x = bits ^ prev;
            prev = bits;
            if ((i & 63) == 0 && w.bitLength() > budget) {
                return false;
            }
            if (x == 0) {
                w.write(0, 1);
                continue;
            }
            int lz = Integer.numberOfLeadingZeros(x);
            int tz = Integer.numberOfTrailingZeros(x);
            if (prevLz >= 0 && lz >= prevLz && tz >= prevTz) {
                w.write(0b10, 2);
                w.write((x & 0xFFFFFFFFL) >>> prevTz, 32 - prevLz - prevTz);
            } else {
                int len = 32 - lz - tz;
                w.write(0b11, 2);
                w.write(lz, 5);
                w.write(len - 1, 5);
                w.write((x & 0xFFFFFFFFL) >>> tz, len);
                prevLz = lz;
                prevTz = tz;
            }
        }
        return true;
    }

    private static boolean roundTrips(double v, long n, int e, boolean floatMode) {
        double r = n / POW10[e];
        if (floatMode) {
            r = (double) (float) r;
        }
        return Double.doubleToRawLongBits(r) == Double.doubleToRawLongBits(v);
    }

    /** Smallest exponent e ≤ MAX_E such that v == round(v·10^e)/10^e exactly, or -1. */
    private static int minExponent(double v, boolean floatMode) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return -1;
        }
        for (int e = 0; e <= MAX_E; e++) {
            double s = v * POW10[e];
            if (Math.abs(s) >= 0x1p52) {
                return -1;
            }
            long n = Math.round(s);
            if (roundTrips(v, n, e, floatMode)) {
                return e;
            }
        }
        return -1;
    }

    private boolean encodeDecimal(SampleColumns c, int from, int to, boolean floatMode, BitWriter w, long budgetBits) {
        int count = to - from;
        // estimate the exponent on a prefix
        int e = -1;
        int probe = Math.min(count, 24);
        int misses = 0;
        for (int i = 0; i < probe; i++) {
            int ei = minExponent(c.v[from + i * (count / probe)], floatMode);
            if (ei < 0) {
                misses++;
            } else if (ei > e) {
                e = ei;
            }
        }
        if (e < 0 || misses > probe / 8) {
            return false;
        }
        if (ints.length < count) {
            ints = new long[Math.max(count, ints.length * 2)];
        }
        int maxExceptions = count / 8 + 1;
        int exceptions = 0;
        long prevN = 0;
        double p = POW10[e];
        // first pass: integers and exception count
        for (int i = 0; i < count; i++) {
            double v = c.v[from + i];
            double s = v * p;
            long n;
            if (Math.abs(s) < 0x1p52 && roundTrips(v, n = Math.round(s), e, floatMode)) {
                ints[i] = n;
                prevN = n;
            } else {
                ints[i] = prevN;
                exceptions++;
                if (exceptions > maxExceptions) {
                    return false;
                }
            }
        }
        w.write(e, 5);
        w.write(floatMode ? 1 : 0, 1);
        w.writeVarLong(exceptions);
        if (exceptions > 0) {
            int lastPos = 0;
            for (int i = 0; i < count; i++) {
                double v = c.v[from + i];
                if (!roundTrips(v, ints[i], e, floatMode)) {
                    w.writeVarLong(i - lastPos);
                    w.write(Double.doubleToRawLongBits(v), 64);
                    lastPos = i;
                }
            }
        }
        long n0 = ints[0];
        w.writeVarLong((n0 << 1) ^ (n0 >> 63));
        for (int g = 1; g < count; g += GROUP) {
            int end = Math.min(count, g + GROUP);
            long or = 0;
            for (int i = g; i < end; i++) {
                long d = ints[i] - ints[i - 1];
                long z = (d << 1) ^ (d >> 63);
                zz[i - g] = z;
                or |= z;
            }
            int width = 64 - Long.numberOfLeadingZeros(or);
            w.write(width, 7);
            for (int i = 0; i < end - g; i++) {
                w.write(zz[i], width);
            }
            if (w.bitLength() > budgetBits) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ decoding

    /** Number of samples in an encoded block. */
    public static int count(byte[] data) {
        int total = 0;
        long[] cur = {0};
        while (cur[0] < data.length) {
            cur[0]++;
            total += (int) getVar(data, cur);
            long tq = getVar(data, cur);
            long vals = getVar(data, cur);
            cur[0] += tq + vals;
        }
        return total;
    }

    /** Number of chunks in an encoded block. */
    public static int chunks(byte[] data) {
        int chunks = 0;
        long[] cur = {0};
        while (cur[0] < data.length) {
            cur[0]++;
            getVar(data, cur);
            long tq = getVar(data, cur);
            long vals = getVar(data, cur);
            cur[0] += tq + vals;
            chunks++;
        }
        return chunks;
    }

    /** Decodes a block and appends its samples to {@code out}. */
    public static void decode(byte[] data, SampleColumns out) {
        int p = 0;
        while (p < data.length) {
            p = decodeChunk(data, p, out);
        }
    }

    private static int decodeChunk(byte[] data, int offset, SampleColumns out) {
        int version = (data[offset] >>> 4) & 0xF;
        if (version != VERSION) {
            throw new IllegalStateException("unknown block format version " + version);
        }
        int codec = data[offset] & 0xF;
        long[] cur = {offset + 1};
        int count = (int) getVar(data, cur);
        int tqLen = (int) getVar(data, cur);
        int valLen = (int) getVar(data, cur);
        int tqStart = (int) cur[0];
        BitReader r = new BitReader(data, tqStart, tqLen);
        int base = out.n;
        if (out.t.length < base + count) {
            // grow through add of a dummy then reset n
            SampleColumns tmp = out;
            int need = base + count;
            tmp.t = java.util.Arrays.copyOf(tmp.t, need);
            tmp.v = java.util.Arrays.copyOf(tmp.v, need);
            tmp.q = java.util.Arrays.copyOf(tmp.q, need);
        }
        long[] ts = out.t;
        long t = r.read(64);
        ts[base] = t;
        long delta = 0;
        for (int i = 1; i < count; i++) {
            long z;
            if (!r.readBit()) {
                z = 0;
            } else if (!r.readBit()) {
                z = r.read(7);
            } else if (!r.readBit()) {
                z = r.read(9);
            } else if (!r.readBit()) {
                z = r.read(12);
            } else if (!r.readBit()) {
                z = r.read(20);
            } else {
                z = r.read(64);
            }
            long dod = (z >>> 1) ^ -(z & 1);
            delta += dod;
            t += delta;
            ts[base + i] = t;
        }
        byte[] qs = out.q;
        int runs = (int) r.readVarLong();
        int pos = base;
        for (int k = 0; k < runs; k++) {
            byte q = (byte) r.read(2);
            int len = (int) r.readVarLong();
            if (pos + len > base + count) {
                throw new IllegalStateException("corrupt block: quality runs exceed count");
            }
            java.util.Arrays.fill(qs, pos, pos + len, q);
            pos += len;
        }
        if (pos != base + count) {
            throw new IllegalStateException("corrupt block: quality runs do not cover count");
        }
        int headerBytes = tqStart + tqLen;
        BitReader vr = new BitReader(data, headerBytes, valLen);
        double[] vs = out.v;
        switch (codec) {
            case XOR64 -> decodeXor64(vr, vs, base, count);
            case XOR32 -> decodeXor32(vr, vs, base, count);
            case DECIMAL -> decodeDecimal(vr, vs, base, count);
            default -> throw new IllegalStateException("unknown value codec " + codec);
        }
        out.n = base + count;
        return headerBytes + valLen;
    }

    private static int putVar(byte[] out, int p, long v) {
        while ((v & ~0x7FL) != 0) {
            out[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[p++] = (byte) v;
        return p;
    }

    private static long getVar(byte[] in, long[] pos) {
        long result = 0;
        int shift = 0;
        int p = (int) pos[0];
        while (true) {
            int b = in[p++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                pos[0] = p;
                return result;
            }
            shift += 7;
        }
    }

    private static int varLen(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private static void decodeXor64(BitReader r, double[] vs, int base, int count) {
        long prev = r.read(64);
        vs[base] = Double.longBitsToDouble(prev);
        int lz = 0;
        int tz = 0;
        for (int i = 1; i < count; i++) {
            if (r.readBit()) {
                if (r.readBit()) {
                    lz = (int) r.read(6);
                    int len = (int) r.read(6) + 1;
                    tz = 64 - lz - len;
                }
                prev ^= r.read(64 - lz - tz) << tz;
            }
            vs[base + i] = Double.longBitsToDouble(prev);
        }
    }

    private static void decodeXor32(BitReader r, double[] vs, int base, int count) {
        int prev = (int) r.read(32);
        vs[base] = Float.intBitsToFloat(prev);
        int lz = 0;
        int tz = 0;
        for (int i = 1; i < count; i++) {
            if (r.readBit()) {
                if (r.readBit()) {
                    lz = (int) r.read(5);
                    int len = (int) r.read(5) + 1;
                    tz = 32 - lz - len;
                }
                prev ^= (int) (r.read(32 - lz - tz) << tz);
            }
            vs[base + i] = Float.intBitsToFloat(prev);
        }
    }

    private static void decodeDecimal(BitReader r, double[] vs, int base, int count) {
        int e = (int) r.read(5);
        boolean floatMode = r.read(1) == 1;
        int exceptions = (int) r.readVarLong();
        int[] exPos = new int[exceptions];
        long[] exBits = new long[exceptions];
        int pos = 0;
        for (int k = 0; k < exceptions; k++) {
            pos += (int) r.readVarLong();
            exPos[k] = pos;
            exBits[k] = r.read(64);
        }
        double p = POW10[e];
        long z0 = r.readVarLong();
        long n = (z0 >>> 1) ^ -(z0 & 1);
        vs[base] = floatMode ? (double) (float) (n / p) : n / p;
        for (int g = 1; g < count; g += GROUP) {
            int end = Math.min(count, g + GROUP);
            int width = (int) r.read(7);
            if (width == 0) {
                double val = floatMode ? (double) (float) (n / p) : n / p;
                for (int i = g; i < end; i++) {
                    vs[base + i] = val;
                }
                continue;
            }
            for (int i = g; i < end; i++) {
                long z = r.read(width);
                n += (z >>> 1) ^ -(z & 1);
                vs[base + i] = floatMode ? (double) (float) (n / p) : n / p;
            }
        }
        for (int k = 0; k < exceptions; k++) {
            vs[base + exPos[k]] = Double.longBitsToDouble(exBits[k]);
        }
    }
}
