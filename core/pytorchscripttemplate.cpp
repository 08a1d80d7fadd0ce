#include "pytorchscripttemplate.h"

namespace backprop::PyTorchScriptTemplate {

const std::string_view header = R"PY(#!/usr/bin/env python3
"""A lesson of Backprop Lab as a PyTorch script.

    python3 THIS_FILE.py --steps N [N ...]

trains N iterations from where the lesson stood when it was exported and prints what
`backprop-lab --headless --steps N` prints from the same state: E_total over the whole
data set, every output and every weight and bias, in float64. Several counts print after
each of them. It needs Python 3 and torch only.
"""
import argparse
import copy
import math
import sys

import torch

torch.set_default_dtype(torch.float64)

)PY";

const std::string_view sampler = R"PY(MASK = (1 << 64) - 1


def rotate_left(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Random:
    """The program's generator (xoshiro256**), so the samples come in the same order."""

    def __init__(self, words):
        self.s = list(words)

    def next(self):
        s = self.s
        result = (rotate_left((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotate_left(s[3], 45)
        return result

    def shuffle(self, values):
        """Fisher–Yates, as the program shuffles an epoch's sample order."""
        for i in range(len(values), 1, -1):
            j = self.next() % i
            values[i - 1], values[j] = values[j], values[i - 1]


class Sampler:
    """Which samples an iteration uses: all of them in their order (full batch), or the
    next batch of an order shuffled at the start of every epoch."""

    def __init__(self, batch_size, random, order, batch_start, iteration, epoch):
        self.batch_size = batch_size
        self.random = random
        self.order = order
        self.batch_start = batch_start
        self.iteration = iteration
        self.epoch = epoch

    def next_batch(self):
        if self.batch_size == SAMPLES:
            return list(range(SAMPLES))
        if self.batch_start == 0:
            self.random.shuffle(self.order)
        end = min(self.batch_start + self.batch_size, SAMPLES)
        return self.order[self.batch_start:end]

    def finish(self, count):
        self.iteration += 1
        self.batch_start += count
        if self.batch_start >= SAMPLES:
            self.batch_start = 0
            self.epoch += 1


)PY";

const std::string_view training = R"PY(

def train_one_iteration():
    """One iteration; False (and nothing changed) when a number is not finite."""
    batch = sampler.next_batch()
    inputs, targets = INPUTS[:, batch], TARGETS[:, batch]
    optimizer.zero_grad()
    error = loss(forward(inputs), targets)  # phases "forward layer 1" … and "loss"
    if not math.isfinite(error.item()):
        print("E_total of iteration %d is not a finite number: training stopped"
              % (sampler.iteration + 1), file=sys.stderr)
        return False
    # Phases "output deltas", "gradients of layer L", "hidden deltas of layer L − 1", …,
    # "gradients of layer 1": autograd applies the chain rule backwards, layer by layer.
    error.backward()
    values = [parameter.detach().clone() for parameter, names in PARAMETERS]
    memory = copy.deepcopy(optimizer.state_dict())
    optimizer.step()  # phase "update"
    if not all(torch.isfinite(parameter).all() for parameter, names in PARAMETERS):
        with torch.no_grad():
            for (parameter, names), value in zip(PARAMETERS, values):
                parameter.copy_(value)
        optimizer.load_state_dict(memory)
        print("the update of iteration %d is not a finite number: training paused before"
              " it, every weight keeps its value" % (sampler.iteration + 1), file=sys.stderr)
        return False
    sampler.finish(len(batch))
    return True


def print_value(name, value, digits):
    if math.isfinite(value):
        print("%s = %.*g" % (name, digits, value))
    else:
        print("# %s is not a finite number" % name)


def print_summary(digits):
    """What `backprop-lab --headless` prints after its iterations."""
    iterations = sampler.iteration
    print("# %s after %d %s" % (LESSON, iterations,
                               "iteration" if iterations == 1 else "iterations"))
    print("iteration = %d" % iterations)
    print("epoch = %d" % sampler.epoch)
    with torch.no_grad():
        outputs = forward(INPUTS)
        print_value("E_total", loss(outputs, TARGETS).item(), digits)
        for sample in range(SAMPLES):
            for row, name in enumerate(OUTPUT_NAMES):
                label = "out_" + name + ("[%d]" % (sample + 1) if SAMPLES > 1 else "")
                print_value(label, outputs[row, sample].item(), digits)
        for parameter, names in PARAMETERS:
            for name, value in zip(names, parameter.detach().reshape(-1).tolist()):
                print_value(name, value, digits)


def main():
    parser = argparse.ArgumentParser(description="Train the exported lesson with torch.")
    parser.add_argument("--steps", type=int, nargs="+", default=[1], metavar="N",
                        help="iterations to train; several counts print after each")
    parser.add_argument("--digits", type=int, default=9, choices=range(1, 18),
                        metavar="DIGITS", help="significant digits printed (default 9)")
    arguments = parser.parse_args()
    if any(b < a for a, b in zip(arguments.steps, arguments.steps[1:])) or \
            arguments.steps[0] < 0:
        parser.error("--steps takes counts of 0 or more, in increasing order")
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    done = 0
    for steps in arguments.steps:
        while done < steps:
            if not train_one_iteration():
                print_summary(arguments.digits)
                return 1
            done += 1
        print_summary(arguments.digits)
    return 0


if __name__ == "__main__":
    sys.exit(main())
)PY";

} // namespace backprop::PyTorchScriptTemplate
