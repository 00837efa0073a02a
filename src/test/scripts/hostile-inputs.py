#!/usr/bin/env python3
"""A battery of hostile and odd inputs for Latent Lab's command line (issue 14).

    python3 src/test/scripts/hostile-inputs.py JAR [--work DIR] [--only SUBSTRING] [--xmx 256m] [--timeout 120]

Builds every input into a scratch folder (small subsets of the bundled MNIST, model files made by the jar itself,
then damaged), runs the jar's commands on each under a small heap and sorts the outcome:

  clean       exit 2 with one "error:" line (and, where the case names the true cause, it does)
  misleading  exit 2, but the message does not name the true cause
  warned      exit 0 with a "warning:" line, where a warning is what the case asks for
  silent      exit 0 where the input should have been refused or warned about (or was read wrongly)
  crash       any other exit code, a stack trace, an OutOfMemoryError or an internal error
  hang        no exit within the timeout
  ok          a valid (if odd) input that was read correctly
  refused     a valid (if odd) input that was refused

and prints one line per case and the counts per class. Permission cases run as user nobody when run as root.
Needs only Python 3's standard library.
"""
import argparse
import gzip
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MNIST = ROOT / "datasets" / "mnist"


# ---------------------------------------------------------------------------------------------------------------
# Files

def idx_bytes(type_code, dims, data):
    return bytes([0, 0, type_code, len(dims)]) + b"".join(struct.pack(">I", d & 0xFFFFFFFF) for d in dims) + data


def read_idx(path):
    b = gzip.decompress(path.read_bytes())
    rank = b[3]
    dims = struct.unpack(">" + "I" * rank, b[4:4 + 4 * rank])
    return dims, b[4 + 4 * rank:]


def gz(data, level=6):
    return gzip.compress(data, compresslevel=level, mtime=0)


class Mnist:
    """The first images of the bundled MNIST."""

    def __init__(self, train=300, test=100):
        _, ti = read_idx(MNIST / "train-images-idx3-ubyte.gz")
        _, tl = read_idx(MNIST / "train-labels-idx1-ubyte.gz")
        _, vi = read_idx(MNIST / "t10k-images-idx3-ubyte.gz")
        _, vl = read_idx(MNIST / "t10k-labels-idx1-ubyte.gz")
        self.train_images = ti[:train * 784]
        self.train_labels = tl[:train]
        self.test_images = vi[:test * 784]
        self.test_labels = vl[:test]
        self.n_train = train
        self.n_test = test


