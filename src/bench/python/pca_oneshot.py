#!/usr/bin/python3
"""One-shot peer of `latent-lab pca --k 30`: load the gzipped IDX files, fit PCA by covariance + eigh, print the
test squared error per image for k = 0..d (the whole error curve, as the command computes it) and exit.

The covariance and eigh run in float64 like the command's eigensolver (--f32 for float32, NumPy's faster and less
accurate variant). Times are printed for the fit and the curve; time the whole script from outside for the cold
wall time:  /usr/bin/time -f %e /usr/bin/python3 src/bench/python/pca_oneshot.py --k 30
"""
import argparse
import time

import numpy as np

import idx_data

ap = argparse.ArgumentParser()
ap.add_argument("--k", default="30")
ap.add_argument("--f32", action="store_true")
args = ap.parse_args()

xtr, _ = idx_data.load("train")
xte, _ = idx_data.load("test")
dtype = np.float32 if args.f32 else np.float64
t0 = time.perf_counter()
x = xtr.astype(dtype)
mean = x.mean(axis=0)
xc = x - mean
cov = (xc.T @ xc) / (x.shape[0] - 1)
w, v = np.linalg.eigh(cov)
order = np.argsort(w)[::-1]
w, v = w[order], v[:, order]
print(f"fit_seconds: {time.perf_counter() - t0:.3f} (numpy {np.__version__}, {dtype.__name__})")
t0 = time.perf_counter()
tc = xte.astype(dtype) - mean
scores = tc @ v
# error(k) = |x - mean|^2 - sum_{j<=k} score_j^2, averaged over the test images
curve = (tc * tc).sum(axis=1).mean() - np.concatenate([[0], np.cumsum((scores * scores).mean(axis=0))])
print(f"error_curve_seconds: {time.perf_counter() - t0:.3f}")
print(f"k=0 test_se_per_image: {curve[0]:.3f}")
for k in (int(s) for s in args.k.split(",")):
    print(f"k={k} test_se_per_image: {curve[k]:.3f} explained_variance: {w[:k].sum() / w.sum():.4f}")
