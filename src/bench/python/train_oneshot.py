#!/usr/bin/python3
"""One-shot peer of `latent-lab train --epochs E --out model.llm`: load the gzipped IDX files, train net a
(784-256-64-2, batch 128, Adam 1e-3, BCE summed over pixels) for E epochs on 2 threads, print one line per epoch
(training loss, test squared error per image, seconds, samples/s) as the command does, save the weights, exit.

Run with the OpenMP OpenBLAS (see ../shared/bench/README.md):
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 src/bench/python/train_oneshot.py
"""
import argparse
import time

import torch
import torch.nn.functional as F

import idx_data
import torch_model

ap = argparse.ArgumentParser()
ap.add_argument("--epochs", type=int, default=1)
ap.add_argument("--threads", type=int, default=2)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--out", default="/tmp/oneshot-model.pt")
args = ap.parse_args()
torch.set_num_threads(args.threads)
torch.manual_seed(args.seed)

xtr, _ = idx_data.load("train")
xte, _ = idx_data.load("test")
xtr, xte = torch.from_numpy(xtr), torch.from_numpy(xte)
net = torch_model.autoencoder()
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
n, batch = xtr.shape[0], 128
for epoch in range(1, args.epochs + 1):
    t0 = time.perf_counter()
    order = torch.randperm(n)
    total = 0.0
    for s in range(0, n, batch):
        xb = xtr[order[s:s + batch]]
        logits = net["decoder"](net["encoder"](xb))
        loss = F.binary_cross_entropy_with_logits(logits, xb, reduction="sum") / xb.shape[0]
        opt.zero_grad()
        loss.backward()
        opt.step()
        total += loss.item() * xb.shape[0]
    seconds = time.perf_counter() - t0
    with torch.no_grad():
        rec = torch.sigmoid(net["decoder"](net["encoder"](xte)))
        se = ((rec - xte) ** 2).sum(dim=1).mean().item()
    print(f"epoch {epoch} loss {total / n:.3f} test_se_per_image {se:.3f} seconds {seconds:.2f} "
          f"samples/s {n / seconds:.0f}", flush=True)
torch.save(net.state_dict(), args.out)
print(f"saved {args.out}")
