"""Writes the .npy fixtures read by babysitter.engine.NpyFileTest.

Run from any directory with NumPy installed (they were made with Debian's NumPy 1.24.2):
    python3 src/test/resources/npy/make_fixtures.py
The files land next to this script. The expected values are repeated in NpyFileTest.
"""
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))


def save(name, array, version=None):
    path = os.path.join(here, name)
    with open(path, "wb") as f:
        np.lib.format.write_array(f, array, version=version)


# float32, 1-D; 0.1 is not exactly representable, 1e-40 is subnormal.
save("f32_1d.npy", np.array([1.5, -2.25, 0.1, 0.0, 1e-40, 3.4e38], dtype=np.float32))
# float32, 2-D 2x3: -1.0, -0.5, 0.0 / 0.5, 1.0, 1.5
save("f32_2d.npy", (np.arange(6, dtype=np.float32) * 0.5 - 1.0).reshape(2, 3))
# float64, 2-D 3x2
save("f64_2d.npy", np.array([[0.1, -1e300], [np.pi, 5e-324], [-0.0, 123456789.125]], dtype=np.float64))
# version 2.0 header (uint32 header length), float32 [1, 2, 3]
save("f32_v2.npy", np.array([1.0, 2.0, 3.0], dtype=np.float32), version=(2, 0))
# version 3.0 header (UTF-8), float64 2x2
save("f64_v3.npy", np.array([[1.0, -2.0], [0.25, 8.0]], dtype=np.float64), version=(3, 0))
# Fortran order: rejected
save("f32_fortran.npy", np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)))
# int64: rejected
save("i64.npy", np.arange(4, dtype=np.int64))
