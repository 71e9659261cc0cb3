;; Float64 SIMD kernels: factored Gram matrices and Householder reflections (compiled by
;; scripts/build-wasm.ts into kernels-wasm.ts; loaded by kernels.ts, which documents the layouts). All pointers are byte offsets
;; into the module's memory; a "split" complex row stores its real parts, then (hb bytes later)
;; its imaginary parts. v128 loads need no alignment.
(module
  (memory (export "memory") 1)

  ;; y = U x for a real n × s row-major U and a split complex x: y[a] = Σ_x U[a][x] x[x].
  (func (export "matvec") (param $U i32) (param $n i32) (param $s i32)
        (param $xr i32) (param $xi i32) (param $yr i32) (param $yi i32)
    (local $a i32) (local $row i32) (local $k i32) (local $even i32) (local $u v128)
    (local $accR v128) (local $accI v128) (local $sr f64) (local $si f64) (local $t f64)
    (local.set $even (i32.shl (i32.and (local.get $s) (i32.const -2)) (i32.const 3)))
    (block $adone (loop $al
      (br_if $adone (i32.ge_u (local.get $a) (local.get $n)))
      (local.set $row (i32.add (local.get $U) (i32.shl (i32.mul (local.get $a) (local.get $s)) (i32.const 3))))
      (local.set $accR (v128.const f64x2 0 0))
      (local.set $accI (v128.const f64x2 0 0))
      (local.set $k (i32.const 0))
      (block $kdone (loop $kl
        (br_if $kdone (i32.ge_u (local.get $k) (local.get $even)))
        (local.set $u (v128.load (i32.add (local.get $row) (local.get $k))))
        (local.set $accR (f64x2.add (local.get $accR) (f64x2.mul (local.get $u) (v128.load (i32.add (local.get $xr) (local.get $k))))))
        (local.set $accI (f64x2.add (local.get $accI) (f64x2.mul (local.get $u) (v128.load (i32.add (local.get $xi) (local.get $k))))))
        (local.set $k (i32.add (local.get $k) (i32.const 16)))
        (br $kl)))
      (local.set $sr (f64.add (f64x2.extract_lane 0 (local.get $accR)) (f64x2.extract_lane 1 (local.get $accR))))
      (local.set $si (f64.add (f64x2.extract_lane 0 (local.get $accI)) (f64x2.extract_lane 1 (local.get $accI))))
      (if (i32.and (local.get $s) (i32.const 1)) (then
        (local.set $t (f64.load (i32.add (local.get $row) (local.get $even))))
        (local.set $sr (f64.add (local.get $sr) (f64.mul (local.get $t) (f64.load (i32.add (local.get $xr) (local.get $even))))))
        (local.set $si (f64.add (local.get $si) (f64.mul (local.get $t) (f64.load (i32.add (local.get $xi) (local.get $even))))))))
      (f64.store (i32.add (local.get $yr) (i32.shl (local.get $a) (i32.const 3))) (local.get $sr))
      (f64.store (i32.add (local.get $yi) (i32.shl (local.get $a) (i32.const 3))) (local.get $si))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (br $al))))

  ;; Column-major product: for q in [q0, q1), x < s: T[q][x] = Σ_a V[a][x] F[a][q], where V is
  ;; real n × s row-major, F split complex rows `fstride` bytes apart (imaginary parts fhb bytes
  ;; after the real ones), and T column q stores s real parts at T + q·tstride, then s imaginary
  ;; parts tstride/2 bytes later. Tiles of 8 x (four f64x2 accumulator pairs) per column.
  (func (export "productT") (param $V i32) (param $n i32) (param $s i32) (param $F i32) (param $fstride i32)
        (param $fhb i32) (param $q0 i32) (param $q1 i32) (param $T i32) (param $tstride i32)
    (local $q i32) (local $x i32) (local $a i32) (local $vrow i32) (local $frow i32) (local $rowStep i32)
    (local $tr i32) (local $ti i32) (local $xb i32) (local $fr v128) (local $fi v128) (local $v v128)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128)
    (local $i0 v128) (local $i1 v128) (local $i2 v128) (local $i3 v128)
    (local $sr f64) (local $si f64) (local $u f64)
    (local.set $rowStep (i32.shl (local.get $s) (i32.const 3)))
    ;; blocks of 8 x, all columns per block (the block's n × 8 slice of V stays in cache)
    (block $xdone (loop $xl
      (br_if $xdone (i32.gt_u (i32.add (local.get $x) (i32.const 8)) (local.get $s)))
      (local.set $xb (i32.shl (local.get $x) (i32.const 3)))
      (local.set $q (local.get $q0))
      (block $qdone (loop $ql
        (br_if $qdone (i32.ge_u (local.get $q) (local.get $q1)))
        (local.set $r0 (v128.const f64x2 0 0)) (local.set $r1 (v128.const f64x2 0 0))
        (local.set $r2 (v128.const f64x2 0 0)) (local.set $r3 (v128.const f64x2 0 0))
        (local.set $i0 (v128.const f64x2 0 0)) (local.set $i1 (v128.const f64x2 0 0))
        (local.set $i2 (v128.const f64x2 0 0)) (local.set $i3 (v128.const f64x2 0 0))
        (local.set $vrow (i32.add (local.get $V) (local.get $xb)))
        (local.set $frow (i32.add (local.get $F) (i32.shl (local.get $q) (i32.const 3))))
        (local.set $a (i32.const 0))
        (block $adone (loop $al
          (br_if $adone (i32.ge_u (local.get $a) (local.get $n)))
          (local.set $fr (v128.load64_splat (local.get $frow)))
          (local.set $fi (v128.load64_splat (i32.add (local.get $frow) (local.get $fhb))))
          (local.set $v (v128.load (local.get $vrow)))
          (local.set $r0 (f64x2.add (local.get $r0) (f64x2.mul (local.get $v) (local.get $fr))))
          (local.set $i0 (f64x2.add (local.get $i0) (f64x2.mul (local.get $v) (local.get $fi))))
          (local.set $v (v128.load offset=16 (local.get $vrow)))
          (local.set $r1 (f64x2.add (local.get $r1) (f64x2.mul (local.get $v) (local.get $fr))))
          (local.set $i1 (f64x2.add (local.get $i1) (f64x2.mul (local.get $v) (local.get $fi))))
          (local.set $v (v128.load offset=32 (local.get $vrow)))
          (local.set $r2 (f64x2.add (local.get $r2) (f64x2.mul (local.get $v) (local.get $fr))))
          (local.set $i2 (f64x2.add (local.get $i2) (f64x2.mul (local.get $v) (local.get $fi))))
          (local.set $v (v128.load offset=48 (local.get $vrow)))
          (local.set $r3 (f64x2.add (local.get $r3) (f64x2.mul (local.get $v) (local.get $fr))))
          (local.set $i3 (f64x2.add (local.get $i3) (f64x2.mul (local.get $v) (local.get $fi))))
          (local.set $vrow (i32.add (local.get $vrow) (local.get $rowStep)))
          (local.set $frow (i32.add (local.get $frow) (local.get $fstride)))
          (local.set $a (i32.add (local.get $a) (i32.const 1)))
          (br $al)))
        (local.set $tr (i32.add (i32.add (local.get $T) (i32.mul (local.get $q) (local.get $tstride))) (local.get $xb)))
        (local.set $ti (i32.add (local.get $tr) (i32.shr_u (local.get $tstride) (i32.const 1))))
        (v128.store (local.get $tr) (local.get $r0))
        (v128.store offset=16 (local.get $tr) (local.get $r1))
        (v128.store offset=32 (local.get $tr) (local.get $r2))
        (v128.store offset=48 (local.get $tr) (local.get $r3))
        (v128.store (local.get $ti) (local.get $i0))
        (v128.store offset=16 (local.get $ti) (local.get $i1))
        (v128.store offset=32 (local.get $ti) (local.get $i2))
        (v128.store offset=48 (local.get $ti) (local.get $i3))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $ql)))
      (local.set $x (i32.add (local.get $x) (i32.const 8)))
      (br $xl)))
    ;; the last s mod 8 values of x, one at a time
    (block $tdone (loop $tl
      (br_if $tdone (i32.ge_u (local.get $x) (local.get $s)))
      (local.set $xb (i32.shl (local.get $x) (i32.const 3)))
      (local.set $q (local.get $q0))
      (block $qdone2 (loop $ql2
        (br_if $qdone2 (i32.ge_u (local.get $q) (local.get $q1)))
        (local.set $sr (f64.const 0))
        (local.set $si (f64.const 0))
        (local.set $vrow (i32.add (local.get $V) (local.get $xb)))
        (local.set $frow (i32.add (local.get $F) (i32.shl (local.get $q) (i32.const 3))))
        (local.set $a (i32.const 0))
        (block $bdone (loop $bl
          (br_if $bdone (i32.ge_u (local.get $a) (local.get $n)))
          (local.set $u (f64.load (local.get $vrow)))
          (local.set $sr (f64.add (local.get $sr) (f64.mul (local.get $u) (f64.load (local.get $frow)))))
          (local.set $si (f64.add (local.get $si) (f64.mul (local.get $u) (f64.load (i32.add (local.get $frow) (local.get $fhb))))))
          (local.set $vrow (i32.add (local.get $vrow) (local.get $rowStep)))
          (local.set $frow (i32.add (local.get $frow) (local.get $fstride)))
          (local.set $a (i32.add (local.get $a) (i32.const 1)))
          (br $bl)))
        (local.set $tr (i32.add (i32.add (local.get $T) (i32.mul (local.get $q) (local.get $tstride))) (local.get $xb)))
        (f64.store (local.get $tr) (local.get $sr))
        (f64.store (i32.add (local.get $tr) (i32.shr_u (local.get $tstride) (i32.const 1))) (local.get $si))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $ql2)))
      (local.set $x (i32.add (local.get $x) (i32.const 1)))
      (br $tl))))

  ;; Q[x][q] = T[q][x] for x < s, q < cols: T as written by productT (column stride tstride bytes),
  ;; Q split complex rows of `width` columns (stride 16·width bytes).
  (func (export "transpose") (param $T i32) (param $tstride i32) (param $s i32) (param $cols i32) (param $Q i32) (param $width i32)
    (local $q i32) (local $x i32) (local $src i32) (local $dst i32) (local $half i32) (local $hb i32) (local $qstride i32)
    (local.set $half (i32.shr_u (local.get $tstride) (i32.const 1)))
    (local.set $hb (i32.shl (local.get $width) (i32.const 3)))
    (local.set $qstride (i32.shl (local.get $hb) (i32.const 1)))
    (block $qdone (loop $ql
      (br_if $qdone (i32.ge_u (local.get $q) (local.get $cols)))
      (local.set $src (i32.add (local.get $T) (i32.mul (local.get $q) (local.get $tstride))))
      (local.set $dst (i32.add (local.get $Q) (i32.shl (local.get $q) (i32.const 3))))
      (local.set $x (i32.const 0))
      (block $xdone (loop $xl
        (br_if $xdone (i32.ge_u (local.get $x) (local.get $s)))
        (f64.store (local.get $dst) (f64.load (local.get $src)))
        (f64.store (i32.add (local.get $dst) (local.get $hb)) (f64.load (i32.add (local.get $src) (local.get $half))))
        (local.set $src (i32.add (local.get $src) (i32.const 8)))
        (local.set $dst (i32.add (local.get $dst) (local.get $qstride)))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $xl)))
      (local.set $q (i32.add (local.get $q) (i32.const 1)))
      (br $ql))))

  ;; [|a| , |b|] for a = Σ lanes of ar + i Σ lanes of ai, b likewise (called once per 2 × 2 tile,
  ;; pairs of entries; V8 does not inline wasm calls, so the tile makes the call rare)
  (func $moduli (param $ar v128) (param $br v128) (param $ai v128) (param $bi v128) (result v128)
    (local $re v128) (local $im v128)
    (local.set $re (f64x2.add (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $ar) (local.get $br))
                              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $ar) (local.get $br))))
    (local.set $im (f64x2.add (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $ai) (local.get $bi))
                              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $ai) (local.get $bi))))
    (f64x2.sqrt (f64x2.add (f64x2.mul (local.get $re) (local.get $re)) (f64x2.mul (local.get $im) (local.get $im)))))

  ;; |Σ_r Q[x][r] conj(Q[y][r])| for rows at byte offsets px, py (hb bytes of real parts each)
  (func $entry (param $px i32) (param $py i32) (param $hb i32) (result f64)
    (local $k i32) (local $re v128) (local $im v128) (local $ar v128) (local $ai v128) (local $br v128) (local $bi v128)
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $k) (local.get $hb)))
      (local.set $ar (v128.load (i32.add (local.get $px) (local.get $k))))
      (local.set $ai (v128.load (i32.add (local.get $px) (i32.add (local.get $k) (local.get $hb)))))
      (local.set $br (v128.load (i32.add (local.get $py) (local.get $k))))
      (local.set $bi (v128.load (i32.add (local.get $py) (i32.add (local.get $k) (local.get $hb)))))
      (local.set $re (f64x2.add (local.get $re) (f64x2.add (f64x2.mul (local.get $ar) (local.get $br)) (f64x2.mul (local.get $ai) (local.get $bi)))))
      (local.set $im (f64x2.add (local.get $im) (f64x2.sub (f64x2.mul (local.get $ai) (local.get $br)) (f64x2.mul (local.get $ar) (local.get $bi)))))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br $l)))
    (f64x2.extract_lane 0 (call $moduli (local.get $re) (local.get $re) (local.get $im) (local.get $im))))

  ;; Σ_{x<y} |(Q Q†)[x][y]| for s split complex rows of Rp (even) columns at Q, stride 16·Rp bytes.
  ;; Rows are taken in pairs against pairs: a 2 × 2 tile keeps 8 accumulators in registers.
  (func (export "offdiagAbsSum") (param $Q i32) (param $s i32) (param $Rp i32) (result f64)
    (local $stride i32) (local $hb i32) (local $x i32) (local $y i32) (local $sum f64) (local $sumv v128)
    (local $px0 i32) (local $px1 i32) (local $py0 i32) (local $py1 i32) (local $k i32)
    (local $a0r v128) (local $a0i v128) (local $a1r v128) (local $a1i v128) (local $br v128) (local $bi v128)
    (local $c00r v128) (local $c00i v128) (local $c01r v128) (local $c01i v128)
    (local $c10r v128) (local $c10i v128) (local $c11r v128) (local $c11i v128)
    (local.set $hb (i32.shl (local.get $Rp) (i32.const 3)))
    (local.set $stride (i32.shl (local.get $hb) (i32.const 1)))
    (block $xdone (loop $xl
      (br_if $xdone (i32.ge_u (i32.add (local.get $x) (i32.const 1)) (local.get $s)))
      (local.set $px0 (i32.add (local.get $Q) (i32.mul (local.get $x) (local.get $stride))))
      (local.set $px1 (i32.add (local.get $px0) (local.get $stride)))
      (local.set $sum (f64.add (local.get $sum) (call $entry (local.get $px0) (local.get $px1) (local.get $hb))))
      (local.set $y (i32.add (local.get $x) (i32.const 2)))
      (block $ydone (loop $yl
        (br_if $ydone (i32.ge_u (i32.add (local.get $y) (i32.const 1)) (local.get $s)))
        (local.set $py0 (i32.add (local.get $Q) (i32.mul (local.get $y) (local.get $stride))))
        (local.set $py1 (i32.add (local.get $py0) (local.get $stride)))
        (local.set $c00r (v128.const f64x2 0 0)) (local.set $c00i (v128.const f64x2 0 0))
        (local.set $c01r (v128.const f64x2 0 0)) (local.set $c01i (v128.const f64x2 0 0))
        (local.set $c10r (v128.const f64x2 0 0)) (local.set $c10i (v128.const f64x2 0 0))
        (local.set $c11r (v128.const f64x2 0 0)) (local.set $c11i (v128.const f64x2 0 0))
        (local.set $k (i32.const 0))
        (block $kdone (loop $kl
          (br_if $kdone (i32.ge_u (local.get $k) (local.get $hb)))
          (local.set $a0r (v128.load (i32.add (local.get $px0) (local.get $k))))
          (local.set $a0i (v128.load (i32.add (local.get $px0) (i32.add (local.get $k) (local.get $hb)))))
          (local.set $a1r (v128.load (i32.add (local.get $px1) (local.get $k))))
          (local.set $a1i (v128.load (i32.add (local.get $px1) (i32.add (local.get $k) (local.get $hb)))))
          (local.set $br (v128.load (i32.add (local.get $py0) (local.get $k))))
          (local.set $bi (v128.load (i32.add (local.get $py0) (i32.add (local.get $k) (local.get $hb)))))
          (local.set $c00r (f64x2.add (local.get $c00r) (f64x2.add (f64x2.mul (local.get $a0r) (local.get $br)) (f64x2.mul (local.get $a0i) (local.get $bi)))))
          (local.set $c00i (f64x2.add (local.get $c00i) (f64x2.sub (f64x2.mul (local.get $a0i) (local.get $br)) (f64x2.mul (local.get $a0r) (local.get $bi)))))
          (local.set $c10r (f64x2.add (local.get $c10r) (f64x2.add (f64x2.mul (local.get $a1r) (local.get $br)) (f64x2.mul (local.get $a1i) (local.get $bi)))))
          (local.set $c10i (f64x2.add (local.get $c10i) (f64x2.sub (f64x2.mul (local.get $a1i) (local.get $br)) (f64x2.mul (local.get $a1r) (local.get $bi)))))
          (local.set $br (v128.load (i32.add (local.get $py1) (local.get $k))))
          (local.set $bi (v128.load (i32.add (local.get $py1) (i32.add (local.get $k) (local.get $hb)))))
          (local.set $c01r (f64x2.add (local.get $c01r) (f64x2.add (f64x2.mul (local.get $a0r) (local.get $br)) (f64x2.mul (local.get $a0i) (local.get $bi)))))
          (local.set $c01i (f64x2.add (local.get $c01i) (f64x2.sub (f64x2.mul (local.get $a0i) (local.get $br)) (f64x2.mul (local.get $a0r) (local.get $bi)))))
          (local.set $c11r (f64x2.add (local.get $c11r) (f64x2.add (f64x2.mul (local.get $a1r) (local.get $br)) (f64x2.mul (local.get $a1i) (local.get $bi)))))
          (local.set $c11i (f64x2.add (local.get $c11i) (f64x2.sub (f64x2.mul (local.get $a1i) (local.get $br)) (f64x2.mul (local.get $a1r) (local.get $bi)))))
          (local.set $k (i32.add (local.get $k) (i32.const 16)))
          (br $kl)))
        ;; moduli of the four entries, two per vector: lanes summed by shuffling the pairs together
        (local.set $sumv (f64x2.add (local.get $sumv) (call $moduli (local.get $c00r) (local.get $c01r) (local.get $c00i) (local.get $c01i))))
        (local.set $sumv (f64x2.add (local.get $sumv) (call $moduli (local.get $c10r) (local.get $c11r) (local.get $c10i) (local.get $c11i))))
        (local.set $y (i32.add (local.get $y) (i32.const 2)))
        (br $yl)))
      ;; one column y left over
      (if (i32.lt_u (local.get $y) (local.get $s)) (then
        (local.set $py0 (i32.add (local.get $Q) (i32.mul (local.get $y) (local.get $stride))))
        (local.set $sum (f64.add (local.get $sum)
          (f64.add (call $entry (local.get $px0) (local.get $py0) (local.get $hb)) (call $entry (local.get $px1) (local.get $py0) (local.get $hb)))))))
      (local.set $x (i32.add (local.get $x) (i32.const 2)))
      (br $xl)))
    (f64.add (local.get $sum) (f64.add (f64x2.extract_lane 0 (local.get $sumv)) (f64x2.extract_lane 1 (local.get $sumv)))))

  ;; B ← (I − τ v v†) B on `len` split complex rows of m (even) columns at B (stride 16m bytes):
  ;; w = v† B (split, m, at w), then B −= τ v w. v split: len real parts at v, then len imaginary.
  (func (export "reflect") (param $B i32) (param $m i32) (param $len i32) (param $v i32) (param $tau f64) (param $w i32)
    (local $hb i32) (local $stride i32) (local $q i32) (local $c i32) (local $row i32) (local $vq i32)
    (local $cr v128) (local $ci v128) (local $br v128) (local $bi v128) (local $wr v128) (local $wi v128)
    (local.set $hb (i32.shl (local.get $m) (i32.const 3)))
    (local.set $stride (i32.shl (local.get $hb) (i32.const 1)))
    ;; w = 0
    (local.set $c (i32.const 0))
    (block $zdone (loop $zl
      (br_if $zdone (i32.ge_u (local.get $c) (local.get $hb)))
      (v128.store (i32.add (local.get $w) (local.get $c)) (v128.const f64x2 0 0))
      (v128.store (i32.add (local.get $w) (i32.add (local.get $c) (local.get $hb))) (v128.const f64x2 0 0))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (br $zl)))
    ;; w += conj(v_q) B[q]
    (local.set $q (i32.const 0))
    (block $qdone (loop $ql
      (br_if $qdone (i32.ge_u (local.get $q) (local.get $len)))
      (local.set $vq (i32.add (local.get $v) (i32.shl (local.get $q) (i32.const 3))))
      (local.set $cr (v128.load64_splat (local.get $vq)))
      (local.set $ci (v128.load64_splat (i32.add (local.get $vq) (i32.shl (local.get $len) (i32.const 3)))))
      (local.set $row (i32.add (local.get $B) (i32.mul (local.get $q) (local.get $stride))))
      (local.set $c (i32.const 0))
      (block $cdone (loop $cl
        (br_if $cdone (i32.ge_u (local.get $c) (local.get $hb)))
        (local.set $br (v128.load (i32.add (local.get $row) (local.get $c))))
        (local.set $bi (v128.load (i32.add (local.get $row) (i32.add (local.get $c) (local.get $hb)))))
        ;; (cr − i ci)(br + i bi) = cr br + ci bi + i(cr bi − ci br)
        (v128.store (i32.add (local.get $w) (local.get $c))
          (f64x2.add (v128.load (i32.add (local.get $w) (local.get $c)))
                     (f64x2.add (f64x2.mul (local.get $cr) (local.get $br)) (f64x2.mul (local.get $ci) (local.get $bi)))))
        (v128.store (i32.add (local.get $w) (i32.add (local.get $c) (local.get $hb)))
          (f64x2.add (v128.load (i32.add (local.get $w) (i32.add (local.get $c) (local.get $hb))))
                     (f64x2.sub (f64x2.mul (local.get $cr) (local.get $bi)) (f64x2.mul (local.get $ci) (local.get $br)))))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $cl)))
      (local.set $q (i32.add (local.get $q) (i32.const 1)))
      (br $ql)))
    ;; B[q] −= τ v_q w
    (local.set $q (i32.const 0))
    (block $q2done (loop $q2l
      (br_if $q2done (i32.ge_u (local.get $q) (local.get $len)))
      (local.set $vq (i32.add (local.get $v) (i32.shl (local.get $q) (i32.const 3))))
      (local.set $cr (f64x2.splat (f64.mul (local.get $tau) (f64.load (local.get $vq)))))
      (local.set $ci (f64x2.splat (f64.mul (local.get $tau) (f64.load (i32.add (local.get $vq) (i32.shl (local.get $len) (i32.const 3)))))))
      (local.set $row (i32.add (local.get $B) (i32.mul (local.get $q) (local.get $stride))))
      (local.set $c (i32.const 0))
      (block $c2done (loop $c2l
        (br_if $c2done (i32.ge_u (local.get $c) (local.get $hb)))
        (local.set $wr (v128.load (i32.add (local.get $w) (local.get $c))))
        (local.set $wi (v128.load (i32.add (local.get $w) (i32.add (local.get $c) (local.get $hb)))))
        ;; (cr + i ci)(wr + i wi) = cr wr − ci wi + i(cr wi + ci wr)
        (v128.store (i32.add (local.get $row) (local.get $c))
          (f64x2.sub (v128.load (i32.add (local.get $row) (local.get $c)))
                     (f64x2.sub (f64x2.mul (local.get $cr) (local.get $wr)) (f64x2.mul (local.get $ci) (local.get $wi)))))
        (v128.store (i32.add (local.get $row) (i32.add (local.get $c) (local.get $hb)))
          (f64x2.sub (v128.load (i32.add (local.get $row) (i32.add (local.get $c) (local.get $hb))))
                     (f64x2.add (f64x2.mul (local.get $cr) (local.get $wi)) (f64x2.mul (local.get $ci) (local.get $wr)))))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $c2l)))
      (local.set $q (i32.add (local.get $q) (i32.const 1)))
      (br $q2l))))

  ;; M = Q Q† (s × s) for s split complex rows of Rp (even) columns at Q (stride 16·Rp bytes):
  ;; the real parts at Mr, the imaginary parts at Mi (row-major, stride 8s bytes), both triangles.
  (func (export "gram") (param $Q i32) (param $s i32) (param $Rp i32) (param $Mr i32) (param $Mi i32)
    (local $stride i32) (local $hb i32) (local $x i32) (local $y i32) (local $k i32)
    (local $px i32) (local $py i32) (local $re v128) (local $im v128)
    (local $ar v128) (local $ai v128) (local $br v128) (local $bi v128) (local $vr f64) (local $vi f64)
    (local $xy i32) (local $yx i32)
    (local.set $hb (i32.shl (local.get $Rp) (i32.const 3)))
    (local.set $stride (i32.shl (local.get $hb) (i32.const 1)))
    (block $xdone (loop $xl
      (br_if $xdone (i32.ge_u (local.get $x) (local.get $s)))
      (local.set $px (i32.add (local.get $Q) (i32.mul (local.get $x) (local.get $stride))))
      (local.set $y (local.get $x))
      (block $ydone (loop $yl
        (br_if $ydone (i32.ge_u (local.get $y) (local.get $s)))
        (local.set $py (i32.add (local.get $Q) (i32.mul (local.get $y) (local.get $stride))))
        (local.set $re (v128.const f64x2 0 0))
        (local.set $im (v128.const f64x2 0 0))
        (local.set $k (i32.const 0))
        (block $kdone (loop $kl
          (br_if $kdone (i32.ge_u (local.get $k) (local.get $hb)))
          (local.set $ar (v128.load (i32.add (local.get $px) (local.get $k))))
          (local.set $ai (v128.load (i32.add (local.get $px) (i32.add (local.get $k) (local.get $hb)))))
          (local.set $br (v128.load (i32.add (local.get $py) (local.get $k))))
          (local.set $bi (v128.load (i32.add (local.get $py) (i32.add (local.get $k) (local.get $hb)))))
          (local.set $re (f64x2.add (local.get $re) (f64x2.add (f64x2.mul (local.get $ar) (local.get $br)) (f64x2.mul (local.get $ai) (local.get $bi)))))
          (local.set $im (f64x2.add (local.get $im) (f64x2.sub (f64x2.mul (local.get $ai) (local.get $br)) (f64x2.mul (local.get $ar) (local.get $bi)))))
          (local.set $k (i32.add (local.get $k) (i32.const 16)))
          (br $kl)))
        (local.set $vr (f64.add (f64x2.extract_lane 0 (local.get $re)) (f64x2.extract_lane 1 (local.get $re))))
        (local.set $vi (f64.add (f64x2.extract_lane 0 (local.get $im)) (f64x2.extract_lane 1 (local.get $im))))
        (local.set $xy (i32.shl (i32.add (i32.mul (local.get $x) (local.get $s)) (local.get $y)) (i32.const 3)))
        (local.set $yx (i32.shl (i32.add (i32.mul (local.get $y) (local.get $s)) (local.get $x)) (i32.const 3)))
        (f64.store (i32.add (local.get $Mr) (local.get $xy)) (local.get $vr))
        (f64.store (i32.add (local.get $Mr) (local.get $yx)) (local.get $vr))
        (if (i32.eq (local.get $x) (local.get $y))
          (then (f64.store (i32.add (local.get $Mi) (local.get $xy)) (f64.const 0)))
          (else
            (f64.store (i32.add (local.get $Mi) (local.get $xy)) (local.get $vi))
            (f64.store (i32.add (local.get $Mi) (local.get $yx)) (f64.neg (local.get $vi)))))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $yl)))
      (local.set $x (i32.add (local.get $x) (i32.const 1)))
      (br $xl))))

  ;; C += A B for row-major float64 matrices: A m × k at A (rows `arow` slots apart, arow ≥ k, so
  ;; A may be a block of a wider matrix), B k × n at B, C m × n at C (C must not overlap A or B). Entry (i, j) becomes ((C[i][j] + A[i][0]·B[0][j]) + A[i][1]·B[1][j]) + …, each
  ;; product rounded and then added in increasing p (f64x2.mul, then f64x2.add; never fused, never
  ;; reassociated): the order of the naive triple loop, so the result is bit-identical to it and
  ;; exact whenever the inputs and every partial sum are integers below 2^53. Tiles of 4 rows × 4
  ;; columns of C stay in eight f64x2 locals through the whole p loop; the edges take 4 × 2 tiles,
  ;; single rows (1 × 4, 1 × 2) and single entries.
  (func (export "matmulAdd") (param $A i32) (param $B i32) (param $C i32) (param $m i32) (param $k i32) (param $n i32)
        (param $arow i32)
    (local $lda i32) (local $ldb i32) (local $kb i32) (local $i i32) (local $j i32) (local $r i32) (local $rows i32)
    (local $a i32) (local $c i32)
    (local.set $lda (i32.shl (local.get $arow) (i32.const 3)))
    (local.set $ldb (i32.shl (local.get $n) (i32.const 3)))
    (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
    (block $idone (loop $il
      (br_if $idone (i32.ge_u (local.get $i) (local.get $m)))
      ;; four rows while four remain, then one at a time
      (local.set $rows (select (i32.const 4) (i32.const 1) (i32.le_u (i32.add (local.get $i) (i32.const 4)) (local.get $m))))
      (local.set $a (i32.add (local.get $A) (i32.mul (local.get $i) (local.get $lda))))
      (local.set $c (i32.add (local.get $C) (i32.mul (local.get $i) (local.get $ldb))))
      (local.set $j (i32.const 0))
      (block $jdone (loop $jl
        (br_if $jdone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $n)))
        (if (i32.eq (local.get $rows) (i32.const 4))
          (then (call $tile4x4 (local.get $a) (i32.add (local.get $B) (i32.shl (local.get $j) (i32.const 3)))
                  (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))) (local.get $lda) (local.get $ldb) (local.get $kb)))
          (else (call $tile1x4 (local.get $a) (i32.add (local.get $B) (i32.shl (local.get $j) (i32.const 3)))
                  (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))) (local.get $lda) (local.get $ldb) (local.get $kb))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $jl)))
      (if (i32.le_u (i32.add (local.get $j) (i32.const 2)) (local.get $n)) (then
        (if (i32.eq (local.get $rows) (i32.const 4))
          (then (call $tile4x2 (local.get $a) (i32.add (local.get $B) (i32.shl (local.get $j) (i32.const 3)))
                  (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))) (local.get $lda) (local.get $ldb) (local.get $kb)))
          (else (call $tile1x2 (local.get $a) (i32.add (local.get $B) (i32.shl (local.get $j) (i32.const 3)))
                  (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))) (local.get $lda) (local.get $ldb) (local.get $kb))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))))
      ;; an odd last column: one entry per row
      (if (i32.lt_u (local.get $j) (local.get $n)) (then
        (local.set $r (i32.const 0))
        (block $rdone (loop $rl
          (br_if $rdone (i32.ge_u (local.get $r) (local.get $rows)))
          (call $tile1x1 (i32.add (local.get $a) (i32.mul (local.get $r) (local.get $lda)))
            (i32.add (local.get $B) (i32.shl (local.get $j) (i32.const 3)))
            (i32.add (i32.add (local.get $c) (i32.mul (local.get $r) (local.get $ldb))) (i32.shl (local.get $j) (i32.const 3)))
            (local.get $lda) (local.get $ldb) (local.get $kb))
          (local.set $r (i32.add (local.get $r) (i32.const 1)))
          (br $rl)))))
      (local.set $i (i32.add (local.get $i) (local.get $rows)))
      (br $il))))

  ;; The tiles of matmulAdd: a = A[i][0], b = B[0][j], c = C[i][j] (byte offsets); lda (8·arow) and
  ;; ldb = 8n are the row strides of A and of B, C; kb = 8k is the length of a row of A used. Each p step reads B[p][j…] and splats A[·][p].
  (func $tile4x4 (param $a i32) (param $b i32) (param $c i32) (param $lda i32) (param $ldb i32) (param $kb i32)
    (local $end i32) (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32)
    (local $x00 v128) (local $x01 v128) (local $x10 v128) (local $x11 v128)
    (local $x20 v128) (local $x21 v128) (local $x30 v128) (local $x31 v128)
    (local $b0 v128) (local $b1 v128) (local $s v128)
    (local.set $c1 (i32.add (local.get $c) (local.get $ldb)))
    (local.set $c2 (i32.add (local.get $c1) (local.get $ldb)))
    (local.set $c3 (i32.add (local.get $c2) (local.get $ldb)))
    (local.set $x00 (v128.load (local.get $c))) (local.set $x01 (v128.load offset=16 (local.get $c)))
    (local.set $x10 (v128.load (local.get $c1))) (local.set $x11 (v128.load offset=16 (local.get $c1)))
    (local.set $x20 (v128.load (local.get $c2))) (local.set $x21 (v128.load offset=16 (local.get $c2)))
    (local.set $x30 (v128.load (local.get $c3))) (local.set $x31 (v128.load offset=16 (local.get $c3)))
    (local.set $a1 (i32.add (local.get $a) (local.get $lda)))
    (local.set $a2 (i32.add (local.get $a1) (local.get $lda)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $lda)))
    (local.set $end (i32.add (local.get $a) (local.get $kb)))
    (block $done (loop $pl
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (local.set $b0 (v128.load (local.get $b)))
      (local.set $b1 (v128.load offset=16 (local.get $b)))
      (local.set $s (v128.load64_splat (local.get $a)))
      (local.set $x00 (f64x2.add (local.get $x00) (f64x2.mul (local.get $s) (local.get $b0))))
      (local.set $x01 (f64x2.add (local.get $x01) (f64x2.mul (local.get $s) (local.get $b1))))
      (local.set $s (v128.load64_splat (local.get $a1)))
      (local.set $x10 (f64x2.add (local.get $x10) (f64x2.mul (local.get $s) (local.get $b0))))
      (local.set $x11 (f64x2.add (local.get $x11) (f64x2.mul (local.get $s) (local.get $b1))))
      (local.set $s (v128.load64_splat (local.get $a2)))
      (local.set $x20 (f64x2.add (local.get $x20) (f64x2.mul (local.get $s) (local.get $b0))))
      (local.set $x21 (f64x2.add (local.get $x21) (f64x2.mul (local.get $s) (local.get $b1))))
      (local.set $s (v128.load64_splat (local.get $a3)))
      (local.set $x30 (f64x2.add (local.get $x30) (f64x2.mul (local.get $s) (local.get $b0))))
      (local.set $x31 (f64x2.add (local.get $x31) (f64x2.mul (local.get $s) (local.get $b1))))
      (local.set $a (i32.add (local.get $a) (i32.const 8)))
      (local.set $a1 (i32.add (local.get $a1) (i32.const 8)))
      (local.set $a2 (i32.add (local.get $a2) (i32.const 8)))
      (local.set $a3 (i32.add (local.get $a3) (i32.const 8)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br $pl)))
    (v128.store (local.get $c) (local.get $x00)) (v128.store offset=16 (local.get $c) (local.get $x01))
    (v128.store (local.get $c1) (local.get $x10)) (v128.store offset=16 (local.get $c1) (local.get $x11))
    (v128.store (local.get $c2) (local.get $x20)) (v128.store offset=16 (local.get $c2) (local.get $x21))
    (v128.store (local.get $c3) (local.get $x30)) (v128.store offset=16 (local.get $c3) (local.get $x31)))

  (func $tile4x2 (param $a i32) (param $b i32) (param $c i32) (param $lda i32) (param $ldb i32) (param $kb i32)
    (local $end i32) (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $b0 v128)
    (local.set $c1 (i32.add (local.get $c) (local.get $ldb)))
    (local.set $c2 (i32.add (local.get $c1) (local.get $ldb)))
    (local.set $c3 (i32.add (local.get $c2) (local.get $ldb)))
    (local.set $x0 (v128.load (local.get $c)))
    (local.set $x1 (v128.load (local.get $c1)))
    (local.set $x2 (v128.load (local.get $c2)))
    (local.set $x3 (v128.load (local.get $c3)))
    (local.set $a1 (i32.add (local.get $a) (local.get $lda)))
    (local.set $a2 (i32.add (local.get $a1) (local.get $lda)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $lda)))
    (local.set $end (i32.add (local.get $a) (local.get $kb)))
    (block $done (loop $pl
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (local.set $b0 (v128.load (local.get $b)))
      (local.set $x0 (f64x2.add (local.get $x0) (f64x2.mul (v128.load64_splat (local.get $a)) (local.get $b0))))
      (local.set $x1 (f64x2.add (local.get $x1) (f64x2.mul (v128.load64_splat (local.get $a1)) (local.get $b0))))
      (local.set $x2 (f64x2.add (local.get $x2) (f64x2.mul (v128.load64_splat (local.get $a2)) (local.get $b0))))
      (local.set $x3 (f64x2.add (local.get $x3) (f64x2.mul (v128.load64_splat (local.get $a3)) (local.get $b0))))
      (local.set $a (i32.add (local.get $a) (i32.const 8)))
      (local.set $a1 (i32.add (local.get $a1) (i32.const 8)))
      (local.set $a2 (i32.add (local.get $a2) (i32.const 8)))
      (local.set $a3 (i32.add (local.get $a3) (i32.const 8)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br $pl)))
    (v128.store (local.get $c) (local.get $x0))
    (v128.store (local.get $c1) (local.get $x1))
    (v128.store (local.get $c2) (local.get $x2))
    (v128.store (local.get $c3) (local.get $x3)))

  (func $tile1x4 (param $a i32) (param $b i32) (param $c i32) (param $lda i32) (param $ldb i32) (param $kb i32)
    (local $end i32) (local $x0 v128) (local $x1 v128) (local $s v128)
    (local.set $x0 (v128.load (local.get $c)))
    (local.set $x1 (v128.load offset=16 (local.get $c)))
    (local.set $end (i32.add (local.get $a) (local.get $kb)))
    (block $done (loop $pl
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (local.set $s (v128.load64_splat (local.get $a)))
      (local.set $x0 (f64x2.add (local.get $x0) (f64x2.mul (local.get $s) (v128.load (local.get $b)))))
      (local.set $x1 (f64x2.add (local.get $x1) (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $b)))))
      (local.set $a (i32.add (local.get $a) (i32.const 8)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br $pl)))
    (v128.store (local.get $c) (local.get $x0))
    (v128.store offset=16 (local.get $c) (local.get $x1)))

  (func $tile1x2 (param $a i32) (param $b i32) (param $c i32) (param $lda i32) (param $ldb i32) (param $kb i32)
    (local $end i32) (local $x0 v128)
    (local.set $x0 (v128.load (local.get $c)))
    (local.set $end (i32.add (local.get $a) (local.get $kb)))
    (block $done (loop $pl
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (local.set $x0 (f64x2.add (local.get $x0) (f64x2.mul (v128.load64_splat (local.get $a)) (v128.load (local.get $b)))))
      (local.set $a (i32.add (local.get $a) (i32.const 8)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br $pl)))
    (v128.store (local.get $c) (local.get $x0)))

  (func $tile1x1 (param $a i32) (param $b i32) (param $c i32) (param $lda i32) (param $ldb i32) (param $kb i32)
    (local $end i32) (local $x f64)
    (local.set $x (f64.load (local.get $c)))
    (local.set $end (i32.add (local.get $a) (local.get $kb)))
    (block $done (loop $pl
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (local.set $x (f64.add (local.get $x) (f64.mul (f64.load (local.get $a)) (f64.load (local.get $b)))))
      (local.set $a (i32.add (local.get $a) (i32.const 8)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br $pl)))
    (f64.store (local.get $c) (local.get $x)))

  ;; The loops of a sliced fixed-point product (src/numeric/sliced-fixed.ts, which holds the JavaScript
  ;; reference of each): operand preparation, Gauss's combination, carries. Every value is an integer
  ;; below 2^53 and every operation the reference's own f64 operation in its order, so the results
  ;; are bit-identical to it. Offsets are bytes; nb = 8·n² is the bytes of one n × n matrix.

  ;; One slice of the left operands: for i, j < n, with x + iy = A[i][j] (conj = 0) or conj(A[j][i])
  ;; (A's real parts n × n row-major at re, imaginary parts at im), dst + i·row + 8j gets x, block
  ;; bytes later y, 2·block bytes later x + y.
  (func (export "slicePrepLeft") (param $re i32) (param $im i32) (param $dst i32) (param $block i32)
        (param $n i32) (param $row i32) (param $conj i32)
    (local $i i32) (local $j i32) (local $src i32) (local $step i32) (local $d i32) (local $x f64) (local $y f64)
    ;; the source walks row i (8 bytes a step) or, conjugated, column i (8n bytes a step)
    (local.set $step (select (i32.shl (local.get $n) (i32.const 3)) (i32.const 8) (local.get $conj)))
    (block $idone (loop $il
      (br_if $idone (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $src (i32.shl (select (local.get $i) (i32.mul (local.get $i) (local.get $n)) (local.get $conj)) (i32.const 3)))
      (local.set $d (i32.add (local.get $dst) (i32.mul (local.get $i) (local.get $row))))
      (local.set $j (i32.const 0))
      (block $jdone (loop $jl
        (br_if $jdone (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $x (f64.load (i32.add (local.get $re) (local.get $src))))
        (local.set $y (f64.load (i32.add (local.get $im) (local.get $src))))
        (local.set $y (select (f64.neg (local.get $y)) (local.get $y) (local.get $conj)))
        (f64.store (local.get $d) (local.get $x))
        (f64.store (i32.add (local.get $d) (local.get $block)) (local.get $y))
        (f64.store (i32.add (local.get $d) (i32.shl (local.get $block) (i32.const 1))) (f64.add (local.get $x) (local.get $y)))
        (local.set $src (i32.add (local.get $src) (local.get $step)))
        (local.set $d (i32.add (local.get $d) (i32.const 8)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $jl)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $il))))

  ;; One slice of the right operands: count entries of re to dst, of im to dst + block, and their
  ;; sums re + im to dst + 2·block.
  (func (export "slicePrepRight") (param $re i32) (param $im i32) (param $dst i32) (param $block i32) (param $count i32)
    (local $p i32) (local $end i32) (local $pairs i32) (local $x v128) (local $y v128) (local $a f64) (local $b f64)
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $end) (i32.const -16)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $p) (local.get $pairs)))
      (local.set $x (v128.load (i32.add (local.get $re) (local.get $p))))
      (local.set $y (v128.load (i32.add (local.get $im) (local.get $p))))
      (v128.store (i32.add (local.get $dst) (local.get $p)) (local.get $x))
      (v128.store (i32.add (i32.add (local.get $dst) (local.get $block)) (local.get $p)) (local.get $y))
      (v128.store (i32.add (i32.add (local.get $dst) (i32.shl (local.get $block) (i32.const 1))) (local.get $p)) (f64x2.add (local.get $x) (local.get $y)))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br $l)))
    (if (i32.lt_u (local.get $p) (local.get $end)) (then
      (local.set $a (f64.load (i32.add (local.get $re) (local.get $p))))
      (local.set $b (f64.load (i32.add (local.get $im) (local.get $p))))
      (f64.store (i32.add (local.get $dst) (local.get $p)) (local.get $a))
      (f64.store (i32.add (i32.add (local.get $dst) (local.get $block)) (local.get $p)) (local.get $b))
      (f64.store (i32.add (i32.add (local.get $dst) (i32.shl (local.get $block) (i32.const 1))) (local.get $p)) (f64.add (local.get $a) (local.get $b))))))

  ;; Gauss's combination in place for levels u = 1 … U, level u at levels + u·width holding T1, T2,
  ;; T3 (count entries each, nb = 8·count bytes apart): T1 ← T1 − T2, T2 ← (T3 − T1) − T2.
  (func (export "sliceGauss") (param $levels i32) (param $width i32) (param $U i32) (param $count i32)
    (local $u i32) (local $c i32) (local $p i32) (local $nb i32) (local $pairs i32)
    (local $t1 v128) (local $t2 v128) (local $a f64) (local $b f64)
    (local.set $nb (i32.shl (local.get $count) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $nb) (i32.const -16)))
    (local.set $u (i32.const 1))
    (block $udone (loop $ul
      (br_if $udone (i32.gt_u (local.get $u) (local.get $U)))
      (local.set $c (i32.add (local.get $levels) (i32.mul (local.get $u) (local.get $width))))
      (local.set $p (i32.const 0))
      (block $done (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $pairs)))
        (local.set $t1 (v128.load (local.get $c)))
        (local.set $t2 (v128.load (i32.add (local.get $c) (local.get $nb))))
        (v128.store (local.get $c) (f64x2.sub (local.get $t1) (local.get $t2)))
        (v128.store (i32.add (local.get $c) (local.get $nb))
          (f64x2.sub (f64x2.sub (v128.load (i32.add (local.get $c) (i32.shl (local.get $nb) (i32.const 1)))) (local.get $t1)) (local.get $t2)))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $l)))
      (if (i32.lt_u (local.get $p) (local.get $nb)) (then
        (local.set $a (f64.load (local.get $c)))
        (local.set $b (f64.load (i32.add (local.get $c) (local.get $nb))))
        (f64.store (local.get $c) (f64.sub (local.get $a) (local.get $b)))
        (f64.store (i32.add (local.get $c) (local.get $nb))
          (f64.sub (f64.sub (f64.load (i32.add (local.get $c) (i32.shl (local.get $nb) (i32.const 1)))) (local.get $a)) (local.get $b)))))
      (local.set $u (i32.add (local.get $u) (i32.const 1)))
      (br $ul))))

  ;; The carry of levels U … 1 into K slices (the reference: carryLevels in sliced-fixed.ts). Level
  ;; u holds real parts at levels + u·width and imaginary parts nb bytes later (count entries
  ;; each); slice s of the result goes to out + (s − 1)·nb (real) and out + (K + s − 1)·nb
  ;; (imaginary), max |digit| of slice s to maxAbs + 8(s − 1); carry is scratch for 2·count.
  ;; Levels u ≤ K keep the balanced digit v − c·2^20 of v = level + carry, where the carry
  ;; c = (v·2^-20 + 1.5·2^52) − 1.5·2^52 is v/2^20 rounded to nearest; level 1 keeps all of v;
  ;; levels above K only pass their carry on. Returns 1 when such a level dropped a nonzero digit,
  ;; 2 when level 1 reached 2^53 (the value outgrew its leading slice), else 0.
  (func (export "sliceCarry") (param $levels i32) (param $width i32) (param $U i32) (param $count i32) (param $K i32)
        (param $out i32) (param $carry i32) (param $maxAbs i32) (result i32)
    (local $nb i32) (local $u i32) (local $part i32) (local $src i32) (local $cy i32) (local $dst i32) (local $p i32)
    (local $lost i32) (local $v f64) (local $c f64) (local $digit f64) (local $max f64)
    (local.set $nb (i32.shl (local.get $count) (i32.const 3)))
    ;; zero the carries, the maxima, and (when U < K) the slices no level reaches
    (local.set $p (i32.const 0))
    (block $z1 (loop $zl1
      (br_if $z1 (i32.ge_u (local.get $p) (i32.shl (local.get $nb) (i32.const 1))))
      (f64.store (i32.add (local.get $carry) (local.get $p)) (f64.const 0))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (br $zl1)))
    (local.set $p (i32.const 0))
    (block $z2 (loop $zl2
      (br_if $z2 (i32.ge_u (local.get $p) (i32.shl (local.get $K) (i32.const 3))))
      (f64.store (i32.add (local.get $maxAbs) (local.get $p)) (f64.const 0))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (br $zl2)))
    (local.set $u (i32.add (local.get $U) (i32.const 1)))
    (block $z3 (loop $zl3
      (br_if $z3 (i32.gt_u (local.get $u) (local.get $K)))
      (local.set $part (i32.const 0))
      (block $z4 (loop $zl4
        (br_if $z4 (i32.ge_u (local.get $part) (i32.const 2)))
        (local.set $dst (i32.add (local.get $out)
          (i32.mul (i32.sub (i32.add (i32.mul (local.get $part) (local.get $K)) (local.get $u)) (i32.const 1)) (local.get $nb))))
        (local.set $p (i32.const 0))
        (block $z5 (loop $zl5
          (br_if $z5 (i32.ge_u (local.get $p) (local.get $nb)))
          (f64.store (i32.add (local.get $dst) (local.get $p)) (f64.const 0))
          (local.set $p (i32.add (local.get $p) (i32.const 8)))
          (br $zl5)))
        (local.set $part (i32.add (local.get $part) (i32.const 1)))
        (br $zl4)))
      (local.set $u (i32.add (local.get $u) (i32.const 1)))
      (br $zl3)))
    ;; level by level from the least significant
    (local.set $u (local.get $U))
    (block $udone (loop $ul
      (br_if $udone (i32.eqz (local.get $u)))
      (local.set $max (f64.const 0))
      (local.set $part (i32.const 0))
      (block $pdone (loop $pl
        (br_if $pdone (i32.ge_u (local.get $part) (i32.const 2)))
        (local.set $src (i32.add (i32.add (local.get $levels) (i32.mul (local.get $u) (local.get $width))) (i32.mul (local.get $part) (local.get $nb))))
        (local.set $cy (i32.add (local.get $carry) (i32.mul (local.get $part) (local.get $nb))))
        (local.set $dst (i32.add (local.get $out)
          (i32.mul (i32.sub (i32.add (i32.mul (local.get $part) (local.get $K)) (local.get $u)) (i32.const 1)) (local.get $nb))))
        (local.set $p (i32.const 0))
        (if (i32.eq (local.get $u) (i32.const 1))
          (then
            (block $d1 (loop $l1
              (br_if $d1 (i32.ge_u (local.get $p) (local.get $nb)))
              (local.set $v (f64.add (f64.load (i32.add (local.get $src) (local.get $p))) (f64.load (i32.add (local.get $cy) (local.get $p)))))
              (f64.store (i32.add (local.get $dst) (local.get $p)) (local.get $v))
              (local.set $max (f64.max (local.get $max) (f64.abs (local.get $v))))
              (local.set $p (i32.add (local.get $p) (i32.const 8)))
              (br $l1))))
          (else (if (i32.le_u (local.get $u) (local.get $K))
            (then
              (block $d2 (loop $l2
                (br_if $d2 (i32.ge_u (local.get $p) (local.get $nb)))
                (local.set $v (f64.add (f64.load (i32.add (local.get $src) (local.get $p))) (f64.load (i32.add (local.get $cy) (local.get $p)))))
                (local.set $c (f64.sub (f64.add (f64.mul (local.get $v) (f64.const 0x1p-20)) (f64.const 0x1.8p52)) (f64.const 0x1.8p52)))
                (f64.store (i32.add (local.get $cy) (local.get $p)) (local.get $c))
                (local.set $digit (f64.sub (local.get $v) (f64.mul (local.get $c) (f64.const 0x1p20))))
                (f64.store (i32.add (local.get $dst) (local.get $p)) (local.get $digit))
                (local.set $max (f64.max (local.get $max) (f64.abs (local.get $digit))))
                (local.set $p (i32.add (local.get $p) (i32.const 8)))
                (br $l2))))
            (else
              (block $d3 (loop $l3
                (br_if $d3 (i32.ge_u (local.get $p) (local.get $nb)))
                (local.set $v (f64.add (f64.load (i32.add (local.get $src) (local.get $p))) (f64.load (i32.add (local.get $cy) (local.get $p)))))
                (local.set $c (f64.sub (f64.add (f64.mul (local.get $v) (f64.const 0x1p-20)) (f64.const 0x1.8p52)) (f64.const 0x1.8p52)))
                (f64.store (i32.add (local.get $cy) (local.get $p)) (local.get $c))
                (local.set $lost (i32.or (local.get $lost) (f64.ne (local.get $v) (f64.mul (local.get $c) (f64.const 0x1p20)))))
                (local.set $p (i32.add (local.get $p) (i32.const 8)))
                (br $l3)))))))
        (local.set $part (i32.add (local.get $part) (i32.const 1)))
        (br $pl)))
      (if (i32.le_u (local.get $u) (local.get $K))
        (then (f64.store (i32.add (local.get $maxAbs) (i32.shl (i32.sub (local.get $u) (i32.const 1)) (i32.const 3))) (local.get $max))))
      (if (i32.and (i32.eq (local.get $u) (i32.const 1)) (i32.eqz (f64.lt (local.get $max) (f64.const 0x1p53))))
        (then (return (i32.const 2))))
      (local.set $u (i32.sub (local.get $u) (i32.const 1)))
      (br $ul)))
    (local.get $lost))

  ;; Move a level's content up by whole units of 2^20 (the reference: flushLevel in sliced-fixed.ts):
  ;; for count entries, c = (v·2^-20 + 1.5·2^52) − 1.5·2^52 of v = at[e]; at[e] ← v − c·2^20,
  ;; up[e] ← up[e] + c. Returns max |c|.
  (func (export "sliceFlush") (param $at i32) (param $up i32) (param $count i32) (result f64)
    (local $p i32) (local $end i32) (local $v f64) (local $c f64) (local $max f64)
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $v (f64.load (i32.add (local.get $at) (local.get $p))))
      (local.set $c (f64.sub (f64.add (f64.mul (local.get $v) (f64.const 0x1p-20)) (f64.const 0x1.8p52)) (f64.const 0x1.8p52)))
      (f64.store (i32.add (local.get $at) (local.get $p)) (f64.sub (local.get $v) (f64.mul (local.get $c) (f64.const 0x1p20))))
      (f64.store (i32.add (local.get $up) (local.get $p)) (f64.add (f64.load (i32.add (local.get $up) (local.get $p))) (local.get $c)))
      (local.set $max (f64.max (local.get $max) (f64.abs (local.get $c))))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (br $l)))
    (local.get $max))

  ;; dst[e] ← dst[e] + sign·src[e] for count entries (the digit sums of a sliced A ± B).
  (func (export "sliceAccumulate") (param $src i32) (param $dst i32) (param $count i32) (param $sign f64)
    (local $p i32) (local $end i32) (local $pairs i32) (local $s2 v128)
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $end) (i32.const -16)))
    (local.set $s2 (f64x2.splat (local.get $sign)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $p) (local.get $pairs)))
      (v128.store (i32.add (local.get $dst) (local.get $p))
        (f64x2.add (v128.load (i32.add (local.get $dst) (local.get $p))) (f64x2.mul (local.get $s2) (v128.load (i32.add (local.get $src) (local.get $p))))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br $l)))
    (if (i32.lt_u (local.get $p) (local.get $end)) (then
      (f64.store (i32.add (local.get $dst) (local.get $p))
        (f64.add (f64.load (i32.add (local.get $dst) (local.get $p))) (f64.mul (local.get $sign) (f64.load (i32.add (local.get $src) (local.get $p)))))))))

  ;; ── refinement helpers (numeric/sliced-fixed.ts and eigh-refine.ts; their plain-loop engine is
  ;; the reference, bit for bit: every entry takes the same f64 operations in the same order) ──

  ;; dst[i][j] ← dst[i][j] + src[i][j]·scale[j] for rows × n row-major matrices (a slice of X times
  ;; one digit of every λ_j, into a level of X·diag(λ)).
  (func (export "refScaleColumns") (param $src i32) (param $scale i32) (param $dst i32) (param $rows i32) (param $n i32)
    (local $i i32) (local $j i32) (local $nb i32) (local $pairs i32) (local $off i32)
    (local.set $nb (i32.shl (local.get $n) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $nb) (i32.const -16)))
    (block $idone (loop $il
      (br_if $idone (i32.ge_u (local.get $i) (local.get $rows)))
      (local.set $off (i32.mul (local.get $i) (local.get $nb)))
      (local.set $j (i32.const 0))
      (block $jdone (loop $jl
        (br_if $jdone (i32.ge_u (local.get $j) (local.get $pairs)))
        (v128.store (i32.add (local.get $dst) (i32.add (local.get $off) (local.get $j)))
          (f64x2.add (v128.load (i32.add (local.get $dst) (i32.add (local.get $off) (local.get $j))))
            (f64x2.mul (v128.load (i32.add (local.get $src) (i32.add (local.get $off) (local.get $j))))
              (v128.load (i32.add (local.get $scale) (local.get $j))))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $jl)))
      (if (i32.lt_u (local.get $j) (local.get $nb)) (then
        (f64.store (i32.add (local.get $dst) (i32.add (local.get $off) (local.get $j)))
          (f64.add (f64.load (i32.add (local.get $dst) (i32.add (local.get $off) (local.get $j))))
            (f64.mul (f64.load (i32.add (local.get $src) (i32.add (local.get $off) (local.get $j))))
              (f64.load (i32.add (local.get $scale) (local.get $j))))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $il))))

  ;; The double-double view of K slices (slicedToDD): data holds real parts of slices 1 … K, then
  ;; imaginary ones (count entries each), maxAbs the K slice maxima (a zero skips the slice); hi and
  ;; lo get 2·count entries (real, then imaginary), summed by two-sum from the most significant
  ;; slice (weight w = 2^(−20·s)), then renormalised.
  (func (export "refToDD") (param $data i32) (param $K i32) (param $count i32) (param $maxAbs i32) (param $hi i32) (param $lo i32)
    (local $s i32) (local $part i32) (local $p i32) (local $nb i32) (local $src i32) (local $o i32)
    (local $w f64) (local $d f64) (local $t f64) (local $h f64) (local $sum f64) (local $bb f64)
    (local.set $nb (i32.shl (local.get $count) (i32.const 3)))
    (local.set $w (f64.const 1))
    (local.set $s (i32.const 1))
    (block $sdone (loop $sl
      (br_if $sdone (i32.gt_u (local.get $s) (local.get $K)))
      (local.set $w (f64.div (local.get $w) (f64.const 0x1p20)))
      (if (f64.ne (f64.load (i32.add (local.get $maxAbs) (i32.shl (i32.sub (local.get $s) (i32.const 1)) (i32.const 3)))) (f64.const 0))
        (then
          (local.set $part (i32.const 0))
          (block $pdone (loop $pl
            (br_if $pdone (i32.ge_u (local.get $part) (i32.const 2)))
            (local.set $src (i32.add (local.get $data)
              (i32.mul (i32.sub (i32.add (i32.mul (local.get $part) (local.get $K)) (local.get $s)) (i32.const 1)) (local.get $nb))))
            (local.set $o (i32.mul (local.get $part) (local.get $nb)))
            (local.set $p (i32.const 0))
            (block $qdone (loop $ql
              (br_if $qdone (i32.ge_u (local.get $p) (local.get $nb)))
              (local.set $d (f64.load (i32.add (local.get $src) (local.get $p))))
              (if (f64.ne (local.get $d) (f64.const 0)) (then
                (local.set $t (f64.mul (local.get $d) (local.get $w)))
                (local.set $h (f64.load (i32.add (local.get $hi) (i32.add (local.get $o) (local.get $p)))))
                (local.set $sum (f64.add (local.get $h) (local.get $t)))
                (local.set $bb (f64.sub (local.get $sum) (local.get $h)))
                (f64.store (i32.add (local.get $lo) (i32.add (local.get $o) (local.get $p)))
                  (f64.add (f64.load (i32.add (local.get $lo) (i32.add (local.get $o) (local.get $p))))
                    (f64.add (f64.sub (local.get $h) (f64.sub (local.get $sum) (local.get $bb))) (f64.sub (local.get $t) (local.get $bb)))))
                (f64.store (i32.add (local.get $hi) (i32.add (local.get $o) (local.get $p))) (local.get $sum))))
              (local.set $p (i32.add (local.get $p) (i32.const 8)))
              (br $ql)))
            (local.set $part (i32.add (local.get $part) (i32.const 1)))
            (br $pl)))))
      (local.set $s (i32.add (local.get $s) (i32.const 1)))
      (br $sl)))
    (local.set $p (i32.const 0))
    (local.set $nb (i32.shl (local.get $nb) (i32.const 1)))
    (block $rdone (loop $rl
      (br_if $rdone (i32.ge_u (local.get $p) (local.get $nb)))
      (local.set $h (f64.load (i32.add (local.get $hi) (local.get $p))))
      (local.set $sum (f64.add (local.get $h) (f64.load (i32.add (local.get $lo) (local.get $p)))))
      (f64.store (i32.add (local.get $lo) (local.get $p))
        (f64.sub (f64.load (i32.add (local.get $lo) (local.get $p))) (f64.sub (local.get $sum) (local.get $h))))
      (f64.store (i32.add (local.get $hi) (local.get $p)) (local.get $sum))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (br $rl))))

  ;; Double-doubles (hi, lo: `total` entries each) into K slices (slicedFromDD): digit s of entry e
  ;; goes to out + (s − 1)·stride + e·8 bytes; each pair is scaled by 2^20 and a digit peeled off,
  ;; truncated except the last, which is hi + lo rounded to nearest with ties towards +∞ (as
  ;; JavaScript's Math.round, −0 included: floor, + 1 when the exact remainder reaches ½, the sign
  ;; of the argument).
  (func (export "refFromDD") (param $hi i32) (param $lo i32) (param $total i32) (param $K i32) (param $out i32) (param $stride i32)
    (local $p i32) (local $nb i32) (local $s i32) (local $dst i32)
    (local $h f64) (local $l f64) (local $d f64) (local $x f64) (local $t f64) (local $sum f64)
    (local.set $nb (i32.shl (local.get $total) (i32.const 3)))
    (block $edone (loop $el
      (br_if $edone (i32.ge_u (local.get $p) (local.get $nb)))
      (local.set $h (f64.load (i32.add (local.get $hi) (local.get $p))))
      (local.set $l (f64.load (i32.add (local.get $lo) (local.get $p))))
      (local.set $dst (i32.add (local.get $out) (local.get $p)))
      (local.set $s (i32.const 1))
      (block $sdone (loop $sl
        (br_if $sdone (i32.gt_u (local.get $s) (local.get $K)))
        (local.set $h (f64.mul (local.get $h) (f64.const 0x1p20)))
        (local.set $l (f64.mul (local.get $l) (f64.const 0x1p20)))
        (if (i32.eq (local.get $s) (local.get $K))
          (then
            (local.set $x (f64.add (local.get $h) (local.get $l)))
            (local.set $d (f64.floor (local.get $x)))
            (if (f64.ge (f64.sub (local.get $x) (local.get $d)) (f64.const 0.5))
              (then (local.set $d (f64.add (local.get $d) (f64.const 1)))))
            (local.set $d (f64.copysign (local.get $d) (local.get $x))))
          (else (local.set $d (f64.trunc (local.get $h)))))
        (f64.store (local.get $dst) (local.get $d))
        (local.set $t (f64.sub (local.get $h) (local.get $d)))
        (local.set $sum (f64.add (local.get $t) (local.get $l)))
        (local.set $l (f64.sub (local.get $l) (f64.sub (local.get $sum) (local.get $t))))
        (local.set $h (local.get $sum))
        (local.set $dst (i32.add (local.get $dst) (local.get $stride)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $sl)))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (br $el))))

  ;; max |data[e]| over `count` entries (0 when none).
  (func (export "refMaxAbs") (param $data i32) (param $count i32) (result f64)
    (local $p i32) (local $nb i32) (local $m f64)
    (local.set $nb (i32.shl (local.get $count) (i32.const 3)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $p) (local.get $nb)))
      (local.set $m (f64.max (local.get $m) (f64.abs (f64.load (i32.add (local.get $data) (local.get $p))))))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (br $l)))
    (local.get $m))

  ;; dst[e] ← dst[e] + |src[e]|·w for `count` entries (the bounds of slicedAbsUpper).
  (func (export "refAbsAccumulate") (param $src i32) (param $dst i32) (param $count i32) (param $w f64)
    (local $p i32) (local $end i32) (local $pairs i32) (local $w2 v128)
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $end) (i32.const -16)))
    (local.set $w2 (f64x2.splat (local.get $w)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $p) (local.get $pairs)))
      (v128.store (i32.add (local.get $dst) (local.get $p))
        (f64x2.add (v128.load (i32.add (local.get $dst) (local.get $p))) (f64x2.mul (f64x2.abs (v128.load (i32.add (local.get $src) (local.get $p)))) (local.get $w2))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br $l)))
    (if (i32.lt_u (local.get $p) (local.get $end)) (then
      (f64.store (i32.add (local.get $dst) (local.get $p))
        (f64.add (f64.load (i32.add (local.get $dst) (local.get $p))) (f64.mul (f64.abs (f64.load (i32.add (local.get $src) (local.get $p)))) (local.get $w)))))))

  ;; Double-double arithmetic for the corrections (the reference: numeric/double-double.ts, the
  ;; same operations in the same order): each operation leaves its result in ($ddH, $ddL).
  (global $ddH (mut f64) (f64.const 0))
  (global $ddL (mut f64) (f64.const 0))

  ;; a·b exactly (Dekker's split by 2^27 + 1)
  (func $twoProd (param $a f64) (param $b f64)
    (local $p f64) (local $t f64) (local $ah f64) (local $al f64) (local $bh f64) (local $bl f64)
    (local.set $p (f64.mul (local.get $a) (local.get $b)))
    (local.set $t (f64.mul (f64.const 134217729) (local.get $a)))
    (local.set $ah (f64.sub (local.get $t) (f64.sub (local.get $t) (local.get $a))))
    (local.set $al (f64.sub (local.get $a) (local.get $ah)))
    (local.set $t (f64.mul (f64.const 134217729) (local.get $b)))
    (local.set $bh (f64.sub (local.get $t) (f64.sub (local.get $t) (local.get $b))))
    (local.set $bl (f64.sub (local.get $b) (local.get $bh)))
    (global.set $ddH (local.get $p))
    (global.set $ddL (f64.add (f64.add (f64.add (f64.sub (f64.mul (local.get $ah) (local.get $bh)) (local.get $p))
      (f64.mul (local.get $ah) (local.get $bl))) (f64.mul (local.get $al) (local.get $bh))) (f64.mul (local.get $al) (local.get $bl)))))

  (func $ddAdd (param $ah f64) (param $al f64) (param $bh f64) (param $bl f64)
    (local $s f64) (local $bb f64) (local $e f64) (local $h f64)
    (local.set $s (f64.add (local.get $ah) (local.get $bh)))
    (local.set $bb (f64.sub (local.get $s) (local.get $ah)))
    (local.set $e (f64.add (f64.add (f64.add (f64.sub (local.get $ah) (f64.sub (local.get $s) (local.get $bb)))
      (f64.sub (local.get $bh) (local.get $bb))) (local.get $al)) (local.get $bl)))
    (local.set $h (f64.add (local.get $s) (local.get $e)))
    (global.set $ddH (local.get $h))
    (global.set $ddL (f64.sub (local.get $e) (f64.sub (local.get $h) (local.get $s)))))

  (func $ddMul (param $ah f64) (param $al f64) (param $bh f64) (param $bl f64)
    (local $p f64) (local $f f64) (local $h f64)
    (call $twoProd (local.get $ah) (local.get $bh))
    (local.set $p (global.get $ddH))
    (local.set $f (f64.add (global.get $ddL) (f64.add (f64.mul (local.get $ah) (local.get $bl)) (f64.mul (local.get $al) (local.get $bh)))))
    (local.set $h (f64.add (local.get $p) (local.get $f)))
    (global.set $ddH (local.get $h))
    (global.set $ddL (f64.sub (local.get $f) (f64.sub (local.get $h) (local.get $p)))))

  ;; a/b: three quotient terms from two remainders
  (func $ddDiv (param $ah f64) (param $al f64) (param $bh f64) (param $bl f64)
    (local $q1 f64) (local $q2 f64) (local $q3 f64) (local $rh f64) (local $rl f64)
    (local.set $q1 (f64.div (local.get $ah) (local.get $bh)))
    (call $ddMul (local.get $q1) (f64.const 0) (local.get $bh) (local.get $bl))
    (call $ddAdd (local.get $ah) (local.get $al) (f64.neg (global.get $ddH)) (f64.neg (global.get $ddL)))
    (local.set $rh (global.get $ddH))
    (local.set $rl (global.get $ddL))
    (local.set $q2 (f64.div (local.get $rh) (local.get $bh)))
    (call $ddMul (local.get $q2) (f64.const 0) (local.get $bh) (local.get $bl))
    (call $ddAdd (local.get $rh) (local.get $rl) (f64.neg (global.get $ddH)) (f64.neg (global.get $ddL)))
    (local.set $q3 (f64.div (global.get $ddH) (local.get $bh)))
    (call $ddAdd (local.get $q1) (local.get $q2) (local.get $q3) (f64.const 0)))

  ;; The corrections of one refinement step (numeric/double-double.ts's corrections, entry by
  ;; entry): S and R as double-doubles (hi at Shi, Rhi, lo at Slo, Rlo; n² real parts, then n²
  ;; imaginary), the values λ (lamH + lamL, n), the separation threshold δ. F_ij = r_ij/2 (i = j, or
  ;; |λ_j − λ_i| ≤ δ; imaginary part 0 on the diagonal), else (s_ij + λ_j r_ij)/(λ_j − λ_i), into
  ;; reHi, reLo, imHi, imLo (n² each). Returns max |Re F_ij| + |Im F_ij| of the leading parts.
  (func (export "refCorrections") (param $n i32) (param $Shi i32) (param $Slo i32) (param $Rhi i32) (param $Rlo i32)
        (param $lamH i32) (param $lamL i32) (param $delta f64)
        (param $reHi i32) (param $reLo i32) (param $imHi i32) (param $imLo i32) (result f64)
    (local $i i32) (local $j i32) (local $q i32) (local $nnb i32) (local $li i32) (local $lj i32)
    (local $rrh f64) (local $rrl f64) (local $rih f64) (local $ril f64) (local $gh f64) (local $gl f64) (local $maxF f64)
    (local.set $nnb (i32.shl (i32.mul (local.get $n) (local.get $n)) (i32.const 3)))
    (block $idone (loop $il
      (br_if $idone (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $li (i32.shl (local.get $i) (i32.const 3)))
      (local.set $j (i32.const 0))
      (block $jdone (loop $jl
        (br_if $jdone (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $lj (i32.shl (local.get $j) (i32.const 3)))
        (local.set $q (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 3)))
        (local.set $rrh (f64.load (i32.add (local.get $Rhi) (local.get $q))))
        (local.set $rrl (f64.load (i32.add (local.get $Rlo) (local.get $q))))
        (local.set $rih (f64.load (i32.add (local.get $Rhi) (i32.add (local.get $nnb) (local.get $q)))))
        (local.set $ril (f64.load (i32.add (local.get $Rlo) (i32.add (local.get $nnb) (local.get $q)))))
        (call $ddAdd (f64.load (i32.add (local.get $lamH) (local.get $lj))) (f64.load (i32.add (local.get $lamL) (local.get $lj)))
          (f64.neg (f64.load (i32.add (local.get $lamH) (local.get $li)))) (f64.neg (f64.load (i32.add (local.get $lamL) (local.get $li)))))
        (local.set $gh (global.get $ddH))
        (local.set $gl (global.get $ddL))
        (if (i32.or (i32.eq (local.get $i) (local.get $j)) (f64.le (f64.abs (local.get $gh)) (local.get $delta)))
          (then
            (f64.store (i32.add (local.get $reHi) (local.get $q)) (f64.div (local.get $rrh) (f64.const 2)))
            (f64.store (i32.add (local.get $reLo) (local.get $q)) (f64.div (local.get $rrl) (f64.const 2)))
            (if (i32.eq (local.get $i) (local.get $j))
              (then
                (f64.store (i32.add (local.get $imHi) (local.get $q)) (f64.const 0))
                (f64.store (i32.add (local.get $imLo) (local.get $q)) (f64.const 0)))
              (else
                (f64.store (i32.add (local.get $imHi) (local.get $q)) (f64.div (local.get $rih) (f64.const 2)))
                (f64.store (i32.add (local.get $imLo) (local.get $q)) (f64.div (local.get $ril) (f64.const 2))))))
          (else
            (call $ddMul (f64.load (i32.add (local.get $lamH) (local.get $lj))) (f64.load (i32.add (local.get $lamL) (local.get $lj)))
              (local.get $rrh) (local.get $rrl))
            (call $ddAdd (f64.load (i32.add (local.get $Shi) (local.get $q))) (f64.load (i32.add (local.get $Slo) (local.get $q)))
              (global.get $ddH) (global.get $ddL))
            (call $ddDiv (global.get $ddH) (global.get $ddL) (local.get $gh) (local.get $gl))
            (f64.store (i32.add (local.get $reHi) (local.get $q)) (global.get $ddH))
            (f64.store (i32.add (local.get $reLo) (local.get $q)) (global.get $ddL))
            (call $ddMul (f64.load (i32.add (local.get $lamH) (local.get $lj))) (f64.load (i32.add (local.get $lamL) (local.get $lj)))
              (local.get $rih) (local.get $ril))
            (call $ddAdd (f64.load (i32.add (local.get $Shi) (i32.add (local.get $nnb) (local.get $q))))
              (f64.load (i32.add (local.get $Slo) (i32.add (local.get $nnb) (local.get $q))))
              (global.get $ddH) (global.get $ddL))
            (call $ddDiv (global.get $ddH) (global.get $ddL) (local.get $gh) (local.get $gl))
            (f64.store (i32.add (local.get $imHi) (local.get $q)) (global.get $ddH))
            (f64.store (i32.add (local.get $imLo) (local.get $q)) (global.get $ddL))))
        (local.set $maxF (f64.max (local.get $maxF)
          (f64.add (f64.abs (f64.load (i32.add (local.get $reHi) (local.get $q)))) (f64.abs (f64.load (i32.add (local.get $imHi) (local.get $q)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $jl)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $il)))
    (local.get $maxF))

  ;; dst = src† or srcᵀ for an n × n matrix: dst[i][j] = sign·src[j][i] (sign ±1; no overlap).
  (func (export "refTranspose") (param $src i32) (param $dst i32) (param $n i32) (param $sign f64)
    (local $i i32) (local $j i32) (local $nb i32) (local $s i32) (local $d i32)
    (local.set $nb (i32.shl (local.get $n) (i32.const 3)))
    (block $idone (loop $il
      (br_if $idone (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $s (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $d (i32.add (local.get $dst) (i32.mul (local.get $i) (local.get $nb))))
      (local.set $j (i32.const 0))
      (block $jdone (loop $jl
        (br_if $jdone (i32.ge_u (local.get $j) (local.get $n)))
        (f64.store (local.get $d) (f64.mul (local.get $sign) (f64.load (local.get $s))))
        (local.set $s (i32.add (local.get $s) (local.get $nb)))
        (local.set $d (i32.add (local.get $d) (i32.const 8)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $jl)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $il))))

  ;; dst[i][j] = src[i][order[j]] for n × n matrices (order: n column indices < n, as f64).
  (func (export "refGatherColumns") (param $src i32) (param $dst i32) (param $n i32) (param $order i32)
    (local $i i32) (local $j i32) (local $nb i32) (local $row i32)
    (local.set $nb (i32.shl (local.get $n) (i32.const 3)))
    (block $idone (loop $il
      (br_if $idone (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $row (i32.mul (local.get $i) (local.get $nb)))
      (local.set $j (i32.const 0))
      (block $jdone (loop $jl
        (br_if $jdone (i32.ge_u (local.get $j) (local.get $n)))
        (f64.store (i32.add (local.get $dst) (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 3))))
          (f64.load (i32.add (local.get $src) (i32.add (local.get $row)
            (i32.shl (i32.trunc_f64_u (f64.load (i32.add (local.get $order) (i32.shl (local.get $j) (i32.const 3))))) (i32.const 3))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $jl)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $il))))

  ;; Integers written in hexadecimal (ASCII, lowercase, an optional leading '-') into K digits of
  ;; 20 bits (slicedFromBigInt): entry i is the text from byte `start` (i = 0) or the end of entry
  ;; i − 1 up to byte ends[i] (an f64 offset from text); its digits, five hexadecimal digits each
  ;; from the least significant, the first taking what is left, go to out + (s − 1)·stride + 8i
  ;; with the entry's sign. Returns 1 when a first digit reached 2^53 (not exact in float64), else 0.
  (func (export "refHexDigits") (param $text i32) (param $ends i32) (param $start i32) (param $count i32) (param $K i32)
        (param $out i32) (param $stride i32) (result i32)
    (local $i i32) (local $b i32) (local $e i32) (local $end i32) (local $st i32) (local $c i32) (local $h i32) (local $s i32)
    (local $sign f64) (local $d f64) (local $big i32)
    (local.set $b (local.get $start))
    (block $idone (loop $il
      (br_if $idone (i32.ge_u (local.get $i) (local.get $count)))
      (local.set $e (i32.trunc_f64_u (f64.load (i32.add (local.get $ends) (i32.shl (local.get $i) (i32.const 3))))))
      (local.set $sign (f64.const 1))
      (if (i32.and (i32.lt_u (local.get $b) (local.get $e)) (i32.eq (i32.load8_u (i32.add (local.get $text) (local.get $b))) (i32.const 45)))
        (then
          (local.set $sign (f64.const -1))
          (local.set $b (i32.add (local.get $b) (i32.const 1)))))
      (local.set $end (local.get $e))
      (local.set $s (local.get $K))
      (block $sdone (loop $sl
        (br_if $sdone (i32.lt_s (local.get $s) (i32.const 1)))
        (local.set $st (local.get $b))
        (if (i32.and (i32.ne (local.get $s) (i32.const 1)) (i32.gt_s (i32.sub (local.get $end) (i32.const 5)) (local.get $b)))
          (then (local.set $st (i32.sub (local.get $end) (i32.const 5)))))
        (if (i32.lt_s (local.get $end) (local.get $st)) (then (local.set $st (local.get $end))))
        (local.set $d (f64.const 0))
        (local.set $c (local.get $st))
        (block $cdone (loop $cl
          (br_if $cdone (i32.ge_s (local.get $c) (local.get $end)))
          (local.set $h (i32.load8_u (i32.add (local.get $text) (local.get $c))))
          (local.set $d (f64.add (f64.mul (local.get $d) (f64.const 16))
            (f64.convert_i32_s (select (i32.sub (local.get $h) (i32.const 48)) (i32.sub (local.get $h) (i32.const 87))
              (i32.le_u (local.get $h) (i32.const 57))))))
          (local.set $c (i32.add (local.get $c) (i32.const 1)))
          (br $cl)))
        (if (i32.and (i32.eq (local.get $s) (i32.const 1)) (f64.ge (local.get $d) (f64.const 0x1p53)))
          (then (local.set $big (i32.const 1))))
        (f64.store (i32.add (i32.add (local.get $out) (i32.mul (i32.sub (local.get $s) (i32.const 1)) (local.get $stride)))
          (i32.shl (local.get $i) (i32.const 3))) (f64.mul (local.get $sign) (local.get $d)))
        (local.set $end (local.get $st))
        (local.set $s (i32.sub (local.get $s) (i32.const 1)))
        (br $sl)))
      (local.set $b (local.get $e))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $il)))
    (local.get $big))

  ;; Float64 values into K digits (slicedFromFloat64): each of `total` values at src is scaled by
  ;; 2^20 and a digit peeled off, truncated except the last, rounded as refFromDD rounds it; digit
  ;; s of entry e goes to out + (s − 1)·stride + 8e.
  (func (export "refFromFloat64") (param $src i32) (param $total i32) (param $K i32) (param $out i32) (param $stride i32)
    (local $p i32) (local $nb i32) (local $s i32) (local $dst i32) (local $v f64) (local $d f64)
    (local.set $nb (i32.shl (local.get $total) (i32.const 3)))
    (block $edone (loop $el
      (br_if $edone (i32.ge_u (local.get $p) (local.get $nb)))
      (local.set $v (f64.load (i32.add (local.get $src) (local.get $p))))
      (local.set $dst (i32.add (local.get $out) (local.get $p)))
      (local.set $s (i32.const 1))
      (block $sdone (loop $sl
        (br_if $sdone (i32.gt_u (local.get $s) (local.get $K)))
        (local.set $v (f64.mul (local.get $v) (f64.const 0x1p20)))
        (if (i32.eq (local.get $s) (local.get $K))
          (then
            (local.set $d (f64.floor (local.get $v)))
            (if (f64.ge (f64.sub (local.get $v) (local.get $d)) (f64.const 0.5))
              (then (local.set $d (f64.add (local.get $d) (f64.const 1)))))
            (local.set $d (f64.copysign (local.get $d) (local.get $v))))
          (else (local.set $d (f64.trunc (local.get $v)))))
        (f64.store (local.get $dst) (local.get $d))
        (local.set $v (f64.sub (local.get $v) (local.get $d)))
        (local.set $dst (i32.add (local.get $dst) (local.get $stride)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $sl)))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (br $el))))
  ;; ── end of the refinement helpers ──
)
