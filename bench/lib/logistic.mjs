// L2-regularised logistic regression on standardised features (Newton steps; a few dozen features at most).

function solve(A, b) {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    const d = M[c][c] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = M[r][c] / d;
      for (let j = c; j <= n; j++) M[r][j] -= k * M[c][j];
    }
  }
  return M.map((row, i) => row[n] / (row[i] || 1e-12));
}

/**
 * rows: [{ features: {name: value}, label: 0|1 }]. Returns { bias, weights, mean, scale } in the shape
 * src/detect/calibrate.ts reads. The bias is not penalised, so with no informative feature the model
 * predicts the (smoothed) base rate.
 */
export function fitLogistic(rows, names, { lambda = 1, iterations = 25 } = {}) {
  const mean = {};
  const scale = {};
  for (const name of names) {
    const xs = rows.map((r) => r.features[name] ?? 0);
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
    mean[name] = m;
    scale[name] = Math.sqrt(v) || 1;
  }
  // A feature (nearly) constant in the fitting data says nothing there, and standardising it would blow up any
  // other value met later.
  const active = names.filter((n) => rows.some((r) => Math.abs((r.features[n] ?? 0) - mean[n]) > 1e-6) && scale[n] >= 0.01);
  for (const n of names) if (!active.includes(n)) scale[n] = 1;
  const X = rows.map((r) => [1, ...active.map((n) => ((r.features[n] ?? 0) - mean[n]) / scale[n])]);
  // One pseudo-positive and one pseudo-negative (Laplace) keep a detector that never hits off exactly 0.
  const y = rows.map((r) => r.label);
  const weight = rows.map((r) => r.weight ?? 1);
  X.push([1, ...active.map(() => 0)], [1, ...active.map(() => 0)]);
  y.push(1, 0);
  weight.push(1, 1);
  const k = active.length + 1;
  let w = new Array(k).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array(k).fill(0);
    const H = Array.from({ length: k }, () => new Array(k).fill(0));
    X.forEach((x, i) => {
      const z = x.reduce((s, xi, j) => s + xi * w[j], 0);
      const p = 1 / (1 + Math.exp(-z));
      const q = weight[i] * p * (1 - p);
      for (let a = 0; a < k; a++) {
        g[a] += weight[i] * (p - y[i]) * x[a];
        for (let b = 0; b < k; b++) H[a][b] += q * x[a] * x[b];
      }
    });
    for (let a = 1; a < k; a++) {
      g[a] += lambda * w[a];
      H[a][a] += lambda;
    }
    const step = solve(H, g);
    w = w.map((wi, j) => wi - step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  const weights = Object.fromEntries(active.map((n, j) => [n, w[j + 1]]));
  return { bias: w[0], weights, mean: Object.fromEntries(active.map((n) => [n, mean[n]])), scale: Object.fromEntries(active.map((n) => [n, scale[n]])) };
}
