#!/usr/bin/env python3
"""Writes the NPY/NPZ test fixtures of src/test/resources/npy with NumPy itself.

Run from the checkout:  python3 scripts/make_npy_fixtures.py
Every numeric fixture holds A = arange(6).reshape(2, 3) * 0.5 + 0.25 (exact in float32 and
float64), so a reader must return [[0.25, 0.75, 1.25], [1.75, 2.25, 2.75]] whatever the
dtype, the memory order (C or Fortran) and the byte order (little or big endian).
"""
import os
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "npy")
A = np.arange(6, dtype=np.float64).reshape(2, 3) * 0.5 + 0.25


def main():
    os.makedirs(OUT, exist_ok=True)
    for dt in ("f4", "f8"):
        for endian, ename in (("<", "le"), (">", "be")):
            for order in ("C", "F"):
                a = np.array(A, dtype=np.dtype(endian + dt), order=order)
                np.save(os.path.join(OUT, f"a_{dt}_{ename}_{order}.npy"), a)
    for dt in ("i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8"):
        for endian, ename in (("<", "le"), (">", "be")):
            if dt[1] == "1" and endian == ">":
                continue
            np.save(os.path.join(OUT, f"labels_{dt}_{ename}.npy"),
                    np.array([2, 0, 1, 1, 0], dtype=np.dtype(endian + dt)))
    np.save(os.path.join(OUT, "vector_f8.npy"), np.array([0.5, 0.25, 0.25]))
    np.save(os.path.join(OUT, "scalar_f8.npy"), np.float64(3.5))
    np.save(os.path.join(OUT, "a_f2.npy"), A.astype(np.float16))
    np.save(os.path.join(OUT, "a_c16.npy"), A.astype(np.complex128))
    np.save(os.path.join(OUT, "a_nan.npy"), np.array([[1.0, np.nan], [0.0, 1.0]]))
    np.save(os.path.join(OUT, "a_3d.npy"), np.zeros((2, 2, 2)))
    arrays = {"A": A, "v": np.array([1.0, 2.0]), "F": np.asfortranarray(A.astype(np.float32))}
    np.savez(os.path.join(OUT, "plain.npz"), **arrays)
    np.savez_compressed(os.path.join(OUT, "compressed.npz"), **arrays)
    with open(os.path.join(OUT, "plain.npz"), "rb") as f:
        data = f.read()
    with open(os.path.join(OUT, "truncated.npz"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(OUT, "a_f8_le_C.npy"), "rb") as f:
        npy = f.read()
    with open(os.path.join(OUT, "truncated.npy"), "wb") as f:
        f.write(npy[:-8])
    # NumPy writes '<', '>' or '|' only; a header naming another byte order ('=' native) is bad input
    with open(os.path.join(OUT, "native_order.npy"), "wb") as f:
        f.write(npy.replace(b"'<f8'", b"'=f8'", 1))
    with open(os.path.join(OUT, "not_a_zip.npz"), "w") as f:
        f.write("H,W1,b\n1,2,3\n")


if __name__ == "__main__":
    main()
