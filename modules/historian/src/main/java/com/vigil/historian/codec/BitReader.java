package com.vigil.historian.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian bit reader matching {@link BitWriter}. Reading past the end yields zero bits. */
public final class BitReader {
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] buf;
    private final int end;
    private long bitPos;

    public BitReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public BitReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.bitPos = (long) offset * 8;
        this.end = offset + length;
    }

    private long word(int byteIdx) {
        if (byteIdx + 8 <= end) {
            return (long) LONG_BE.get(buf, byteIdx);
        }
        long w = 0;
        for (int i = 0; i < 8; i++) {
            int k = byteIdx + i;
            w = (w << 8) | (k < end ? (buf[k] & 0xFF) : 0);
        }
        return w;
    }

    /** Reads {@code n} bits, 0 ≤ n ≤ 64. */
    public long read(int n) {
        if (n == 0) {
            return 0;
        }
        if (n > 57) {
            long hi = read(n - 32);
            return (hi << 32) | read(32);
        }
        long p = bitPos;
        bitPos = p + n;
        return (word((int) (p >>> 3)) << (p & 7)) >>> (64 - n);
    }

    /** Returns the next {@code n} ≤ 57 bits without consuming them. */
    public long peek(int n) {
        long p = bitPos;
        return (word((int) (p >>> 3)) << (p & 7)) >>> (64 - n);
    }

    public void skip(int n) {
        bitPos += n;
    }

    public boolean readBit() {
        long p = bitPos++;
        int idx = (int) (p >>> 3);
        return idx < end && ((buf[idx] >>> (7 - (p & 7))) & 1) != 0;
    }

    public long readVarLong() {
        long result = 0;
        int shift = 0;
        while (true) {
            long b = read(8);
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
            if (shift > 63) {
                throw new IllegalStateException("corrupt varint");
            }
        }
    }
}
