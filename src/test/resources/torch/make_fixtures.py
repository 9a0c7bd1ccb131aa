"""Makes the PyTorch fixtures of TorchImportTest (run once; the tests do not need torch).

    python3 src/test/resources/torch/make_fixtures.py

Writes src/test/resources/torch/bn-mlp/: the state_dict of a float64
Sequential(Linear(4, 6, bias=False), BatchNorm1d(6), ReLU(), Linear(6, 5), ReLU(), Linear(5, 3)),
trained 20 steps so that its running statistics are not the initial ones, one .npy file per entry,
and into bn-mlp-check/: x.npy (8 inputs) and probs.npy (PyTorch's eval-mode softmax of them).
"""
import os

import numpy as np
import torch

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "bn-mlp")
check = os.path.join(here, "bn-mlp-check")
os.makedirs(out, exist_ok=True)
os.makedirs(check, exist_ok=True)

torch.manual_seed(12)
model = torch.nn.Sequential(
    torch.nn.Linear(4, 6, bias=False), torch.nn.BatchNorm1d(6), torch.nn.ReLU(),
    torch.nn.Linear(6, 5), torch.nn.ReLU(),
    torch.nn.Linear(5, 3),
).double()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x_train = torch.randn(64, 4, dtype=torch.float64) * 2 + 0.5
y_train = torch.randint(0, 3, (64,))
model.train()
for step in range(20):
    batch = slice((step % 4) * 16, (step % 4 + 1) * 16)
    opt.zero_grad()
    loss = torch.nn.functional.cross_entropy(model(x_train[batch]), y_train[batch])
    loss.backward()
    opt.step()

for name, value in model.state_dict().items():
    if name.endswith("num_batches_tracked"):
        continue
    np.save(os.path.join(out, name + ".npy"), value.numpy())

model.eval()
x = torch.randn(8, 4, dtype=torch.float64) * 2 + 0.5
with torch.no_grad():
    probs = torch.softmax(model(x), dim=1)
np.save(os.path.join(check, "x.npy"), x.numpy())
np.save(os.path.join(check, "probs.npy"), probs.numpy())
print("wrote", sorted(os.listdir(out)), sorted(os.listdir(check)))
