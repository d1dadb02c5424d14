package org.ncverify.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** An NPY element type this reader supports: its byte order, size and kind (float, signed or unsigned integer). */
final class Dtype {
    final ByteOrder order;
    final int size;
    final boolean floating;
    final boolean unsigned;

    private Dtype(ByteOrder order, int size, boolean floating, boolean unsigned) {
        this.order = order;
        this.size = size;
        this.floating = floating;
        this.unsigned = unsigned;
    }

    /**
     * {@code <f4 >f4 <f8 >f8}, {@code <i2 ... >i8}, {@code <u2 ... >u8}, {@code |i1 |u1}; anything
     * else is bad input naming the array, the dtype and the problem (byte order or type).
     */
    static Dtype parse(String name, String descr) {
        if (descr.length() < 3) {
            throw Npy.bad(name, ": unsupported dtype '" + descr + "'");
        }
        char bo = descr.charAt(0);
        char kind = descr.charAt(1);
        int size;
        try {
            size = Integer.parseInt(descr.substring(2));
        } catch (NumberFormatException e) {
            throw Npy.bad(name, ": unsupported dtype '" + descr + "' (float32, float64 and integer arrays are read)");
        }
        boolean floating = kind == 'f' && (size == 4 || size == 8);
        boolean integer = (kind == 'i' || kind == 'u') && (size == 1 || size == 2 || size == 4 || size == 8);
        if (!floating && !integer) {
            throw Npy.bad(name, ": unsupported dtype '" + descr + "' (float32, float64 and integer arrays are read)");
        }
        ByteOrder order;
        if (bo == '<' || (bo == '|' && size == 1)) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (bo == '>') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw Npy.bad(name, ": unsupported byte order '" + bo + "' in dtype '" + descr
                + "' (little '<' and big '>' endian are read)");
        }
        return new Dtype(order, size, floating, kind == 'u');
    }

    /** Integer element i of {@code body}; a uint64 at or above 2^63 is bad input. */
    long integer(String name, ByteBuffer body, int i) {
        int at = i * size;
        switch (size) {
            case 1:
                return unsigned ? body.get(at) & 0xffL : body.get(at);
            case 2:
                return unsigned ? body.getShort(at) & 0xffffL : body.getShort(at);
            case 4:
                return unsigned ? body.getInt(at) & 0xffffffffL : body.getInt(at);
            default:
                long v = body.getLong(at);
                if (unsigned && v < 0) {
                    throw Npy.bad(name, "[" + i + "] = " + Long.toUnsignedString(v) + ": too large (uint64 above 2^63 - 1)");
                }
                return v;
        }
    }
}
