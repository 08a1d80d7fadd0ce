// TensorFlow Playground's own network code (src/nn.ts of github.com/tensorflow/playground,
// Apache 2.0, not part of this repository: scripts/bench-playground.sh copies it in from a
// clone you name) on bench_engine's workloads, for the README's Performance table.
import * as nn from "./nn";

declare const process: {version: string, hrtime: {bigint(): bigint}}; // node's, untyped here

// 500 points uniform in [−1, 1]²; target 1 inside the circle of radius 0.6, −1 outside
// (bench_engine's circle(); the points differ, the work does not).
function circle(samples: number): {x: number[], t: number}[] {
  let seed = 2;
  const uniform = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 * 2 - 1;
  };
  const points: {x: number[], t: number}[] = [];
  for (let s = 0; s < samples; ++s) {
    const x = [uniform(), uniform()];
    points.push({x, t: Math.hypot(x[0], x[1]) < 0.6 ? 1 : -1});
  }
  return points;
}

// Runs `work` until `seconds` have passed; returns nanoseconds per call, the fastest of
// `rounds` rounds.
function fastest(work: () => void, seconds: number, rounds: number): number {
  let best = Infinity;
  for (let round = 0; round < rounds; ++round) {
    let calls = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < seconds * 1e9 / rounds) {
      for (let k = 0; k < 100; ++k)
        work();
      calls += 100;
      elapsed = Number(process.hrtime.bigint() - start);
    }
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

// Playground's training step (its app.ts oneStep): a sample forward and back, the weights
// updated every `batch` samples. One call is one epoch; returns ns per sample-step.
function tanhEpoch(hidden: number[]): number {
  const points = circle(500);
  const network = nn.buildNetwork([2, ...hidden, 1], nn.Activations.TANH,
                                  nn.Activations.TANH, null, ["x", "y"], false);
  const batch = 10;
  const epoch = () => {
    points.forEach((point, i) => {
      nn.forwardProp(network, point.x);
      nn.backProp(network, point.t, nn.Errors.SQUARE);
      if ((i + 1) % batch === 0)
        nn.updateWeights(network, 0.03, 0);
    });
  };
  return fastest(epoch, 4, 4) / points.length;
}

// The closest Playground has to two-two-two (it has one output neuron): 2-2-1 sigmoid on
// one sample, updated every step.
function twoTwoOne(): number {
  const network = nn.buildNetwork([2, 2, 1], nn.Activations.SIGMOID, nn.Activations.SIGMOID,
                                  null, ["i1", "i2"], false);
  const iteration = () => {
    nn.forwardProp(network, [0.05, 0.1]);
    nn.backProp(network, 0.01, nn.Errors.SQUARE);
    nn.updateWeights(network, 0.5, 0);
  };
  return fastest(iteration, 4, 4);
}

console.log(`node ${process.version}`);
console.log(`2-2-1 sigmoid, one sample (two-two-two's nearest): ${twoTwoOne().toFixed(0)} ns an iteration`);
console.log(`2-8-8-1 tanh, 500 points, batches of 10: ${tanhEpoch([8, 8]).toFixed(0)} ns per sample-step`);
console.log(`2-64-64-64-1 tanh, same: ${tanhEpoch([64, 64, 64]).toFixed(0)} ns per sample-step`);
