//! What the marshal reader makes its objects with (CPython: the object constructors
//! `r_object` in `Python/marshal.c` calls). The reader ([`crate::read`]) parses the stream;
//! a [`Build`] implementation makes the objects: [`crate::value_builder::ValueBuilder`]
//! makes [`crate::Value`] trees (the `loads` API, the writer's round trip), and the VM
//! makes its own objects straight from the bytes (a warm import builds no value tree
//! first). pyrs-marshal stays independent of the VM this way.

use crate::read::MarshalError;
use num_bigint::BigInt;

/// Makes the objects a marshal stream describes. Every method gets what the reader has
/// already checked (lengths, UTF-8 for `str_utf8` is the builder's to check); errors are
/// [`MarshalError`]s, which end the read.
pub trait Build {
    /// One object. Cloned for each `TYPE_REF` to it.
    type Obj: Clone;
    /// Whether a clone shares the object (a reference count) rather than copying it. When
    /// it does not, the reader bounds what references may copy (a stream of references
    /// to references would otherwise expand exponentially).
    const SHARED: bool;

    fn none(&mut self) -> Self::Obj;
    fn stop_iteration(&mut self) -> Result<Self::Obj, MarshalError>;
    fn ellipsis(&mut self) -> Self::Obj;
    fn bool(&mut self, b: bool) -> Self::Obj;
    fn int(&mut self, i: i64) -> Self::Obj;
    /// An int that does not fit in `i64`.
    fn big_int(&mut self, i: BigInt) -> Self::Obj;
    fn float(&mut self, f: f64) -> Self::Obj;
    fn complex(&mut self, re: f64, im: f64) -> Self::Obj;
    fn bytes(&mut self, b: &[u8]) -> Self::Obj;
    /// `TYPE_UNICODE`/`TYPE_INTERNED`: UTF-8 with lone surrogates allowed
    /// (`surrogatepass`); `None` when the bytes are not that.
    fn str_utf8(&mut self, b: &[u8], interned: bool) -> Option<Self::Obj>;
    /// The `TYPE_ASCII` family: CPython trusts these bytes to be ASCII; others are read
    /// as Latin-1.
    fn str_latin1(&mut self, b: &[u8], interned: bool) -> Self::Obj;
    fn tuple(&mut self, items: Vec<Self::Obj>) -> Self::Obj;
    fn list(&mut self, items: Vec<Self::Obj>) -> Result<Self::Obj, MarshalError>;
    fn set(&mut self, items: Vec<Self::Obj>, frozen: bool) -> Result<Self::Obj, MarshalError>;
    /// Pairs in stream order.
    fn dict(&mut self, pairs: Vec<(Self::Obj, Self::Obj)>) -> Result<Self::Obj, MarshalError>;
    /// A code object from its fields; the builder checks their types (with
    /// [`field_error`]'s messages).
    fn code(&mut self, parts: CodeParts<'_, Self::Obj>) -> Result<Self::Obj, MarshalError>;
}

/// A bytes-typed field of a code object: the stream's bytes themselves when the field was
/// a plain `TYPE_STRING` no reference can name (the usual case: no object is made for
/// it), else whatever object the stream had there (the builder checks it is bytes).
pub enum BytesField<'a, O> {
    Raw(&'a [u8]),
    Obj(O),
}

/// A tuple-typed field of a code object (`co_consts`, `co_names`,
/// `co_localsplusnames`): the items themselves when the field was a tuple no reference
/// can name (no tuple object is made only to be taken apart), else whatever object the
/// stream had there (the builder checks it is a tuple).
pub enum TupleField<O> {
    Items(Vec<O>),
    Obj(O),
}

/// The fields of a 3.11 code object, in marshal order; counts already checked to be
/// non-negative.
pub struct CodeParts<'a, O> {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    pub code: BytesField<'a, O>,
    pub consts: TupleField<O>,
    pub names: TupleField<O>,
    pub localsplusnames: TupleField<O>,
    pub localspluskinds: BytesField<'a, O>,
    pub filename: O,
    pub name: O,
    pub qualname: O,
    pub firstlineno: i32,
    pub linetable: BytesField<'a, O>,
    pub exceptiontable: BytesField<'a, O>,
}

/// The error for a code object field of the wrong type: `field` as CPython names it
/// (`co_code`), `what` the problem (`is not bytes`, `holds a non-str`).
pub fn field_error(field: &str, what: &str) -> MarshalError {
    MarshalError(format!("bad marshal data ({field} {what})"))
}

/// The error for a constant the VM's code objects cannot hold.
pub fn unsupported_constant() -> MarshalError {
    MarshalError("bad marshal data (unsupported constant)".into())
}
