package com.vigil.historian;

import com.vigil.historian.codec.BlockCodec;
import com.vigil.historian.codec.LogCodec;
import com.vigil.historian.codec.SampleColumns;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockCodecTest {

    private static void assertRoundTrip(SampleColumns c) {
        BlockCodec codec = new BlockCodec();
        byte[] data = codec.encode(c, 0, c.n);
        SampleColumns out = new SampleColumns();
        out.add(1, 2, (byte) 0); // decode appends
        BlockCodec.decode(data, out);
        assertEquals(c.n + 1, out.n);
        assertEquals(c.n, BlockCodec.count(data));
        for (int i = 0; i < c.n; i++) {
            assertEquals(c.t[i], out.t[i + 1], "time " + i);
            assertEquals(Double.doubleToRawLongBits(c.v[i]), Double.doubleToRawLongBits(out.v[i + 1]),
                    "value " + i + " " + c.v[i] + " vs " + out.v[i + 1] + " codec " + codec.lastCodec());
            assertEquals(c.q[i], out.q[i + 1], "quality " + i);
        }
    }

    @Test
    void specialValuesAndIrregularTimes() {
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.longBitsToDouble(0x7ff0000000000123L),
                1e-300, 123456789.123456789, Float.MAX_VALUE, Float.MIN_VALUE};
        Random r = new Random(1);
        for (int mode = 0; mode < 4; mode++) {
            SampleColumns c = new SampleColumns();
            long t = -5_000_000_000L + r.nextInt(1000);
            for (int i = 0; i < 3000; i++) {
                t += switch (i % 7) {
                    case 0 -> 1;
                    case 1 -> 1000;
                    case 2 -> 1000 + r.nextInt(50) - 25;
                    case 3 -> r.nextInt(100_000) + 1;
                    case 4 -> 3_000_000_000L;
                    default -> 1000;
                };
                double v = switch (mode) {
                    case 0 -> Math.round(r.nextGaussian() * 1000) / 100.0; // decimal doubles
                    case 1 -> (float) (50 + r.nextGaussian()); // float32
                    case 2 -> r.nextDouble() * 1e6; // full doubles
                    default -> 42.5; // constant
                };
                if (i % 97 == 0) {
                    v = specials[(i / 97) % specials.length];
                }
                c.add(t, v, (byte) (i % 211 < 200 ? 0 : (i % 4)));
            }
            assertRoundTrip(c);
        }
    }

    @Test
    void tinyBlocks() {
        for (int n = 1; n < 12; n++) {
            SampleColumns c = new SampleColumns();
            for (int i = 0; i < n; i++) {
                c.add(i * 7L, i == 3 ? Double.NaN : i * 0.1, (byte) (i % 4));
            }
            assertRoundTrip(c);
        }
    }

    @Test
    void float32ProcessDataCompressesBelowFourBytes() {
        Random r = new Random(7);
        SampleColumns c = new SampleColumns();
        double x = 80;
        for (int i = 0; i < 3600; i++) {
            x += (82 - x) * 0.01 + r.nextGaussian() * 0.05;
            c.add(1_700_000_000_000L + i * 1000L, (float) (Math.round(x * 100) / 100.0), (byte) 0);
        }
        byte[] data = new BlockCodec().encode(c, 0, c.n);
        assertTrue(data.length < 4 * c.n, "bytes " + data.length);
        assertRoundTrip(c);
    }

    @Test
    void logRecordRoundTrip() {
        LogCodec lc = new LogCodec();
        lc.reset();
        double[] vs = {1.5, Double.NaN, -0.0, Double.NEGATIVE_INFINITY, 0.1, (float) 0.1};
        for (int i = 0; i < vs.length; i++) {
            lc.add(i * 300, 1000L * (5 - i), vs[i], (byte) (i % 4));
        }
        byte[] rec = lc.toByteArray();
        assertEquals(vs.length, LogCodec.decodeCount(rec));
        int[] k = {0};
        LogCodec.decode(rec, (tag, t, v, q) -> {
            int i = k[0]++;
            assertEquals(i * 300, tag);
            assertEquals(1000L * (5 - i), t);
            assertEquals(Double.doubleToRawLongBits(vs[i]), Double.doubleToRawLongBits(v));
            assertEquals(i % 4, q);
        });
        assertEquals(vs.length, k[0]);
    }
}
