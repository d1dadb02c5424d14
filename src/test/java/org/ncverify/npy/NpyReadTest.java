package org.ncverify.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ncverify.instance.InputException;

/**
 * The NPY/NPZ reader on files NumPy itself wrote ({@code scripts/make_npy_fixtures.py}, committed
 * under src/test/resources/npy): every supported dtype, both byte orders, C and Fortran order, plain
 * and compressed npz; and every unsupported or damaged file refused with a message naming it.
 */
public class NpyReadTest {
    /** A = arange(6).reshape(2, 3) * 0.5 + 0.25 in C order. */
    private static final double[] A = {0.25, 0.75, 1.25, 1.75, 2.25, 2.75};

    public static Path fixture(String name) {
        try {
            return Path.of(NpyReadTest.class.getResource("/npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a_f4_le_C", "a_f4_le_F", "a_f4_be_C", "a_f4_be_F", "a_f8_le_C", "a_f8_le_F", "a_f8_be_C",
        "a_f8_be_F"})
    void floatsOfEveryDtypeByteOrderAndMemoryOrderReadInCOrder(String name) {
        NpyArray a = Npz.read(fixture(name + ".npy")).get(name);
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(A, a.doubles(), 0.0, name);
        assertEquals(1.75, a.get(1, 0));
        assertEquals(name.contains("_be_") ? '>' : '<', a.descr().charAt(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"i1_le", "i2_le", "i2_be", "i4_le", "i4_be", "i8_le", "i8_be", "u1_le", "u2_le", "u2_be",
        "u4_le", "u4_be", "u8_le", "u8_be"})
    void integersOfEveryWidthAndByteOrder(String name) {
        NpyArray a = Npz.read(fixture("labels_" + name + ".npy")).get("labels_" + name);
        assertFalse(a.isFloating());
        assertArrayEquals(new long[] {2, 0, 1, 1, 0}, a.longs(), name);
    }

    @Test
    void vectorsAndScalars() {
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, Npz.read(fixture("vector_f8.npy")).get("vector_f8").doubles());
        NpyArray s = Npz.read(fixture("scalar_f8.npy")).get("scalar_f8");
        assertEquals(0, s.ndim());
        assertArrayEquals(new double[] {3.5}, s.doubles());
        assertEquals(3, Npz.read(fixture("a_3d.npy")).get("a_3d").ndim());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain.npz", "compressed.npz"})
    void npzArchivesStoredAndDeflated(String file) {
        Map<String, NpyArray> m = Npz.read(fixture(file));
        assertEquals(List.of("A", "v", "F"), List.copyOf(m.keySet()));
        assertArrayEquals(A, m.get("A").doubles());
        assertArrayEquals(A, m.get("F").doubles(), "float32 Fortran array inside an npz");
        assertEquals("<f4", m.get("F").descr());
        assertArrayEquals(new double[] {1, 2}, m.get("v").doubles());
    }

    @Test
    void nanIsReadAsItIs() {
        // the reader reads; the point's validation (PointFile) refuses a non-finite entry
        assertTrue(Double.isNaN(Npz.read(fixture("a_nan.npy")).get("a_nan").doubles()[1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a_f2.npy:a_f2: unsupported dtype '<f2'", "a_c16.npy:a_c16: unsupported dtype '<c16'",
        "native_order.npy:native_order: unsupported byte order '='",
        "truncated.npy:truncated: truncated data (40 of 48 bytes",
        "truncated.npz:truncated.npz: not a zip archive, or a truncated one",
        "not_a_zip.npz:not_a_zip.npz: not a zip archive", "missing.npz:missing.npz: no such file"})
    void badFilesAreBadInputNamingTheArrayOrFile(String spec) {
        String[] parts = spec.split(":", 2);
        Path p = parts[0].equals("missing.npz") ? fixture("plain.npz").resolveSibling("missing.npz") : fixture(parts[0]);
        InputException e = assertThrows(InputException.class, () -> Npz.read(p));
        assertTrue(e.getMessage().startsWith(parts[1]), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void writeThenReadRoundTripsFloat64AndInt64AndRefusesToOverwrite(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.npz");
        NpyArray m = NpyArray.ofMatrix("M", new double[][] {{0.1, -2.5e-300, 3}, {Double.MIN_VALUE, 1e300, -0.0}});
        NpyArray l = NpyArray.ofLongs("labels", "<i8", new int[] {3}, new long[] {0, Long.MAX_VALUE, -1});
        Npz.write(f, List.of(m, l));
        Map<String, NpyArray> back = Npz.read(f);
        assertArrayEquals(m.doubles(), back.get("M").doubles(), 0.0);
        assertArrayEquals(new int[] {2, 3}, back.get("M").shape());
        assertArrayEquals(l.longs(), back.get("labels").longs());
        Path g = dir.resolve("f4.npz");
        Npz.write(g, List.of(NpyArray.ofDoubles("s", "<f4", new int[] {2}, new double[] {0.1, 3})));
        NpyArray s = Npz.read(g).get("s");
        assertEquals("<f4", s.descr());
        assertArrayEquals(new double[] {(float) 0.1, 3}, s.doubles(), 0.0);
        byte[] before = Files.readAllBytes(f);
        InputException e = assertThrows(InputException.class, () -> Npz.write(f, List.of(m)));
        assertTrue(e.getMessage().contains("exists"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f), "the existing file is untouched");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void headerIsPaddedToSixtyFourBytesAsNumpyDoes() {
        byte[] b = Npy.write(NpyArray.ofVector("v", new double[] {1, 2}));
        assertEquals(0, (b.length - 16) % 64);
        assertEquals('\n', b[b.length - 17]);
    }
}
