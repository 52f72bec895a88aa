//! Complex arithmetic as CPython 3.11 computes it (CPython: `_Py_c_prod`, `_Py_c_quot`,
//! `_Py_c_pow`, `c_powu`, `c_powi` and `complex_pow` in `Objects/complexobject.c`), shared
//! by the compiler's constant folding and the VM's `complex` type so that a folded
//! constant and the same expression evaluated at run time agree bit for bit.
//!
//! Pure functions on `(real, imag)` pairs; errors are `None` and each caller raises its own
//! exception (the VM) or declines to fold (the compiler).

/// A complex number as `(real, imag)`.
pub type C = (f64, f64);

/// `_Py_c_prod`.
pub fn c_prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot` (Smith's method as CPython writes it); `None` for a zero divisor, NaN
/// parts when a part of the divisor is NaN.
pub fn c_quot(a: C, b: C) -> Option<C> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `_Py_c_pow` (libm's hypot, pow, atan2, exp, log, cos, sin, as CPython calls them);
/// `None` for 0 to a negative or complex power.
pub fn c_pow(a: C, b: C) -> Option<C> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        return (b.1 == 0.0 && b.0 >= 0.0).then_some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// `c_powu`: `x ** n` by repeated squaring, in CPython's order of products.
pub fn c_powu(x: C, n: u64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `complex_pow`'s arithmetic: an integral real exponent of at most 100 in magnitude by
/// repeated multiplication (`c_powi`), others by `_Py_c_pow`. `None` for 0 to a negative
/// or complex power. The result may be infinite: CPython then raises OverflowError
/// (when the operands were finite), which is the caller's to check.
pub fn complex_pow(a: C, b: C) -> Option<C> {
    if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let p = c_powu(a, n.unsigned_abs());
        if n > 0 {
            Some(p)
        } else {
            c_quot((1.0, 0.0), p)
        }
    } else {
        c_pow(a, b)
    }
}
