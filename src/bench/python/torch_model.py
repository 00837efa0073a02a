"""The autoencoder the one-shot peers train and evaluate: Latent Lab's default net a, 784-256-64-2 mirrored, ReLU
hidden layers, a linear code, a sigmoid output (kept as logits: BCE with logits is sigmoid + BCE), PyTorch's
default initialisation."""
import torch.nn as nn


def autoencoder(sizes=(784, 256, 64, 2)):
    def stack(s):
        layers = []
        for i, (a, b) in enumerate(zip(s[:-1], s[1:])):
            layers.append(nn.Linear(a, b))
            if i < len(s) - 2:
                layers.append(nn.ReLU())
        return nn.Sequential(*layers)
    return nn.ModuleDict({"encoder": stack(list(sizes)), "decoder": stack(list(reversed(sizes)))})
