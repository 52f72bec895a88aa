//! The iteration order of a set: CPython's set hash table (`Objects/setobject.c`:
//! `set_add_entry`, `set_insert_clean`, `set_table_resize`, `set_merge`, dummies and the
//! `pop` finger), replayed on the hashes of the members. Membership is decided by the
//! set's dict table (`types/set.rs`); this table only places members where CPython would,
//! so that iterating and printing a set gives CPython's order (for ints exactly; for strs
//! under the same `PYTHONHASHSEED`).

use crate::object::Value;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;

#[derive(Clone)]
pub enum Slot {
    Empty,
    Dummy,
    Active(i64, Value),
}

#[derive(Clone)]
pub struct Order {
    pub slots: Vec<Slot>,
    pub fill: usize,
    pub used: usize,
    finger: usize,
}

impl Default for Order {
    fn default() -> Order {
        Order {
            slots: vec![Slot::Empty; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
}

impl Order {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Members in table order.
    pub fn items(&self) -> Vec<Value> {
        self.slots
            .iter()
            .filter_map(|s| match s {
                Slot::Active(_, k) => Some(k.clone()),
                _ => None,
            })
            .collect()
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for s in &self.slots {
            if let Slot::Active(_, k) = s {
                visit(k);
            }
        }
    }

    /// `set_add_entry` for a key known not to be a member.
    pub fn add_new(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        let found = 'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match self.slots[j] {
                    Slot::Empty => break 'probe j,
                    Slot::Dummy => freeslot = Some(j),
                    Slot::Active(..) => {}
                }
            }
            i = crate::types::dict::next_slot(i, &mut perturb, mask);
        };
        if let Some(f) = freeslot {
            self.slots[f] = Slot::Active(hash, key);
            self.used += 1;
            return;
        }
        self.slots[found] = Slot::Active(hash, key);
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 < mask * 3 {
            return;
        }
        self.resize(if self.used > 50000 {
            self.used * 2
        } else {
            self.used * 4
        });
    }

    fn insert_clean(slots: &mut [Slot], hash: i64, key: Value) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(slots[i], Slot::Empty) {
                slots[i] = Slot::Active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if matches!(slots[j], Slot::Empty) {
                        slots[j] = Slot::Active(hash, key);
                        return;
                    }
                }
            }
            i = crate::types::dict::next_slot(i, &mut perturb, mask);
        }
    }

    /// `set_table_resize`: a table of the smallest power of two above `minused`, members
    /// re-inserted in table order.
    pub fn resize(&mut self, minused: usize) {
        let mut size = MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        for s in old {
            if let Slot::Active(h, k) = s {
                Self::insert_clean(&mut self.slots, h, k);
            }
        }
        self.fill = self.used;
    }

    /// The slot of a member: `is_key` decides among the entries with its hash.
    pub fn find(&self, hash: i64, is_key: &mut dyn FnMut(&Value) -> bool) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        for _ in 0..self.slots.len() * 2 + 64 {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => return None,
                    Slot::Active(h, k) if *h == hash && is_key(k) => return Some(j),
                    _ => {}
                }
            }
            i = crate::types::dict::next_slot(i, &mut perturb, mask);
        }
        // Not reachable for a consistent table; a linear scan keeps it total.
        self.slots
            .iter()
            .position(|s| matches!(s, Slot::Active(h, k) if *h == hash && is_key(k)))
    }

    /// Turn slot `j` into a dummy (`set_discard_entry`); returns the key.
    pub fn remove_at(&mut self, j: usize) -> Option<Value> {
        match std::mem::replace(&mut self.slots[j], Slot::Dummy) {
            Slot::Active(_, k) => {
                self.used -= 1;
                Some(k)
            }
            other => {
                self.slots[j] = other;
                None
            }
        }
    }

    /// The slot `set.pop()` takes (the finger's scan), or None when empty.
    pub fn pop_slot(&mut self) -> Option<usize> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut j = self.finger & mask;
        while !matches!(self.slots[j], Slot::Active(..)) {
            j = if j == mask { 0 } else { j + 1 };
        }
        self.finger = j + 1;
        Some(j)
    }

    pub fn clear(&mut self) {
        *self = Order::default();
    }

    /// `set_merge`'s table work for members of `other` (in its table order); `is_new`
    /// tells which are not yet members of this set.
    pub fn merge(&mut self, other: &Order, is_new: &mut dyn FnMut(&Value) -> bool) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            for (j, s) in other.slots.iter().enumerate() {
                if let Slot::Active(h, k) = s {
                    self.slots[j] = Slot::Active(*h, k.clone());
                }
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for s in &other.slots {
                if let Slot::Active(h, k) = s {
                    Self::insert_clean(&mut self.slots, *h, k.clone());
                }
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for s in &other.slots {
            if let Slot::Active(h, k) = s {
                if is_new(k) {
                    self.add_new(*h, k.clone());
                }
            }
        }
    }
}
