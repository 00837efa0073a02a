"""Reads the gzipped MNIST IDX files the way a one-shot script would: whole files, gunzip, NumPy views.

Pixels come back as float32 in [0, 1] (uint8 / 255), shape (N, rows*cols); labels as int64.
Default folder: datasets/mnist of this repository (three levels above this file); MNIST_DIR overrides it.
"""
import gzip
import os
import struct

import numpy as np

MNIST_DIR = os.environ.get("MNIST_DIR", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     "..", "..", "..", "datasets", "mnist"))


def _read(path):
    for p in (path, path + ".gz"):
        if os.path.exists(p):
            with open(p, "rb") as f:
                raw = f.read()
            data = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
            zero, code, ndim = struct.unpack(">HBB", data[:4])
            assert zero == 0 and code == 0x08, (p, zero, code)
            dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
            return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)
    raise FileNotFoundError(path)


def load(split, directory=MNIST_DIR):
    prefix = "train" if split == "train" else "t10k"
    x = _read(os.path.join(directory, f"{prefix}-images-idx3-ubyte"))
    y = _read(os.path.join(directory, f"{prefix}-labels-idx1-ubyte"))
    return x.reshape(x.shape[0], -1).astype(np.float32) / np.float32(255.0), y.astype(np.int64)
