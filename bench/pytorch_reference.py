"""PyTorch reference for Babysitter's training benchmark.

Trains 784-256-128-10 (batch norm on both hidden layers, ReLU, Adam 1e-3, mini-batch 128,
float32) on Fashion-MNIST when Debian's dataset-fashion-mnist is installed, else on random data
of the same shape, and prints the median samples/second of 3 epochs after one warm-up epoch, then
the inference throughput in eval() mode on the 10,000 test images in chunks of 1,000 rows (as
Babysitter's benchmark measures it), median of 7 passes.

Run with Debian's python3-torch on OpenBLAS (see docs/PERFORMANCE.md):
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread /usr/bin/python3 bench/pytorch_reference.py
"""
import gzip, os, statistics, sys, time
import numpy as np
import torch

torch.set_num_threads(int(os.environ.get("TORCH_THREADS", "1")))
torch.manual_seed(0)
FOLDER = "/usr/share/datasets/fashion-mnist"

def load(part="train", rows=60000):
    path = os.path.join(FOLDER, part + "-images-idx3-ubyte.gz")
    if not os.path.exists(path):
        print("Fashion-MNIST not found; random data of the same shape")
        rng = np.random.default_rng(0)
        return rng.random((rows, 784), dtype=np.float32), rng.integers(0, 10, rows)
    with gzip.open(path) as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784).astype(np.float32) / 255
    with gzip.open(os.path.join(FOLDER, part + "-labels-idx1-ubyte.gz")) as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8).astype(np.int64)
    return x, y

x, y = load()
x, y = torch.from_numpy(x), torch.from_numpy(y)
net = torch.nn.Sequential(
    torch.nn.Linear(784, 256, bias=False), torch.nn.BatchNorm1d(256), torch.nn.ReLU(),
    torch.nn.Linear(256, 128, bias=False), torch.nn.BatchNorm1d(128), torch.nn.ReLU(),
    torch.nn.Linear(128, 10))
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = torch.nn.CrossEntropyLoss()
n, m = x.shape[0], 128

def epoch():
    perm = torch.randperm(n)
    start = time.perf_counter()
    for i in range(0, n, m):
        idx = perm[i:i + m]
        opt.zero_grad()
        loss = loss_fn(net(x[idx]), y[idx])
        loss.backward()
        opt.step()
    return n / (time.perf_counter() - start)

epoch()  # warm-up
rates = [epoch() for _ in range(3)]
print(f"pytorch {torch.__version__} threads={torch.get_num_threads()} "
      f"blas={'openblas-pthread' if 'openblas' in os.environ.get('LD_LIBRARY_PATH', '') else 'default'}: "
      f"median {statistics.median(rates):,.0f} samples/s (epochs: {', '.join(f'{r:,.0f}' for r in rates)})")

xt, yt = load("t10k", 10000)
xt = torch.from_numpy(xt)
net.eval()

def inference():
    start = time.perf_counter()
    with torch.no_grad():
        for i in range(0, xt.shape[0], 1000):
            net(xt[i:i + 1000])
    return xt.shape[0] / (time.perf_counter() - start)

inference()  # warm-up
print(f"pytorch inference: median {statistics.median(inference() for _ in range(7)):,.0f} samples/s")
