"""Per-row int8 storage of vector sets: a float32 scale per row, then the int8 values."""
import numpy as np


def quantise(x):
    """Per-row symmetric int8: x ~ scale[:, None] * q."""
    scale = np.abs(x).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(x / scale[:, None]), -127, 127).astype(np.int8)
    return scale.astype(np.float32), q


def write_set(path, x):
    scale, q = quantise(np.asarray(x, dtype=np.float32))
    with open(path, "wb") as f:
        f.write(scale.tobytes())
        f.write(q.tobytes())
    return scale[:, None] * q
