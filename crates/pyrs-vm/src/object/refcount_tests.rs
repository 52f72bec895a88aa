//! Unit tests of weak slots (`refcount.rs`): a slot sees its referent while it lives,
//! is cleared before the box is freed, and never keeps it alive.

use super::WeakSlot;
use crate::object::{Payload, Value};
use crate::vm::Vm;

#[test]
fn weak_slot_follows_the_referent() {
    let vm = Vm::new();
    let obj = vm.alloc(&vm.types.object, Payload::Plain);
    let slot = WeakSlot::new(&obj);
    assert_eq!(
        obj.refcount(),
        1,
        "the WEAKREFS bit is not part of the count"
    );
    assert_eq!(super::weak_slots(&obj).len(), 1);
    let again = slot.get().expect("alive");
    assert!(again.is(&obj));
    assert_eq!(obj.refcount(), 2);
    drop(again);
    let id = obj.id();
    assert_eq!(slot.target_id(), Some(id));
    drop(obj);
    assert!(slot.get().is_none(), "cleared when the referent was freed");
    assert_eq!(slot.target_id(), None);
}

#[test]
fn dead_slots_leave_the_list() {
    let vm = Vm::new();
    let obj = vm.alloc(&vm.types.object, Payload::Plain);
    for _ in 0..100 {
        drop(WeakSlot::new(&obj));
    }
    let kept = WeakSlot::new(&obj);
    assert_eq!(super::weak_slots(&obj).len(), 1);
    let v = Value::Obj(obj);
    drop(v);
    assert!(kept.get().is_none());
}
