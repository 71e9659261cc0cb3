"""Reference timings for bench/ergotropy.bench.ts: eigenvalues of an exact Hermitian matrix file
at a given number of digits, with mpmath (eighe, values only, no error bound) and python-flint
(Arb: acb_mat.eig, approximate and rigorous). Usage: python3 ergotropy-reference.py FILE DIGITS
[mpmath|arb-approx|arb-rigorous ...]. Prints one JSON line per method: {"method", "seconds"}; a
method whose library is absent prints {"method", "missing": "why"}. Times cover reading the file,
parsing the exact fractions and the eigenvalues, as the ergocheck process does."""
import json
import sys
import time


def read_matrix(path):
    with open(path) as f:
        data = json.load(f)
    re = data["re"]
    im = data.get("im") or [[0] * len(re) for _ in re]
    return re, im


def run_mpmath(path, digits):
    import mpmath

    t0 = time.perf_counter()
    mpmath.mp.dps = digits
    re, im = read_matrix(path)
    n = len(re)
    A = mpmath.matrix(n, n)
    for i in range(n):
        for j in range(n):
            A[i, j] = mpmath.mpc(mpmath.mpmathify(str(re[i][j])), mpmath.mpmathify(str(im[i][j])))
    E = mpmath.eighe(A, eigvals_only=True)
    _ = sorted(float(x) for x in E)
    return time.perf_counter() - t0


def run_arb(path, digits, rigorous):
    import flint

    t0 = time.perf_counter()
    flint.ctx.dps = digits
    re, im = read_matrix(path)
    n = len(re)
    A = flint.acb_mat(n, n)
    for i in range(n):
        for j in range(n):
            A[i, j] = flint.acb(flint.arb(flint.fmpq(*frac(re[i][j]))), flint.arb(flint.fmpq(*frac(im[i][j]))))
    if rigorous:
        E = A.eig(algorithm="rump")
    else:
        E = A.eig(algorithm="approx")
    _ = len(E)
    return time.perf_counter() - t0


def frac(x):
    from fractions import Fraction

    q = Fraction(str(x))
    return (q.numerator, q.denominator)


def main():
    path, digits = sys.argv[1], int(sys.argv[2])
    methods = sys.argv[3:] or ["mpmath", "arb-approx", "arb-rigorous"]
    for m in methods:
        try:
            if m == "mpmath":
                s = run_mpmath(path, digits)
            elif m == "arb-approx":
                s = run_arb(path, digits, False)
            elif m == "arb-rigorous":
                s = run_arb(path, digits, True)
            else:
                raise SystemExit(f"unknown method {m}")
            print(json.dumps({"method": m, "seconds": s}), flush=True)
        except ImportError as e:
            print(json.dumps({"method": m, "missing": str(e)}), flush=True)


main()
