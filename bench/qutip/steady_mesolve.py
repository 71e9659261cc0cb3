"""QuTiP reference for `npm run bench`: the collective model of ergocheck (H0 = ω·excitations,
H_d = f Σ_{i≠j} σ+_i σ−_j, collective jumps J− at γ0(n̄+1) and J+ at γ0 n̄, γ0 = 1), integrated
with mesolve from a state file (JSON {"re", "im"} of numbers) over doubling intervals until
‖L(ρ)‖_F < tol. Usage: steady_mesolve.py FILE N BETA OMEGA F TOL. Prints one JSON line:
seconds (after the imports), t_final, residual, W, C_l1."""
import json
import sys
import time

import numpy as np
import qutip as qt


def main():
    path, N, beta, omega, f, tol = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
    # keep tiny entries: QuTiP 4 drops entries below 1e-12 by default, which would fake the residual
    qt.settings.auto_tidyup = False
    t0 = time.perf_counter()
    with open(path) as fh:
        data = json.load(fh)
    rho = np.array(data["re"], dtype=float) + 1j * np.array(data.get("im", np.zeros_like(data["re"])), dtype=float)
    d = 2**N
    # basis index 0 = excited (|1>), as in ergocheck and QuTiP's basis(2, 0)
    sm = qt.Qobj(np.array([[0, 0], [1, 0]]))  # σ− = |g><e| with e = index 0, g = index 1
    ops = [qt.tensor([sm if k == i else qt.qeye(2) for k in range(N)]) for i in range(N)]
    Jm = sum(ops)
    Jp = Jm.dag()
    H0 = omega * sum(o.dag() * o for o in ops)
    H = H0.copy()
    for i in range(N):
        for j in range(N):
            if i != j:
                H += f * ops[i].dag() * ops[j]
    nbar = 1.0 / np.expm1(beta * omega) if beta > 0 else np.inf
    c_ops = [np.sqrt(nbar + 1) * Jm, np.sqrt(nbar) * Jp]
    L = qt.liouvillian(H, c_ops)
    dims = Jm.dims
    state = qt.Qobj(rho, dims=dims)
    opts = qt.Options(atol=1e-14, rtol=1e-12, nsteps=10**7)
    t, dt = 0.0, 1.0
    while True:
        res = qt.mesolve(H, state, [0, dt], c_ops, [], options=opts)
        state = res.states[-1]
        t += dt
        resid = np.linalg.norm((L * qt.operator_to_vector(state)).full())
        if "-v" in sys.argv:
            print(t, resid, file=sys.stderr)
        if resid < tol or t > 1e6:
            break
        dt *= 2
    r = state.full()
    r = (r + r.conj().T) / 2
    evals = np.sort(np.linalg.eigvalsh(r))[::-1]
    levels = np.sort(np.real(np.diag(H0.full())))
    energy = float(np.real(np.trace(r @ H0.full())))
    W = energy - float(np.dot(evals, levels))
    cl1 = float(np.abs(r).sum() - np.abs(np.diag(r)).sum())
    print(json.dumps({"seconds": time.perf_counter() - t0, "t_final": t, "residual": float(resid), "W": W, "Cl1": cl1}))


if __name__ == "__main__":
    main()