def write_folder(folder, files, compress=False):
    """files: name -> bytes; written plain or gzipped (with .gz)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        target = folder / (name + ".gz" if compress else name)
        if target.is_dir() and not target.is_symlink():    # left by an earlier run: a folder, a link, a pipe
            shutil.rmtree(target)
        elif os.path.lexists(target):
            target.unlink()
        target.write_bytes(gz(data) if compress else data)
    return folder


def idx_set(m, rows=28, cols=28, train_images=None, train_labels=None, test_images=None, test_labels=None):
    n, t = m.n_train, m.n_test
    return {
        "train-images-idx3-ubyte": train_images if train_images is not None else idx_bytes(8, [n, rows, cols], m.train_images),
        "train-labels-idx1-ubyte": train_labels if train_labels is not None else idx_bytes(8, [n], m.train_labels),
        "t10k-images-idx3-ubyte": test_images if test_images is not None else idx_bytes(8, [t, rows, cols], m.test_images),
        "t10k-labels-idx1-ubyte": test_labels if test_labels is not None else idx_bytes(8, [t], m.test_labels),
    }


def csv_text(images, labels, d, sep=",", eol="\n", fmt=str):
    lines = []
    for i in range(len(labels)):
        px = images[i * d:(i + 1) * d]
        lines.append(sep.join([str(labels[i])] + [fmt(v) for v in px]))
    return eol.join(lines) + eol


# LLAB (Latent Lab's model container): "LLAB", u16 version, u16 count, sections (u16 name length, name, u32 length,
# body), u32 CRC-32 of everything before it.

def llab_read(b):
    assert b[:4] == b"LLAB"
    version, count = struct.unpack(">HH", b[4:8])
    pos = 8
    sections = []
    for _ in range(count):
        (nl,) = struct.unpack(">H", b[pos:pos + 2])
        name = b[pos + 2:pos + 2 + nl].decode()
        pos += 2 + nl
        (ln,) = struct.unpack(">I", b[pos:pos + 4])
        sections.append([name, b[pos + 4:pos + 4 + ln]])
        pos += 4 + ln
    return version, sections


def llab_write(sections, version=1):
    body = b"LLAB" + struct.pack(">HH", version, len(sections))
    for name, data in sections:
        n = name.encode()
        body += struct.pack(">H", len(n)) + n + struct.pack(">I", len(data)) + data
    return body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def put_string(s):
    b = s.encode()
    return struct.pack(">I", len(b)) + b


def network_section(enc, dec, hidden, code, output, params):
    return (put_string(enc) + put_string(dec) + put_string(hidden) + put_string(code) + put_string(output)
            + struct.pack(">I", len(params) // 4) + params)


def parse_network(body):
    pos = 0
    out = []
    for _ in range(5):
        (n,) = struct.unpack(">I", body[pos:pos + 4])
        out.append(body[pos + 4:pos + 4 + n].decode())
        pos += 4 + n
    (count,) = struct.unpack(">I", body[pos:pos + 4])
    return out, bytearray(body[pos + 4:pos + 4 + 4 * count])


def with_section(sections, name, body):
    return [[n, body if n == name else b] for n, b in sections]


def fix_crc(b):
    return b[:-4] + struct.pack(">I", zlib.crc32(b[:-4]) & 0xFFFFFFFF)


# ---------------------------------------------------------------------------------------------------------------
# Cases

class Case:
    def __init__(self, cls, name, args, expect, cause=None, stdout=None, setup=None, check=None, user=None):
        self.cls = cls            # the class of problem (or "control")
        self.name = name
        self.args = args          # command-line arguments after the jar
        self.expect = expect      # "refuse", "warn", "accept" or "any" (a changed weight: loading it is right too)
        self.cause = cause        # regex the message must match to name the true cause (refuse)
        self.stdout = stdout      # regex the output must match (accept)
        self.setup = setup        # run just before the case
        self.check = check        # f(rc, out, err) -> outcome or None, for cases judged on more than the exit
        self.user = user          # run as this user (permission cases)


CLASSES = {
    "alloc": "2 unbounded allocation",
    "internal": "3 internal errors",
    "suspicious": "4 suspicious data",
    "leftovers": "5 leftovers",
    "messages": "6 misleading messages",
    "corrupt": "  corrupt files (truncated, extended, flipped, extremes)",
    "control": "  valid but odd inputs (must load)",
}


def build(work, m, jar_runner):
    cases = []
    d = 784
    data = work / "data"
    data.mkdir(parents=True, exist_ok=True)

    def folder(name, files, compress=False):
        return str(write_folder(data / name, files, compress))

    def add_data(cls, name, path, expect, cause=None, stdout=None, commands=("inspect",), **kw):
        for c in commands:
            args = {
                "inspect": ["inspect", "--data", path],
                "train": ["train", "--epochs", "1", "--arch", "d-32-2", "--data", path, "--out", str(work / "out" / (name + ".llm"))],
                "pca": ["pca", "--k", "1", "--data", path],
            }[c]
            cases.append(Case(cls, name + " [" + c + "]", args, expect, cause, stdout if c == "inspect" else None, **kw))

    base = idx_set(m)
    good = folder("good", base)
    good_gz = folder("good-gz", base, compress=True)
    n_msg = r"train: %d images" % m.n_train

    # --- controls: odd but valid -------------------------------------------------------------------------------
    add_data("control", "idx-plain", good, "accept", stdout=n_msg, commands=("inspect", "train", "pca"))
    add_data("control", "idx-gzip", good_gz, "accept", stdout=n_msg)
    nsq = {k: v for k, v in base.items()}
    nsq["train-images-idx3-ubyte"] = idx_bytes(8, [m.n_train, 14, 56], m.train_images)
    nsq["t10k-images-idx3-ubyte"] = idx_bytes(8, [m.n_test, 14, 56], m.test_images)
    add_data("control", "idx-non-square-14x56", folder("nonsquare", nsq), "accept", stdout="14 x 56",
             commands=("inspect", "train", "pca"))
    wide = idx_set(m, 1, 784)
    add_data("control", "idx-1x784-images", folder("wide", wide), "accept", stdout="1 x 784", commands=("inspect", "train"))
    dotted = {k.replace("-idx", ".idx"): v for k, v in base.items()}
    add_data("control", "idx-dotted-names", folder("dotted", dotted), "accept", stdout=n_msg)
    # gzip of two members (concatenated): valid gzip
    cat = data / "concat"
    write_folder(cat, base, compress=True)
    ti = base["train-images-idx3-ubyte"]
    (cat / "train-images-idx3-ubyte.gz").write_bytes(gz(ti[:5000]) + gz(ti[5000:]))
    add_data("control", "idx-gzip-two-members", str(cat), "accept", stdout=n_msg)

    train_csv = csv_text(m.train_images, m.train_labels, d)
    test_csv = csv_text(m.test_images, m.test_labels, d)
    header = "label," + ",".join("pixel%d" % j for j in range(d))

    def csv_file(name, text, binary=None, compress=False):
        p = data / name
        raw = binary if binary is not None else text.encode()
        p.write_bytes(gz(raw) if compress else raw)
        return str(p)

    n_all = m.n_train
    all_msg = r"train: %d images" % (n_all - n_all // 7)
    add_data("control", "csv-plain", csv_file("plain.csv", train_csv), "accept", stdout=all_msg,
             commands=("inspect", "train", "pca"))
    add_data("control", "csv-header-crlf", csv_file("crlf.csv", header + "\r\n" + train_csv.replace("\n", "\r\n")),
             "accept", stdout=all_msg)
    add_data("control", "csv-mixed-lf-crlf", csv_file("mixed.csv", "".join(
        l + ("\r\n" if i % 2 else "\n") for i, l in enumerate(train_csv.splitlines()))), "accept", stdout=all_msg)
    add_data("control", "csv-bom-header", csv_file("bom-header.csv", "\ufeff" + header + "\n" + train_csv),
             "accept", stdout=all_msg)
    add_data("control", "csv-bom-no-header", csv_file("bom.csv", "\ufeff" + train_csv), "accept", stdout=all_msg)
    add_data("control", "csv-plus-sign", csv_file("plus.csv", csv_text(m.train_images, m.train_labels, d,
             fmt=lambda v: "+%d" % v)), "accept", stdout=all_msg)
    add_data("control", "csv-minus-zero", csv_file("minus0.csv", csv_text(m.train_images, m.train_labels, d,
             fmt=lambda v: "-0" if v == 0 else str(v))), "accept", stdout=all_msg)
    add_data("control", "csv-exponent-1e2", csv_file("e2.csv", train_csv.replace(",100,", ",1e2,")), "accept",
             stdout=all_msg)
    add_data("control", "csv-fractions", csv_file("unit.csv", csv_text(m.train_images, m.train_labels, d,
             fmt=lambda v: repr(v / 255))), "accept", stdout=all_msg)
    add_data("control", "csv-gzip", csv_file("plain-gz.csv.gz", train_csv, compress=True), "accept", stdout=all_msg)
    (data / "pair").mkdir(exist_ok=True)
    (data / "pair" / "x_train.csv").write_text(train_csv)
    (data / "pair" / "x_test.csv").write_text(test_csv)
    add_data("control", "csv-train-test-pair", str(data / "pair" / "x_train.csv"), "accept", stdout=n_msg)

    # --- 2 unbounded allocation ---------------------------------------------------------------------------------
    claims = data / "gz-claims-2m"
    write_folder(claims, base, compress=True)
    # incompressible: a 3 MB gzip file may hold up to 3 GB, so the claim (1.57 GB) passes the ratio check
    (claims / "train-images-idx3-ubyte.gz").write_bytes(gz(idx_bytes(8, [2_000_000, 28, 28], os.urandom(3 << 20)), 1))
    add_data("alloc", "idx-gzip-header-claims-2M-images-holds-4000", str(claims), "refuse", r"truncat|ends|cut short")
    bomb = data / "gz-bomb"
    zero = bytes(1 << 20)
    if not (bomb / "train-images-idx3-ubyte.gz").exists():   # the large files are made once per work folder
        write_folder(bomb, base, compress=True)
        comp = zlib.compressobj(9, zlib.DEFLATED, 31)
        out = bytearray(comp.compress(idx_bytes(8, [2_000_000, 28, 28], b"")))
        for _ in range(1_600):
            out += comp.compress(zero)
        out += comp.flush()
        (bomb / "train-images-idx3-ubyte.gz").write_bytes(bytes(out))
    add_data("alloc", "idx-gzip-bomb-1.6GB-of-zeros", str(bomb), "refuse", r"memory|heap|large")
    bomb2 = data / "gz-bomb-trailing"
    write_folder(bomb2, base, compress=True)
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = bytearray(comp.compress(base["train-images-idx3-ubyte"]))
    for _ in range(1_000):
        out += comp.compress(zero)
    out += comp.flush()
    (bomb2 / "train-images-idx3-ubyte.gz").write_bytes(bytes(out))
    add_data("alloc", "idx-gzip-bomb-after-valid-data", str(bomb2), "refuse", r"trailing|after")
    def made_once(name, make):
        p = data / name
        if not p.exists():
            with open(p, "wb") as f:
                make(f)
        return str(p)

    def gzip_of(chunk, times):
        def make(f):
            comp = zlib.compressobj(9, zlib.DEFLATED, 31)
            for _ in range(times):
                f.write(comp.compress(chunk))
            f.write(comp.flush())
        return make

    def plain_of(chunk, times):
        def make(f):
            for _ in range(times):
                f.write(chunk)
        return make

    add_data("alloc", "csv-gzip-line-that-never-ends", made_once("neverends.csv", gzip_of(b"0," * (1 << 20), 100)),
             "refuse", r"line|fields|pixel values")
    add_data("alloc", "csv-plain-300MB-line-that-never-ends", made_once("neverends-plain.csv",
             plain_of(b"0," * (1 << 20), 150)), "refuse", r"line|fields|pixel values")
    add_data("alloc", "csv-100MB-field", made_once("digits.csv", plain_of(b"7" * (1 << 20), 100)), "refuse",
             r"field|number")
    line = ("0," + ",".join(["0"] * d) + "\n").encode()
    add_data("alloc", "csv-gzip-bomb-1.3M-images", made_once("bomb.csv", gzip_of(line * 1000, 1_300)), "refuse",
             r"memory|heap|large")
    cases.append(Case("alloc", "model-is-/dev/zero [eval]", ["eval", "--model", "/dev/zero", "--data", good], "refuse",
                      r"regular|device|not a (Latent Lab )?file"))
    cases.append(Case("alloc", "model-is-/dev/urandom [eval]", ["eval", "--model", "/dev/urandom", "--data", good],
                      "refuse", r"regular|device|not a"))
    fifo = work / "fifo.llm"
    if not fifo.exists():
        os.mkfifo(fifo)
    cases.append(Case("alloc", "model-is-a-fifo [eval]", ["eval", "--model", str(fifo), "--data", good], "refuse",
                      r"regular|pipe|not a"))
    idx_fifo = data / "fifo-folder"
    write_folder(idx_fifo, base)
    (idx_fifo / "train-images-idx3-ubyte").unlink()
    os.mkfifo(idx_fifo / "train-images-idx3-ubyte")
    add_data("alloc", "idx-train-images-is-a-fifo", str(idx_fifo), "refuse", r"regular|pipe|not a")
    devz = data / "devzero"
    write_folder(devz, base)
    (devz / "train-images-idx3-ubyte").unlink()
    os.symlink("/dev/zero", devz / "train-images-idx3-ubyte")
    add_data("alloc", "idx-train-images-links-to-/dev/zero", str(devz), "refuse", r"regular|device|not a")
    cases.append(Case("alloc", "train-arch-47M-parameters [train]", ["train", "--epochs", "1", "--arch", "d-30000-2",
                      "--data", good, "--out", str(work / "out" / "huge.llm")], "refuse", r"memory|heap"))
    cases.append(Case("alloc", "train-arch-7-wide-layers [train]", ["train", "--epochs", "1", "--arch",
                      "d-2000-2000-2000-2000-2000-2", "--data", good, "--out", str(work / "out" / "wide.llm")],
                      "refuse", r"memory|heap|limit"))
    cases.append(Case("alloc", "train-batch-65536-huge-net [train]", ["train", "--epochs", "1", "--arch", "d-4000-2",
                      "--batch", "65536", "--data", good, "--out", str(work / "out" / "batch.llm")], "refuse",
                      r"memory|heap"))

    # models made by the jar under test
    models = work / "models"
    models.mkdir(exist_ok=True)
    base_model = models / "base.llm"
    if not base_model.exists():
        jar_runner(["train", "--epochs", "1", "--arch", "d-32-2", "--data", good, "--out", str(base_model)])
    pca_model = models / "pca.llm"
    if not pca_model.exists():
        jar_runner(["pca", "--k", "2", "--data", good, "--out", str(pca_model)])
    vae_model = models / "vae.llm"
    if not vae_model.exists():
        jar_runner(["train", "--epochs", "1", "--vae", "--arch", "d-32-2", "--data", good, "--out", str(vae_model)])
    version, sections = llab_read(base_model.read_bytes())
    names = [n for n, _ in sections]
    net = dict(sections)["network"]
    (enc, dec, hid, code, outact), params = parse_network(net)

    def model(name, secs, raw=None):
        p = models / name
        p.write_bytes(raw if raw is not None else llab_write(secs, version))
        return str(p)

    def add_model(cls, name, path, expect, cause=None, commands=("eval", "encode", "probe")):
        for c in commands:
            args = {
                "eval": ["eval", "--model", path, "--data", good],
                "encode": ["encode", "--model", path, "--data", good, "--out", str(work / "out" / (name + ".csv"))],
                "probe": ["probe", "--model", path, "--data", good, "--labels", "20,all"],
            }[c]
            cases.append(Case(cls, name + " [" + c + "]", args, expect, cause))

    # a big network in a valid file: 31 M parameters, 125 MB
    big = [s for s in sections if s[0] not in ("optimizer",)]
    big_params = (784 * 20000 + 20000 + 20000 * 2 + 2) + (2 * 20000 + 20000 + 20000 * 784 + 784)
    big = with_section(big, "network", network_section("784-20000-2", "2-20000-784", hid, code, outact,
                                                        bytes(4 * big_params)))
    add_model("alloc", "model-31M-parameters-125MB", model("big.llm", big), "refuse", r"memory|heap",
              commands=("eval",))

    # --- 3 internal errors --------------------------------------------------------------------------------------
    def floats_with(values):
        p = bytearray(params)
        for i, v in values:
            p[4 * i:4 * i + 4] = struct.pack(">f", v)
        return bytes(p)

    nan_model = model("nan.llm", with_section(sections, "network",
                                              network_section(enc, dec, hid, code, outact, floats_with([(3, float("nan"))]))))
    add_model("internal", "model-NaN-weight", nan_model, "refuse", r"NaN|not finite|layer")
    inf_model = model("inf.llm", with_section(sections, "network", network_section(
        enc, dec, hid, code, outact, floats_with([(len(params) // 4 - 1, float("inf"))]))))
    add_model("internal", "model-Inf-weight", inf_model, "refuse", r"Inf|not finite|layer", commands=("eval",))
    all_nan = model("allnan.llm", with_section(sections, "network", network_section(
        enc, dec, hid, code, outact, struct.pack(">f", float("nan")) * (len(params) // 4))))
    add_model("internal", "model-all-weights-NaN", all_nan, "refuse", r"NaN|not finite|layer", commands=("eval",))
    # weights so large that codes overflow to infinity and then NaN
    huge = model("huge-weights.llm", with_section(sections, "network", network_section(
        enc, dec, hid, code, outact, floats_with([(i, 3e38) for i in range(0, 784 * 32, 7)]))))
    add_model("suspicious", "model-weights-3e38-codes-overflow", huge, "refuse", r"NaN|not finite|infinite|overflow")

    big_images = data / "large-256x256"
    write_folder(big_images, {
        "train-images-idx3-ubyte": idx_bytes(8, [12, 256, 256], bytes((i * 7) % 251 for i in range(12 * 65536))),
        "train-labels-idx1-ubyte": idx_bytes(8, [12], bytes(i % 3 for i in range(12))),
        "t10k-images-idx3-ubyte": idx_bytes(8, [6, 256, 256], bytes((i * 5) % 253 for i in range(6 * 65536))),
        "t10k-labels-idx1-ubyte": idx_bytes(8, [6], bytes(i % 3 for i in range(6))),
    })
    add_data("internal", "idx-256x256-images", str(big_images), "refuse", r"memory|heap|large|pixels",
             commands=("pca",))
    cases.append(Case("internal", "idx-256x256-images [train]", ["train", "--epochs", "1", "--data", str(big_images),
                      "--out", str(work / "out" / "big-img.llm")], "refuse", r"memory|heap|large|limit"))
    mid_images = data / "large-120x120"
    write_folder(mid_images, {
        "train-images-idx3-ubyte": idx_bytes(8, [40, 120, 120], bytes((i * 7) % 251 for i in range(40 * 14400))),
        "train-labels-idx1-ubyte": idx_bytes(8, [40], bytes(i % 3 for i in range(40))),
        "t10k-images-idx3-ubyte": idx_bytes(8, [6, 120, 120], bytes((i * 5) % 253 for i in range(6 * 14400))),
        "t10k-labels-idx1-ubyte": idx_bytes(8, [6], bytes(i % 3 for i in range(6))),
    })
    add_data("internal", "idx-120x120-images", str(mid_images), "refuse", r"memory|heap|large", commands=("pca",))
    one = idx_set(m, 1, 1, idx_bytes(8, [m.n_train, 1, 1], m.train_images[:m.n_train]), None,
                  idx_bytes(8, [m.n_test, 1, 1], m.test_images[:m.n_test]))
    one_px = folder("one-pixel", one)
    add_data("internal", "idx-1-pixel-images", one_px, "refuse", r"input size d = 1|pixel|1 x 1", commands=("train",))
    add_data("internal", "idx-1-pixel-images", one_px, "accept", commands=("pca",))  # k = 1 = d: trivial, valid
    cases.append(Case("internal", "idx-1-pixel-images [train --arch d-8-1]", ["train", "--epochs", "1", "--arch",
                      "d-8-1", "--data", one_px, "--out", str(work / "out" / "one.llm")], "refuse",
                      r"input size d = 1|pixel"))
    add_data("control", "idx-1-pixel-images", one_px, "accept", stdout="1 x 1")
    one_img = idx_set(m, train_images=idx_bytes(8, [1, 28, 28], m.train_images[:784]),
                      train_labels=idx_bytes(8, [1], m.train_labels[:1]))
    add_data("internal", "idx-one-training-image", folder("one-image", one_img), "any", commands=("train",))
    add_data("internal", "idx-one-training-image", folder("one-image", one_img), "refuse", r"at least 2",
             commands=("pca",))
    cases.append(Case("internal", "idx-one-training-image [eval]", ["eval", "--model", str(base_model), "--data",
                      str(data / "one-image")], "refuse", r"image|at least|neighbour"))
    two_img = idx_set(m, train_images=idx_bytes(8, [2, 28, 28], m.train_images[:2 * 784]),
                      train_labels=idx_bytes(8, [2], m.train_labels[:2]))
    add_data("internal", "idx-two-training-images", folder("two-images", two_img), "accept", commands=("train", "pca"))
    add_model("internal", "pca-model", str(pca_model), "accept")
    add_model("internal", "vae-model", str(vae_model), "accept", commands=("eval",))
    # A model made for 28 x 28 on 14 x 56 data (784 pixels too): allowed? The sizes fit.
    cases.append(Case("internal", "model-on-1x784-data [eval]", ["eval", "--model", str(base_model), "--data",
                      str(data / "wide")], "accept"))
    cases.append(Case("internal", "model-wrong-dimension [eval]", ["eval", "--model", str(base_model), "--data",
                      str(big_images)], "refuse", r"inputs|pixels"))
    cases.append(Case("internal", "train-lr-1e30 [train]", ["train", "--epochs", "1", "--lr", "1e30",
                      "--optimizer", "sgd", "--data", good, "--out", str(work / "out" / "div.llm")], "refuse",
                      r"learning rate"))
    cases.append(Case("internal", "train-batch-larger-than-data [train]", ["train", "--epochs", "1", "--batch", "1000",
                      "--data", good, "--out", str(work / "out" / "b.llm")], "accept"))

    # --- 4 suspicious data --------------------------------------------------------------------------------------
    tl = bytearray(m.test_labels)
    tl[0] = 200
    tl[1] = 57
    tl[2] = 200
    add_data("suspicious", "idx-test-labels-absent-from-training", folder("unseen-labels", idx_set(
        m, test_labels=idx_bytes(8, [m.n_test], bytes(tl)))), "warn", r"200")
    add_data("suspicious", "csv-255f", csv_file("f.csv", train_csv.replace(",255,", ",255f,", 1)), "refuse", r"255f")
    add_data("suspicious", "csv-255d", csv_file("d.csv", train_csv.replace(",255,", ",255d,", 1)), "refuse", r"255d")
    add_data("suspicious", "csv-hex-0x10", csv_file("hex.csv", train_csv.replace(",0,", ",0x10,", 1)), "refuse",
             r"0x10")
    add_data("suspicious", "csv-1e3", csv_file("e3.csv", train_csv.replace(",0,", ",1e3,", 1)), "refuse", r"1e3|1000")
    add_data("suspicious", "csv-NaN-pixel", csv_file("nan.csv", train_csv.replace(",0,", ",NaN,", 1)), "refuse",
             r"NaN")
    add_data("suspicious", "csv-Infinity-pixel", csv_file("inf.csv", train_csv.replace(",0,", ",Infinity,", 1)),
             "refuse", r"Infinity")
    add_data("suspicious", "csv-label-7.5", csv_file("label.csv", "7.5" + train_csv[1:]), "refuse", r"label")
    add_data("suspicious", "csv-label-256", csv_file("label256.csv", "256" + train_csv[1:]), "refuse", r"label")
    add_data("suspicious", "csv-underscore-1_0", csv_file("us.csv", train_csv.replace(",0,", ",1_0,", 1)), "refuse",
             r"1_0")
    gzt = data / "gz-trailing"
    write_folder(gzt, base, compress=True)
    (gzt / "train-images-idx3-ubyte.gz").write_bytes(gz(base["train-images-idx3-ubyte"]) + b"garbage after the end")
    add_data("suspicious", "idx-gzip-trailing-garbage", str(gzt), "refuse", r"after|trailing")
    gzz = data / "gz-trailing-zeros"
    write_folder(gzz, base, compress=True)
    (gzz / "train-images-idx3-ubyte.gz").write_bytes(gz(base["train-images-idx3-ubyte"]) + bytes(4096))
    add_data("suspicious", "idx-gzip-trailing-zero-bytes", str(gzz), "refuse", r"after|trailing")
    gzm = data / "gz-second-member-extra"
    write_folder(gzm, base, compress=True)
    (gzm / "train-images-idx3-ubyte.gz").write_bytes(gz(base["train-images-idx3-ubyte"]) + gz(b"\x00" * 784))
    add_data("suspicious", "idx-gzip-second-member-with-extra-image", str(gzm), "refuse", r"after|trailing")
    add_data("suspicious", "csv-gzip-trailing-garbage", csv_file("gz-trailing.csv", None, gz(train_csv.encode())
                                                                    + b"junk"), "refuse", r"after|trailing")
    add_data("suspicious", "csv-gzip-bad-crc", csv_file("gz-crc.csv", None, (lambda b: b[:-8] + bytes(4) + b[-4:])(
        gz(train_csv.encode()))), "refuse", r"corrupt|CRC|checksum")

    # --- 6 messages ---------------------------------------------------------------------------------------------
    add_data("messages", "csv-CR-only-line-ends", csv_file("cr.csv", train_csv.replace("\n", "\r")), "refuse",
             r"CR|carriage|line end")
    add_data("messages", "csv-CR-and-LF-mixed", csv_file("crlf-mixed.csv", "".join(
        l + ("\r" if i % 3 == 0 else "\n") for i, l in enumerate(train_csv.splitlines()))), "refuse",
             r"CR|carriage|line end")
    add_data("messages", "csv-semicolons", csv_file("semi.csv", train_csv.replace(",", ";")), "refuse", r"';'|semicolon")
    add_data("messages", "csv-tabs", csv_file("tab.csv", train_csv.replace(",", "\t")), "refuse", r"tab")
    add_data("messages", "csv-spaces", csv_file("space.csv", train_csv.replace(",", " ")), "refuse",
             r"space|separat")
    add_data("messages", "csv-semicolon-with-decimal-commas", csv_file("semi-dec.csv", csv_text(
        m.train_images, m.train_labels, d, sep=";", fmt=lambda v: ("%.3f" % (v / 255)).replace(".", ","))), "refuse",
             r"';'|semicolon")
    add_data("messages", "csv-utf16", csv_file("utf16.csv", None, ("\ufeff" + train_csv[:20000]).encode("utf-16-le")),
             "refuse", r"UTF-16|text|encoding")
    add_data("messages", "csv-is-idx-file", csv_file("idx.csv", None, base["train-images-idx3-ubyte"]), "refuse",
             r"binary|not (a )?(CSV|text)|IDX")
    cut = data / "gz-cut"
    write_folder(cut, base, compress=True)
    b = (cut / "train-images-idx3-ubyte.gz").read_bytes()
    (cut / "train-images-idx3-ubyte.gz").write_bytes(b[:len(b) // 2])
    add_data("messages", "idx-gzip-cut-short", str(cut), "refuse", r"truncated|cut short|ends")
    cut2 = data / "gz-cut-trailer"
    write_folder(cut2, base, compress=True)
    b = (cut2 / "train-labels-idx1-ubyte.gz").read_bytes()
    (cut2 / "train-labels-idx1-ubyte.gz").write_bytes(b[:-3])
    add_data("messages", "idx-gzip-cut-in-trailer", str(cut2), "refuse", r"truncated|cut short|ends")
    cut3 = data / "gz-cut-header"
    write_folder(cut3, base, compress=True)
    (cut3 / "train-labels-idx1-ubyte.gz").write_bytes(b[:5])
    add_data("messages", "idx-gzip-cut-in-gzip-header", str(cut3), "refuse", r"truncated|cut short|ends|gzip")
    add_data("messages", "csv-gzip-cut-short", csv_file("cut.csv", None, gz(train_csv.encode())[:3000]), "refuse",
             r"truncated|cut short|ends")
    isdir = data / "train-images-is-a-folder"
    write_folder(isdir, base)
    (isdir / "train-images-idx3-ubyte").unlink()
    (isdir / "train-images-idx3-ubyte").mkdir()
    add_data("messages", "idx-train-images-is-a-folder", str(isdir), "refuse", r"folder|directory")
    loop = data / "symlink-loop-file"
    write_folder(loop, base)
    (loop / "train-images-idx3-ubyte").unlink()
    os.symlink("train-images-idx3-ubyte", loop / "train-images-idx3-ubyte")
    add_data("messages", "idx-train-images-symlink-loop", str(loop), "refuse", r"loop|symbolic link")
    loop2 = data / "loop-a"
    if not os.path.lexists(loop2):
        os.symlink("loop-b", loop2)
        os.symlink("loop-a", data / "loop-b")
    add_data("messages", "data-folder-is-symlink-loop", str(loop2), "refuse", r"loop|symbolic link")
    dangling = data / "dangling"
    write_folder(dangling, base)
    (dangling / "train-images-idx3-ubyte").unlink()
    os.symlink("/nonexistent/file", dangling / "train-images-idx3-ubyte")
    add_data("messages", "idx-train-images-dangling-symlink", str(dangling), "refuse", r"link|nonexistent")
    cases.append(Case("messages", "model-symlink-loop [eval]", ["eval", "--model", str(models / "loop.llm"), "--data",
                      good], "refuse", r"loop|symbolic link"))
    if not os.path.lexists(models / "loop.llm"):
        os.symlink("loop.llm", models / "loop.llm")
    missing = data / "missing-one"
    write_folder(missing, base)
    (missing / "t10k-labels-idx1-ubyte").unlink()
    add_data("messages", "idx-missing-test-labels", str(missing), "refuse", r"t10k-labels")
    add_data("messages", "data-folder-does-not-exist", str(data / "nowhere"), "refuse", r"no such|not exist|not found")
    add_data("messages", "data-is-a-plain-file", str(data / "good" / "train-images-idx3-ubyte"), "refuse",
             r"folder|csv")
    # permission problems (run as nobody when root)
    unreadable = data / "unreadable-folder"
    write_folder(unreadable, base)
    unreadable_file = data / "unreadable-file"
    write_folder(unreadable_file, base)

    def chmod_setup():
        os.chmod(unreadable, 0o000)
        os.chmod(unreadable_file / "train-images-idx3-ubyte", 0o000)
        os.chmod(work, 0o755)
        os.chmod(data, 0o755)
        os.chmod(models, 0o755)
        os.chmod(unreadable_model, 0o000)

    unreadable_model = models / "unreadable.llm"
    shutil.copy(base_model, unreadable_model)
    user = "nobody" if os.geteuid() == 0 else None
    add_data("messages", "data-folder-unreadable", str(unreadable), "refuse", r"permission|denied", setup=chmod_setup,
             user=user)
    add_data("messages", "idx-train-images-unreadable", str(unreadable_file), "refuse", r"permission|denied",
             setup=chmod_setup, user=user)
    cases.append(Case("messages", "model-unreadable [eval]", ["eval", "--model", str(unreadable_model), "--data", good],
                      "refuse", r"permission|denied", setup=chmod_setup, user=user))
    cases.append(Case("messages", "train-diverges-message [train]", ["train", "--epochs", "1", "--lr", "10",
                      "--optimizer", "sgd", "--data", good, "--out", str(work / "out" / "div2.llm")], "refuse",
                      r"^(?!.*press Play).*diverged"))
    cases.append(Case("messages", "model-is-a-folder [eval]", ["eval", "--model", str(models), "--data", good], "refuse",
                      r"folder|directory"))
    cases.append(Case("messages", "model-is-idx-file [eval]", ["eval", "--model", str(data / "good" /
                      "train-labels-idx1-ubyte"), "--data", good], "refuse", r"not a Latent Lab"))
    cases.append(Case("messages", "model-is-empty [eval]", ["eval", "--model", model("empty.llm", None, b""), "--data",
                      good], "refuse", r"empty|not a Latent Lab"))

    # --- 5 leftovers --------------------------------------------------------------------------------------------
    stale_dir = work / "out-stale"

    def stale_setup():
        shutil.rmtree(stale_dir, ignore_errors=True)
        stale_dir.mkdir()
        old = time.time() - 86400
        for name in (".model.llm.1a2b3c4d5e6f7788.tmp", ".other.lesson.ff00.tmp", ".codes.csv.0.tmp"):
            (stale_dir / name).write_bytes(b"half a save")
            os.utime(stale_dir / name, (old, old))
        (stale_dir / ".keep.tmp").write_bytes(b"not ours")       # not the app's pattern
        os.utime(stale_dir / ".keep.tmp", (old, old))
        (stale_dir / "notes.llm.abc.tmp").write_bytes(b"not hidden: not ours")
        os.utime(stale_dir / "notes.llm.abc.tmp", (old, old))

    def stale_check(rc, out, err):
        left = sorted(p.name for p in stale_dir.iterdir())
        ours = [n for n in left if re.fullmatch(r"\..+\.[0-9a-f]+\.tmp", n)]
        if rc != 0:
            return "crash"
        if ours:
            return "silent"
        if ".keep.tmp" not in left or "notes.llm.abc.tmp" not in left:
            return "crash"        # removed files that were not ours
        return "clean"

    cases.append(Case("leftovers", "stale-temp-files-cleaned-on-save [train]", ["train", "--epochs", "1", "--arch", "d-8-2",
                      "--data", good, "--out", str(stale_dir / "model.llm")], "refuse", setup=stale_setup,
                      check=stale_check))
    fresh_dir = work / "out-fresh"

    def fresh_setup():
        shutil.rmtree(fresh_dir, ignore_errors=True)
        fresh_dir.mkdir()
        future = time.time() + 3600                        # a save in progress by another, newer process
        (fresh_dir / ".model.llm.abc.tmp").write_bytes(b"in progress")
        os.utime(fresh_dir / ".model.llm.abc.tmp", (future, future))

    def fresh_check(rc, out, err):
        return "clean" if rc == 0 and (fresh_dir / ".model.llm.abc.tmp").exists() else "crash"

    cases.append(Case("leftovers", "newer-temp-files-kept [train]", ["train", "--epochs", "1", "--arch", "d-8-2", "--data",
                      good, "--out", str(fresh_dir / "model.llm")], "refuse", setup=fresh_setup, check=fresh_check))
    cases.append(Case("leftovers", "kill -9 launcher: child dies, output not written", ["KILL9"], "refuse"))
    cases.append(Case("leftovers", "kill -TERM launcher: child dies, output not written", ["KILLTERM"], "refuse"))

    # --- corrupt: truncated, extended, flipped, header extremes -------------------------------------------------
    ti = base["train-images-idx3-ubyte"]
    tl_ = base["train-labels-idx1-ubyte"]
    for cut_at in (0, 1, 3, 4, 8, 15, 16, 17, len(ti) // 2, len(ti) - 1):
        add_data("corrupt", "idx-images-truncated-at-%d" % cut_at,
                 folder("trunc-%d" % cut_at, idx_set(m, train_images=ti[:cut_at])), "refuse")
    add_data("corrupt", "idx-images-extended-by-1", folder("ext1", idx_set(m, train_images=ti + b"\0")), "refuse")
    add_data("corrupt", "idx-images-extended-by-1-image", folder("ext784", idx_set(m, train_images=ti + bytes(784))),
             "refuse")
    add_data("corrupt", "idx-labels-extended", folder("extl", idx_set(m, train_labels=tl_ + b"\1")), "refuse")
    for pos in range(16):
        b = bytearray(ti)
        b[pos] ^= 0xFF
        add_data("corrupt", "idx-images-byte-%d-flipped" % pos, folder("flip-%d" % pos, idx_set(m, train_images=bytes(b))),
                 "refuse")
    for pos in range(16):
        b = bytearray(gz(ti))
        b[pos if pos < 10 else len(b) // 2 + pos] ^= 0x55
        # bytes 4-9 of a gzip header are the time, extra flags and system: nobody checks them, changing them is harmless
        add_data("corrupt", "idx-gzip-byte-%d-flipped" % (pos if pos < 10 else len(b) // 2 + pos),
                 folder("gzflip-%d" % pos, {**{k + ".gz": gz(v) for k, v in base.items() if k != "train-images-idx3-ubyte"},
                                            "train-images-idx3-ubyte.gz": bytes(b)}), "any" if 4 <= pos <= 9 else "refuse")
    for label, dims in (("count-0", [0, 28, 28]), ("count-1", [1, 28, 28]), ("count-2^31-1", [2**31 - 1, 28, 28]),
                        ("count-negative", [-1, 28, 28]), ("rows-0", [m.n_train, 0, 28]),
                        ("rows-2^31-1", [m.n_train, 2**31 - 1, 1]), ("cols-negative", [m.n_train, 28, -28]),
                        ("all-2^31-1", [2**31 - 1] * 3), ("all-1", [1, 1, 1])):
        add_data("corrupt", "idx-header-%s" % label, folder("hdr-" + label, idx_set(
            m, train_images=idx_bytes(8, dims, m.train_images))), "refuse")
        add_data("corrupt", "idx-gzip-header-%s" % label, folder("gzhdr-" + label, idx_set(
            m, train_images=idx_bytes(8, dims, m.train_images)), compress=True), "refuse")
    for label, data_ in (("rank-0", bytes([0, 0, 8, 0]) + ti[4:]), ("rank-255", bytes([0, 0, 8, 255]) + ti[4:]),
                         ("rank-1", idx_bytes(8, [m.n_train * 784], m.train_images)),
                         ("rank-4", idx_bytes(8, [m.n_train, 28, 28, 1], m.train_images)),
                         ("type-float", idx_bytes(0x0D, [m.n_train // 4, 28, 28], m.train_images[:m.n_train // 4 * 784 * 4])),
                         ("type-0x0A", bytes([0, 0, 0x0A, 3]) + ti[4:])):
        add_data("corrupt", "idx-images-%s" % label, folder("img-" + label, idx_set(m, train_images=data_)), "refuse")
    add_data("corrupt", "idx-labels-rank-2", folder("lab-rank2", idx_set(
        m, train_labels=idx_bytes(8, [m.n_train, 1], m.train_labels))), "refuse")
    add_data("corrupt", "idx-labels-int-negative", folder("lab-neg", idx_set(
        m, train_labels=idx_bytes(0x0C, [m.n_train], b"".join(struct.pack(">i", -1) for _ in range(m.n_train))))),
             "refuse")
    add_data("corrupt", "idx-labels-count-mismatch", folder("lab-count", idx_set(
        m, train_labels=idx_bytes(8, [m.n_train - 1], m.train_labels[:-1]))), "refuse")
    add_data("corrupt", "idx-test-images-other-size", folder("test-size", idx_set(
        m, test_images=idx_bytes(8, [m.n_test // 4, 56, 28], m.test_images[:m.n_test // 4 * 784 * 2]),
        test_labels=idx_bytes(8, [m.n_test // 4], m.test_labels[:m.n_test // 4]))), "refuse")
    add_data("corrupt", "idx-all-files-empty", folder("empty", {k: b"" for k in base}), "refuse")
    add_data("corrupt", "idx-random-bytes", folder("random", {k: os.urandom(1000) for k in base}), "refuse")
    # CSV damage
    lines = train_csv.splitlines()
    add_data("corrupt", "csv-short-line", csv_file("short.csv", "\n".join(lines[:5] + [lines[5][:-4]] + lines[6:]) + "\n"),
             "refuse")
    add_data("corrupt", "csv-empty-field", csv_file("emptyfield.csv", train_csv.replace(",0,", ",,", 1)), "refuse")
    add_data("corrupt", "csv-not-square-783", csv_file("783.csv", "\n".join(l[:l.rfind(",")] for l in lines) + "\n"),
             "refuse")
    add_data("corrupt", "csv-empty-file", csv_file("empty.csv", ""), "refuse")
    add_data("corrupt", "csv-header-only", csv_file("header-only.csv", header + "\n"), "refuse")
    add_data("corrupt", "csv-one-image", csv_file("one.csv", lines[0] + "\n"), "refuse")
    add_data("corrupt", "csv-pixel-256", csv_file("256.csv", train_csv.replace(",0,", ",256,", 1)), "refuse")
    add_data("corrupt", "csv-pixel-negative", csv_file("neg.csv", train_csv.replace(",0,", ",-1,", 1)), "refuse")
    add_data("corrupt", "csv-quoted-fields", csv_file("quoted.csv", train_csv.replace(",0,", ',"0",')), "refuse")
    add_data("corrupt", "csv-nul-bytes", csv_file("nul.csv", train_csv.replace(",0,", ",\0,", 3)), "refuse")
    add_data("corrupt", "csv-truncated-mid-line", csv_file("cutline.csv", train_csv[:len(train_csv) // 2]), "refuse")
    # model damage
    raw = base_model.read_bytes()
    for cut_at in (0, 3, 4, 11, 12, 100, len(raw) // 2, len(raw) - 4, len(raw) - 1):
        add_model("corrupt", "model-truncated-at-%d" % cut_at, model("trunc-%d.llm" % cut_at, None, raw[:cut_at]),
                  "refuse", commands=("eval",))
    add_model("corrupt", "model-extended-by-1", model("ext.llm", None, raw + b"\0"), "refuse", commands=("eval",))
    for pos in (0, 4, 5, 6, 7, 8, 9, 20, len(raw) // 2):
        b = bytearray(raw)
        b[pos] ^= 0xFF
        add_model("corrupt", "model-byte-%d-flipped" % pos, model("flip-%d.llm" % pos, None, bytes(b)), "refuse",
                  commands=("eval",))
        add_model("corrupt", "model-byte-%d-flipped-crc-fixed" % pos, model("flipc-%d.llm" % pos, None,
                                                                            fix_crc(bytes(b))),
                  "any" if pos > 100 else "refuse", commands=("eval",))
    add_model("corrupt", "model-version-2", model("v2.llm", sections, llab_write(sections, 2)), "refuse",
              commands=("eval",))
    add_model("corrupt", "model-version-0", model("v0.llm", sections, llab_write(sections, 0)), "refuse",
              commands=("eval",))
    for sec in names:
        add_model("corrupt", "model-without-%s" % sec, model("no-%s.llm" % sec, [s for s in sections if s[0] != sec]),
                  "accept" if sec in ("optimizer", "sampler", "history", "data") else "refuse", commands=("eval",))
        for label, length in (("0", 0), ("2^31-1", 2**31 - 1), ("-1", 2**32 - 1)):
            body = dict(sections)[sec]
            b = bytearray(body)
            if len(b) >= 4:
                b[0:4] = struct.pack(">I", length)
            # the sampler section starts with the batch-order RNG's state (a long): any value is a valid state
            add_model("corrupt", "model-%s-first-length-%s" % (sec, label),
                      model("len-%s-%s.llm" % (sec, label), with_section(sections, sec, bytes(b))),
                      "any" if sec == "sampler" else "refuse", commands=("eval",))
    for label, spec in (("784-0-2", "784-0-2"), ("784-100000-2", "784-100000-2"), ("empty", ""),
                        ("784--2", "784--2"), ("-1-2", "-1-2"), ("784-2147483647-2", "784-2147483647-2"),
                        ("783-32-2", "783-32-2")):
        add_model("corrupt", "model-arch-%s" % label, model("arch-%s.llm" % label.replace("/", ""), with_section(
            sections, "network", network_section(spec, dec, hid, code, outact, bytes(params)))), "refuse",
                  commands=("eval",))
    add_model("corrupt", "model-activation-unknown", model("act.llm", with_section(
        sections, "network", network_section(enc, dec, "swish", code, outact, bytes(params)))), "refuse",
              commands=("eval",))
    lesson = sections + [["lesson", struct.pack(">I", 1) + put_string("/nonexistent/folder") + struct.pack(">I", 0)]]
    add_model("control", "lesson-file-as-model", model("l.lesson", lesson), "accept", commands=("eval",))
    bad_lesson = sections + [["lesson", struct.pack(">I", 1) + struct.pack(">I", 2**31 - 1)]]
    add_model("corrupt", "lesson-section-length-extreme", model("bad.lesson", bad_lesson), "accept",
              commands=("eval",))  # the CLI does not read the lesson section
    # command-line values at extremes
    for label, args in (("batch-0", ["--batch", "0"]), ("batch-2^31-1", ["--batch", "2147483647"]),
                        ("threads-0", ["--threads", "0"]), ("threads-1000", ["--threads", "1000"]),
                        ("epochs-0", ["--epochs", "0"]), ("lr-NaN", ["--lr", "NaN"]), ("lr-negative", ["--lr", "-1"]),
                        ("lr-Infinity", ["--lr", "Infinity"]), ("beta-NaN", ["--vae", "--beta", "NaN"]),
                        ("corruption-2", ["--corruption", "2"]), ("arch-d-0-2", ["--arch", "d-0-2"]),
                        ("arch-d-2", ["--arch", "d-2"]), ("arch-1-2", ["--arch", "1-2"]),
                        ("max-seconds-NaN", ["--max-seconds", "NaN"]), ("momentum-NaN", ["--momentum", "NaN"]),
                        ("weight-decay-Infinity", ["--weight-decay", "Infinity"])):
        a = ["train", "--epochs", "1", "--arch", "d-8-2", "--data", good, "--out", str(work / "out" / (label + ".llm"))]
        cases.append(Case("corrupt", "train-%s [train]" % label, a + args, "any" if label == "arch-d-2" else "refuse"))
    cases.append(Case("corrupt", "pca-k-0 [pca]", ["pca", "--k", "0", "--data", good], "refuse"))
    cases.append(Case("corrupt", "pca-k-785 [pca]", ["pca", "--k", "785", "--data", good], "refuse"))
    cases.append(Case("corrupt", "pca-k-2^31-1 [pca]", ["pca", "--k", "2147483647", "--data", good], "refuse"))
    cases.append(Case("corrupt", "probe-labels-0 [probe]", ["probe", "--model", str(base_model), "--data", good,
                      "--labels", "0"], "refuse"))
    cases.append(Case("corrupt", "probe-labels-huge [probe]", ["probe", "--model", str(base_model), "--data", good,
                      "--labels", "99999999999"], "refuse"))
    cases.append(Case("corrupt", "encode-out-is-folder [encode]", ["encode", "--model", str(base_model), "--data", good,
                      "--out", str(work)], "refuse"))
    cases.append(Case("corrupt", "encode-out-in-missing-folder [encode]", ["encode", "--model", str(base_model), "--data",
                      good, "--out", str(work / "nope" / "x.csv")], "refuse"))
    return cases


# ---------------------------------------------------------------------------------------------------------------
# Running

STACK = re.compile(r"^\s+at [\w.$]+\(|Exception in thread|OutOfMemoryError|internal error", re.M)


def judge(case, rc, out, err):
    if case.check is not None:
        return case.check(rc, out, err)
    if rc is None:
        return "hang"
    if rc not in (0, 2) or STACK.search(err):
        return "crash"
    if case.expect == "any":
        return "ok" if rc == 0 else "clean"
    if rc == 2:
        if case.expect == "accept":
            return "refused"
        # The cause must be named by the message, not by a file or folder name in it (tab.csv, .../symlink-loop).
        words = re.sub(r"\S*/\S*|[\w.-]+\.(csv|gz|llm|lesson)\b", " ", err)
        if re.search(r"\(null\)|Exception", words) or (case.cause and not re.search(case.cause, words, re.I | re.S)):
            return "misleading"
        return "clean"
    warned = re.search(r"^warning:", err, re.M)
    if case.expect == "accept":
        if case.stdout and not re.search(case.stdout, out):
            return "silent"
        return "ok"
    if case.expect == "warn" and warned and (not case.cause or re.search(case.cause, err)):
        return "warned"
    return "silent"


def kill_case(jar, work, sig, xmx, timeout):
    """Starts a slow training run through the launcher (which relaunches a JVM), kills the launcher, and checks
    that the relaunched JVM dies with it and never writes the output file."""
    out = work / "out" / ("killed-%d.llm" % sig)
    if out.exists():
        out.unlink()
    cmd = ["java", "-Xmx" + xmx, "-jar", jar, "train", "--epochs", "4", "--data", str(MNIST), "--out", str(out)]
    env = dict(os.environ)
    env.pop("LATENTLAB_NO_RELAUNCH", None)
    launcher = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    child = None
    deadline = time.time() + 30
    while time.time() < deadline and child is None:
        time.sleep(0.2)
        kids = subprocess.run(["pgrep", "-P", str(launcher.pid)], capture_output=True, text=True).stdout.split()
        child = int(kids[0]) if kids else None
    if child is None:
        launcher.kill()
        return "crash", "no relaunched JVM seen"
    time.sleep(2)
    os.kill(launcher.pid, sig)
    launcher.wait()
    gone = None
    for i in range(100):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            gone = i * 0.1
            break
        time.sleep(0.1)
    if gone is None:
        # let it run to the end: does it write the output?
        for _ in range(int(timeout)):
            try:
                os.kill(child, 0)
            except ProcessLookupError:
                break
            time.sleep(1)
        else:
            os.kill(child, signal.SIGKILL)
        return ("silent", "child still running 10 s after the launcher died"
                + ("; it wrote the output file" if out.exists() else ""))
    if out.exists():
        return "silent", "child gone after %.1f s but the output was written" % gone
    return "clean", "child gone %.1f s after the launcher" % gone


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("jar")
    ap.add_argument("--work", default="/tmp/hostile-inputs")
    ap.add_argument("--only", default=None)
    ap.add_argument("--xmx", default="256m")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--verbose", "-v", action="store_true")
    a = ap.parse_args()
    jar = str(Path(a.jar).resolve())
    work = Path(a.work).resolve() / Path(jar).parent.parent.name
    (work / "out").mkdir(parents=True, exist_ok=True)
    os.chmod(work / "out", 0o777)
    for p in (work / "data" / "unreadable-folder",):
        if p.exists():
            os.chmod(p, 0o755)

    def run(args, user=None):
        cmd = ["java", "-Xmx" + a.xmx, "-jar", jar] + args
        if user:
            cmd = ["setpriv", "--reuid=" + user, "--regid=nogroup", "--clear-groups"] + cmd
        t0 = time.time()
        # A session of its own, so that a hang is ended with every JVM it started (the relaunched one too).
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace",
                             start_new_session=True)
        try:
            out, err = p.communicate(timeout=a.timeout)
            return p.returncode, out, err, time.time() - t0
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            out, err = p.communicate()
            return None, out or "", err or "", time.time() - t0

    def must(args):
        rc, out, err, _ = run(args)
        if rc != 0:
            sys.exit("could not prepare the battery: %s\n%s%s" % (args, out, err))

    m = Mnist()
    cases = build(work, m, must)
    counts = {}
    for c in cases:
        if a.only and a.only not in c.name and a.only != c.cls:
            continue
        if c.setup:
            c.setup()
        if c.args[0] in ("KILL9", "KILLTERM"):
            t0 = time.time()
            outcome, note = kill_case(jar, work, signal.SIGKILL if c.args[0] == "KILL9" else signal.SIGTERM, a.xmx,
                                      a.timeout)
            rc, out, err, secs = 0, "", note, time.time() - t0
        else:
            rc, out, err, secs = run(c.args, c.user)
            outcome = judge(c, rc, out, err)
        lines = [l for l in err.splitlines() if l.strip() and not l.startswith("WARNING: Using incubator")]
        first = next((l for l in lines if l.startswith(("error:", "warning:", "internal error:"))), lines[0] if lines else "")
        if outcome in ("crash",) and not first:
            first = "exit %s" % rc
        print("%-10s %-10s %-62s %5.1fs  %s" % (c.cls, outcome, c.name[:62], secs, first[:160]), flush=True)
        if a.verbose and outcome in ("crash", "misleading", "silent", "refused"):
            print("    " + "\n    ".join((out + err).splitlines()[:12]))
        counts.setdefault(c.cls, {}).setdefault(outcome, 0)
        counts[c.cls][outcome] += 1
    print()
    print("%-58s %s" % ("class", "outcomes"))
    order = ["ok", "clean", "warned", "misleading", "silent", "refused", "crash", "hang"]
    total = {}
    for cls, label in CLASSES.items():
        if cls in counts:
            row = counts[cls]
            print("%-58s %s" % (label, ", ".join("%s %d" % (k, row[k]) for k in order if k in row)))
            for k, v in row.items():
                total[k] = total.get(k, 0) + v
    print("%-58s %s" % ("all (%d cases)" % sum(total.values()), ", ".join("%s %d" % (k, total[k]) for k in order
                                                                       if k in total)))


if __name__ == "__main__":
    main()
