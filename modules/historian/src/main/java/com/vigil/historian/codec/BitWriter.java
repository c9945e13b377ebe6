package com.vigil.historian.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Big-endian bit writer into a growable byte array, 64 bits at a time. Reusable via {@link #reset()}. */
public final class BitWriter {
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buf;
    private int pos;
    /** Pending bits, left-aligned. */
    private long acc;
    /** Free bits in acc (1..64). */
    private int free = 64;

    public BitWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public void reset() {
        pos = 0;
        acc = 0;
        free = 64;
    }

    /** Writes the low {@code n} bits of {@code value}, 0 ≤ n ≤ 64. */
    public void write(long value, int n) {
        if (n == 0) {
            return;
        }
        if (n < 64) {
            value &= (1L << n) - 1;
        }
        if (n < free) {
            free -= n;
            acc |= value << free;
        } else {
            int spill = n - free; // 0..63
            acc |= spill == 0 ? value : value >>> spill;
            flushWord();
            if (spill > 0) {
                acc = value << (64 - spill);
                free = 64 - spill;
            }
        }
    }

    private void flushWord() {
        if (pos + 8 > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + 8));
        }
        LONG_BE.set(buf, pos, acc);
        pos += 8;
        acc = 0;
        free = 64;
    }

    public void writeBit(boolean bit) {
        write(bit ? 1 : 0, 1);
    }

    /** Unsigned LEB-style varint, written as whole 8-bit groups in the bit stream. */
    public void writeVarLong(long v) {
        while ((v & ~0x7FL) != 0) {
            write((v & 0x7F) | 0x80, 8);
            v >>>= 7;
        }
        write(v, 8);
    }

    public long bitLength() {
        return (long) pos * 8 + (64 - free);
    }

    /** Pads to a whole byte and returns a copy of the content. */
    public byte[] toByteArray() {
        int used = 64 - free;
        int tail = (used + 7) / 8;
        byte[] out = Arrays.copyOf(buf, pos + tail);
        for (int i = 0; i < tail; i++) {
            out[pos + i] = (byte) (acc >>> (56 - 8 * i));
        }
        return out;
    }
}
