//! The process's global allocator: mimalloc (`libmimalloc-sys`), called as its own C API
//! is meant to be called. An interpreter allocates and frees many small objects (CPython
//! has its own small-object allocator, pymalloc, for the same reason); with glibc's malloc
//! a third of a warm import and 15-20% of exception- and instance-heavy programs went to
//! `_int_malloc`/`_int_free` (callgrind). mimalloc's per-thread free lists also serve the
//! VM's own thread (it runs on a thread of its own for a large stack).
//!
//! Why not the `mimalloc` crate's `MiMalloc`: it sends every request through
//! `mi_malloc_aligned`, an alignment test and one more call per allocation (session 7,
//! callgrind, release: try_except at n=100k 433.4M -> 423.6M instructions; fib, which
//! allocates nothing per call, 274.0M -> 273.7M).
//!
//! Invariant (the `unsafe` below rests on it): plain `mi_malloc`/`mi_zalloc`/`mi_realloc`
//! are used only when the requested alignment is at most 16 (`MI_MAX_ALIGN_SIZE`) and at
//! most the size, where mimalloc guarantees the block is aligned to it (its
//! `mi_malloc_is_naturally_aligned`, `src/alloc-aligned.c`); every other request takes the
//! `_aligned` entry points. Blocks from either family are freed by `mi_free`.

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// mimalloc's `MI_MAX_ALIGN_SIZE`: the alignment plain `mi_malloc` gives a block at
/// least this large.
const NATURAL_ALIGN: usize = 16;

pub struct Mimalloc;

#[inline(always)]
fn natural(align: usize, size: usize) -> bool {
    align <= NATURAL_ALIGN && align <= size
}

// SAFETY: every method returns a block of mimalloc's of at least the requested size and
// alignment (see the invariant above) or null, and frees only blocks mimalloc made.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if natural(layout.align(), layout.size()) {
            mi::mi_malloc(layout.size()) as *mut u8
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if natural(layout.align(), layout.size()) {
            mi::mi_zalloc(layout.size()) as *mut u8
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if natural(layout.align(), new_size) {
            mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_have_the_requested_alignment() {
        let a = Mimalloc;
        for &(size, align) in &[
            (1, 1),
            (8, 8),
            (24, 8),
            (16, 16),
            (48, 16),
            (8, 16),
            (100, 32),
            (4096, 4096),
        ] {
            let layout = Layout::from_size_align(size, align).unwrap();
            unsafe {
                let p = a.alloc(layout);
                assert!(!p.is_null() && p as usize % align == 0, "{size} {align}");
                let q = a.realloc(p, layout, size * 3);
                assert!(
                    !q.is_null() && q as usize % align == 0,
                    "{size} {align} realloc"
                );
                a.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                let z = a.alloc_zeroed(layout);
                assert!(std::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                a.dealloc(z, layout);
            }
        }
    }
}
