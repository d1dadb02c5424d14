package org.ncverify.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ncverify.instance.InputException;

/**
 * The NPY format (NumPy's {@code numpy.lib.format}, versions 1.0, 2.0 and 3.0): a magic string
 * {@code \x93NUMPY}, the version, a little-endian header length (2 bytes in 1.0, 4 in 2.0/3.0),
 * a Python dict literal {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }} and
 * the raw elements.
 *
 * <p>Read: dtypes float32 and float64 (either byte order), int8..int64 and uint8..uint64
 * (uint64 only below 2^63), C or Fortran order (returned in C order), any rank. Everything else
 * is bad input naming the array: another dtype (float16, complex, object, structured), a byte
 * order other than {@code <}, {@code >} or {@code |}, a bad magic string or header, and a data
 * section shorter (truncated) or longer than the shape says. Write: float64, float32 or int64 little-endian, C
 * order, version 1.0, the header padded with spaces to a multiple of 64 bytes as NumPy does.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** Largest element count accepted (a Java array). */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Npy() {
    }

    /**
     * Parses one NPY byte sequence.
     *
     * @param name  the array's name, used in every error message
     * @throws InputException naming the array and the problem
     */
    public static NpyArray read(String name, byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !startsWithMagic(bytes)) {
            throw bad(name, ": not an NPY array (no \\x93NUMPY magic string; truncated or another format)");
        }
        int major = bytes[6] & 0xff;
        long headerLength;
        int offset;
        if (major == 1) {
            headerLength = buf.getShort(8) & 0xffff;
            offset = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw bad(name, ": truncated NPY header");
            }
            headerLength = buf.getInt(8) & 0xffffffffL;
            offset = 12;
        } else {
            throw bad(name, ": unsupported NPY format version " + major + "." + (bytes[7] & 0xff));
        }
        if (offset + headerLength > bytes.length) {
            throw bad(name, ": truncated NPY header (" + (bytes.length - offset) + " of " + headerLength + " bytes)");
        }
        String header = new String(bytes, offset, (int) headerLength,
            major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        if (!d.find()) {
            throw bad(name, ": unsupported dtype (not a simple type: " + header.strip() + ")");
        }
        String descr = d.group(1);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!f.find() || !s.find()) {
            throw bad(name, ": malformed NPY header " + header.strip());
        }
        int[] shape = parseShape(name, s.group(1));
        long count = 1;
        for (int x : shape) {
            count *= x;
            if (count > MAX_ELEMENTS) {
                throw bad(name, ": shape " + s.group(1) + " has too many elements");
            }
        }
        Dtype t = Dtype.parse(name, descr);
        long expected = count * t.size;
        long data = bytes.length - offset - headerLength;
        if (data < expected) {
            throw bad(name, ": truncated data (" + data + " of " + expected + " bytes for shape (" + s.group(1).strip()
                + ") of " + descr + ")");
        }
        if (data > expected) {
            throw bad(name, ": " + (data - expected) + " bytes after the data of shape (" + s.group(1).strip() + ")");
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, (int) (offset + headerLength), (int) expected).slice().order(t.order);
        int n = (int) count;
        boolean fortran = f.group(1).equals("True");
        if (t.floating) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = t.size == 4 ? body.getFloat(i * 4) : body.getDouble(i * 8);
            }
            return NpyArray.ofDoubles(name, descr, shape, fortran ? Order.toC(v, shape) : v);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = t.integer(name, body, i);
        }
        return NpyArray.ofLongs(name, descr, shape, fortran ? Order.toC(v, shape) : v);
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static int[] parseShape(String name, String text) {
        String[] parts = text.split(",");
        int count = 0;
        for (String p : parts) {
            count += p.isBlank() ? 0 : 1;
        }
        int[] shape = new int[count];
        int i = 0;
        for (String p : parts) {
            if (p.isBlank()) {
                continue;
            }
            try {
                shape[i++] = Integer.parseInt(p.strip().replace("L", ""));
            } catch (NumberFormatException e) {
                throw bad(name, ": malformed shape (" + text + ")");
            }
            if (shape[i - 1] < 0) {
                throw bad(name, ": malformed shape (" + text + ")");
            }
        }
        return shape;
    }

    /**
     * The NPY bytes of a float64, float32 (an array whose dtype is {@code f4}: its values rounded to
     * float) or int64 array, little-endian, C order, version 1.0.
     */
    public static byte[] write(NpyArray a) {
        boolean floating = a.isFloating();
        boolean single = floating && a.descr().endsWith("f4");
        int size = single ? 4 : 8;
        StringBuilder shape = new StringBuilder("(");
        int[] s = a.shape();
        for (int i = 0; i < s.length; i++) {
            shape.append(i == 0 ? "" : ", ").append(s[i]);
        }
        shape.append(s.length == 1 ? ",)" : ")");
        StringBuilder header = new StringBuilder("{'descr': '" + (single ? "<f4" : floating ? "<f8" : "<i8") + "', 'fortran_order': False, 'shape': " + shape + ", }");
        int total = 10 + header.length() + 1;
        header.append(" ".repeat((64 - total % 64) % 64)).append('\n');
        double[] v = floating ? a.doubles() : null;
        long[] w = floating ? null : a.longs();
        int n = floating ? v.length : w.length;
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + size * n).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < n; i++) {
            if (single) {
                out.putFloat((float) v[i]);
            } else if (floating) {
                out.putDouble(v[i]);
            } else {
                out.putLong(w[i]);
            }
        }
        return out.array();
    }

    static InputException bad(String name, String detail) {
        return new InputException(name, detail);
    }
}
