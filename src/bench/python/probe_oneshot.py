#!/usr/bin/python3
"""One-shot peer of `latent-lab probe --model model.llm`: load a saved net a (train_oneshot.py's file) and the
gzipped IDX files, encode both sets, fit PCA (covariance + eigh, float64), and for N = 10, 100, 1000 and all
labelled training images (a seeded class-balanced draw) train scikit-learn's LogisticRegression (defaults: C = 1,
lbfgs, 100 iterations; standardised features) on the codes, the raw pixels and the PCA codes of the same size, and
print the three test accuracies per N, as the command does; exit.

  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 src/bench/python/probe_oneshot.py
"""
import argparse
import warnings

import numpy as np
import torch
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import idx_data
import torch_model

ap = argparse.ArgumentParser()
ap.add_argument("--model", default="/tmp/oneshot-model.pt")
ap.add_argument("--labels", default="10,100,1000,all")
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--threads", type=int, default=2)
args = ap.parse_args()
torch.set_num_threads(args.threads)
warnings.filterwarnings("ignore", category=ConvergenceWarning)

net = torch_model.autoencoder()
net.load_state_dict(torch.load(args.model))
xtr, ytr = idx_data.load("train")
xte, yte = idx_data.load("test")
with torch.no_grad():
    ctr = net["encoder"](torch.from_numpy(xtr)).numpy()
    cte = net["encoder"](torch.from_numpy(xte)).numpy()
k = ctr.shape[1]
x64 = xtr.astype(np.float64)
mean = x64.mean(axis=0)
xc = x64 - mean
w, v = np.linalg.eigh((xc.T @ xc) / (x64.shape[0] - 1))
vk = v[:, np.argsort(w)[::-1][:k]]
ptr, pte = xc @ vk, (xte - mean) @ vk
rng = np.random.default_rng(args.seed)


def balanced(count):
    """count training images, as even a share of each class as possible, in a seeded order."""
    if count >= len(ytr):
        return np.arange(len(ytr))
    per = [rng.permutation(np.flatnonzero(ytr == c)) for c in range(10)]
    chosen, i = [], 0
    while len(chosen) < count:
        for p in per:
            if i < len(p) and len(chosen) < count:
                chosen.append(p[i])
        i += 1
    return np.array(chosen)


def accuracy(ftr, fte, idx):
    clf = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=100))
    return (clf.fit(ftr[idx], ytr[idx]).predict(fte) == yte).mean()


for name in args.labels.split(","):
    idx = balanced(len(ytr) if name == "all" else int(name))
    print(f"labels={name} codes_accuracy: {accuracy(ctr, cte, idx):.4f} pixels_accuracy: "
          f"{accuracy(xtr, xte, idx):.4f} pca_accuracy: {accuracy(ptr, pte, idx):.4f}", flush=True)
