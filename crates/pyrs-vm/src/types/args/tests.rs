//! `ArgVec` against `Vec<Value>`: the same operations give the same values, across the
//! inline/heap boundary.

use super::{ArgVec, INLINE};
use crate::object::Value;

fn ints(a: &ArgVec) -> Vec<i64> {
    a.iter()
        .map(|v| match v {
            Value::Int(i) => *i,
            _ => -1,
        })
        .collect()
}

#[test]
fn push_pop_insert_remove_like_vec() {
    for n in 0..=INLINE + 3 {
        let mut a = ArgVec::with_capacity(n);
        let mut v: Vec<i64> = Vec::new();
        for i in 0..n as i64 {
            a.push(Value::Int(i));
            v.push(i);
        }
        assert_eq!(ints(&a), v);
        a.insert(0, Value::Int(100));
        v.insert(0, 100);
        a.insert(a.len(), Value::Int(200));
        v.insert(v.len(), 200);
        assert_eq!(ints(&a), v);
        assert!(matches!(a.remove(1), Value::Int(x) if x == v.remove(1)));
        assert_eq!(ints(&a), v);
        assert!(matches!(a.pop(), Some(Value::Int(x)) if Some(x) == v.pop()));
        a.truncate(1);
        v.truncate(1);
        assert_eq!(ints(&a), v);
        let back: Vec<Value> = a.into_vec();
        assert_eq!(back.len(), v.len());
    }
}

#[test]
fn into_iter_and_drain_move_in_order() {
    let a: ArgVec = (0..5).map(Value::Int).collect();
    let got: Vec<i64> = a
        .into_iter()
        .map(|v| if let Value::Int(i) = v { i } else { -1 })
        .collect();
    assert_eq!(got, vec![0, 1, 2, 3, 4]);
    let mut b: ArgVec = (0..2).map(Value::Int).collect();
    assert!(matches!(b, ArgVec::Inline { .. }));
    assert_eq!(b.drain(..).count(), 2);
    assert!(b.is_empty());
    let c = ArgVec::from(vec![Value::Int(7)]);
    assert!(matches!(c, ArgVec::Heap(_)));
    assert_eq!(ints(&c), vec![7]);
}
