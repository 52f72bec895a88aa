//! `ArgVec`: the positional arguments of a builtin call (`Args::pos`), stored inline up to
//! [`INLINE`] values so that the common call (`xs.append(x)`, `d.get(k, 0)`, `len(s)`)
//! allocates nothing — the role of CPython's vectorcall argument array, which borrows the
//! caller's stack (`Objects/call.c`, `_PyObject_VectorcallTstate`).
//!
//! It behaves as a `Vec<Value>` for what builtins do with their arguments: it derefs to
//! `[Value]` (`len`, `get`, `first`, `iter`, indexing, slicing), and has `push`, `pop`,
//! `insert`, `remove`, `truncate`, `drain(..)` and `into_iter`. A `Vec<Value>` converts in
//! without copying (it stays on the heap) and out with [`ArgVec::into_vec`].
//!
//! Invariant: in `Inline { len, items }`, `items[len..]` are `Value::None` (they own
//! nothing), so taking an item out and putting `None` in its place never leaks.

use crate::object::Value;

/// How many positional arguments live inline: the receiver and two arguments.
pub const INLINE: usize = 3;

pub enum ArgVec {
    Inline { len: u8, items: [Value; INLINE] },
    Heap(Vec<Value>),
}

impl Default for ArgVec {
    fn default() -> ArgVec {
        ArgVec::new()
    }
}

impl ArgVec {
    #[inline]
    pub const fn new() -> ArgVec {
        ArgVec::Inline {
            len: 0,
            items: [Value::None, Value::None, Value::None],
        }
    }

    /// Empty, with room for `n` values (inline when `n <= INLINE`).
    #[inline]
    pub fn with_capacity(n: usize) -> ArgVec {
        if n <= INLINE {
            ArgVec::new()
        } else {
            ArgVec::Heap(Vec::with_capacity(n))
        }
    }

    #[inline]
    pub fn as_slice(&self) -> &[Value] {
        match self {
            ArgVec::Inline { len, items } => &items[..*len as usize],
            ArgVec::Heap(v) => v,
        }
    }

    #[inline]
    pub fn as_mut_slice(&mut self) -> &mut [Value] {
        match self {
            ArgVec::Inline { len, items } => &mut items[..*len as usize],
            ArgVec::Heap(v) => v,
        }
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        match self {
            ArgVec::Inline { len, items } if (*len as usize) < INLINE => {
                items[*len as usize] = v;
                *len += 1;
            }
            ArgVec::Inline { .. } => {
                let mut heap = Vec::with_capacity(INLINE * 2);
                heap.extend(std::mem::take(self));
                heap.push(v);
                *self = ArgVec::Heap(heap);
            }
            ArgVec::Heap(h) => h.push(v),
        }
    }

    #[inline]
    pub fn pop(&mut self) -> Option<Value> {
        match self {
            ArgVec::Inline { len, items } => {
                if *len == 0 {
                    return None;
                }
                *len -= 1;
                Some(std::mem::replace(&mut items[*len as usize], Value::None))
            }
            ArgVec::Heap(h) => h.pop(),
        }
    }

    /// `Vec::insert`: panics (a VM bug) if `i > len`, as `Vec` does.
    pub fn insert(&mut self, i: usize, v: Value) {
        if let ArgVec::Heap(h) = self {
            return h.insert(i, v);
        }
        assert!(i <= self.len(), "ArgVec::insert index out of range");
        self.push(v);
        self.as_mut_slice()[i..].rotate_right(1);
    }

    /// `Vec::remove`: panics (a VM bug) if `i >= len`, as `Vec` does.
    pub fn remove(&mut self, i: usize) -> Value {
        if let ArgVec::Heap(h) = self {
            return h.remove(i);
        }
        self.as_mut_slice()[i..].rotate_left(1);
        self.pop().expect("ArgVec::remove index out of range")
    }

    pub fn truncate(&mut self, n: usize) {
        while self.len() > n {
            self.pop();
        }
    }

    /// `Vec::resize`: shorten, or append copies of `v`.
    pub fn resize(&mut self, n: usize, v: Value) {
        self.truncate(n);
        while self.len() < n {
            self.push(v.clone());
        }
    }

    pub fn clear(&mut self) {
        self.truncate(0);
    }

    /// Remove every value, first to last (`Vec::drain(..)`).
    pub fn drain(&mut self, _all: std::ops::RangeFull) -> IntoIter {
        std::mem::take(self).into_iter()
    }

    /// The values as a `Vec` of exactly their length (so `into_boxed_slice`, as a tuple
    /// makes, does not reallocate).
    pub fn into_vec(self) -> Vec<Value> {
        match self {
            ArgVec::Heap(h) => h,
            ArgVec::Inline { len, items } => {
                let mut v = Vec::with_capacity(len as usize);
                v.extend(items.into_iter().take(len as usize));
                v
            }
        }
    }
}

impl std::ops::Deref for ArgVec {
    type Target = [Value];
    #[inline]
    fn deref(&self) -> &[Value] {
        self.as_slice()
    }
}

impl std::ops::DerefMut for ArgVec {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Value] {
        self.as_mut_slice()
    }
}

impl From<Vec<Value>> for ArgVec {
    /// No copy: the vector's buffer is kept.
    #[inline]
    fn from(v: Vec<Value>) -> ArgVec {
        ArgVec::Heap(v)
    }
}

impl From<ArgVec> for Vec<Value> {
    fn from(a: ArgVec) -> Vec<Value> {
        a.into_vec()
    }
}

impl FromIterator<Value> for ArgVec {
    fn from_iter<I: IntoIterator<Item = Value>>(it: I) -> ArgVec {
        let mut a = ArgVec::new();
        a.extend(it);
        a
    }
}

impl Extend<Value> for ArgVec {
    fn extend<I: IntoIterator<Item = Value>>(&mut self, it: I) {
        for v in it {
            self.push(v);
        }
    }
}

impl Clone for ArgVec {
    fn clone(&self) -> ArgVec {
        match self {
            ArgVec::Inline { len, items } => ArgVec::Inline {
                len: *len,
                items: items.clone(),
            },
            ArgVec::Heap(h) => ArgVec::Heap(h.clone()),
        }
    }
}

/// The values of an [`ArgVec`], moved out first to last.
pub enum IntoIter {
    Inline(std::iter::Take<std::array::IntoIter<Value, INLINE>>),
    Heap(std::vec::IntoIter<Value>),
}

impl Iterator for IntoIter {
    type Item = Value;
    #[inline]
    fn next(&mut self) -> Option<Value> {
        match self {
            IntoIter::Inline(it) => it.next(),
            IntoIter::Heap(it) => it.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            IntoIter::Inline(it) => it.size_hint(),
            IntoIter::Heap(it) => it.size_hint(),
        }
    }
}

impl DoubleEndedIterator for IntoIter {
    fn next_back(&mut self) -> Option<Value> {
        match self {
            IntoIter::Inline(it) => it.next_back(),
            IntoIter::Heap(it) => it.next_back(),
        }
    }
}

impl ExactSizeIterator for IntoIter {}

impl IntoIterator for ArgVec {
    type Item = Value;
    type IntoIter = IntoIter;
    #[inline]
    fn into_iter(self) -> IntoIter {
        match self {
            ArgVec::Inline { len, items } => IntoIter::Inline(items.into_iter().take(len as usize)),
            ArgVec::Heap(h) => IntoIter::Heap(h.into_iter()),
        }
    }
}

impl<'a> IntoIterator for &'a ArgVec {
    type Item = &'a Value;
    type IntoIter = std::slice::Iter<'a, Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

#[cfg(test)]
mod tests;
