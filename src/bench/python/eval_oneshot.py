#!/usr/bin/python3
"""One-shot peer of `latent-lab eval --model model.llm`: load a saved net a (train_oneshot.py's file) and the
gzipped IDX files, print the test squared error and cross-entropy per image and the 5-NN accuracy of the test codes
against the training codes (scikit-learn's KNeighborsClassifier), exit.

  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 src/bench/python/eval_oneshot.py
"""
import argparse

import torch
import torch.nn.functional as F
from sklearn.neighbors import KNeighborsClassifier

import idx_data
import torch_model

ap = argparse.ArgumentParser()
ap.add_argument("--model", default="/tmp/oneshot-model.pt")
ap.add_argument("--threads", type=int, default=2)
args = ap.parse_args()
torch.set_num_threads(args.threads)

net = torch_model.autoencoder()
net.load_state_dict(torch.load(args.model))
xtr, ytr = idx_data.load("train")
xte, yte = idx_data.load("test")
xtr, xte = torch.from_numpy(xtr), torch.from_numpy(xte)
with torch.no_grad():
    zte = net["encoder"](xte)
    logits = net["decoder"](zte)
    se = ((torch.sigmoid(logits) - xte) ** 2).sum(dim=1).mean().item()
    bce = F.binary_cross_entropy_with_logits(logits, xte, reduction="sum").item() / xte.shape[0]
    ztr = net["encoder"](xtr)
knn = KNeighborsClassifier(n_neighbors=5, n_jobs=args.threads).fit(ztr.numpy(), ytr)
acc = (knn.predict(zte.numpy()) == yte).mean()
print("model: 784-256-64-2")
print(f"test_se_per_image: {se:.4f}")
print(f"test_bce_per_image: {bce:.4f}")
print(f"knn5_accuracy: {acc:.4f}")
