//! The CPython 3.11 opcode table, written once (CPython: `Lib/opcode.py`, `Include/opcode.h`,
//! and `stack_effect` in `Python/compile.c`). Every other opcode fact (name map, `hasjrel`,
//! `hasname`, cache counts, stack effects) is derived from [`OPCODES`].

/// How an instruction's argument is a jump, if it is one (`hasjrel` / `hasjabs` in `opcode.py`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jump {
    /// Not a jump.
    None,
    /// Relative forward: target = offset of next instruction + 2 * arg (`hasjrel`).
    Forward,
    /// Relative backward: target = offset of next instruction - 2 * arg (`hasjrel`).
    Backward,
    /// Absolute: target = 2 * arg (`hasjabs`; unused by 3.11's real opcodes).
    Absolute,
}

/// Stack effect as CPython 3.11's `stack_effect(opcode, oparg, jump)` computes it.
#[derive(Clone, Copy, Debug)]
pub enum Effect {
    /// The same whatever the argument or branch.
    Fixed(i32),
    /// A conditional jump: effect when falling through, effect when jumping.
    Branch { nojump: i32, jump: i32 },
    /// `mul * oparg + add`.
    Linear { mul: i32, add: i32 },
    /// An argument-dependent rule with a name (see [`special_effect`]).
    Special(SpecialEffect),
    /// A specialized (quickened) instruction: `stack_effect` rejects it.
    Invalid,
}

/// The opcodes whose stack effect needs more than a linear formula.
#[derive(Clone, Copy, Debug)]
pub enum SpecialEffect {
    /// `UNPACK_EX`: `(oparg & 0xFF) + (oparg >> 8)`.
    UnpackEx,
    /// `MAKE_FUNCTION`: minus one per flag bit among the low four.
    MakeFunction,
    /// `BUILD_SLICE`: `-2` when `oparg == 3`, else `-1`.
    BuildSlice,
    /// `FORMAT_VALUE`: `-1` with a format spec (`oparg & 4`), else `0`.
    FormatValue,
    /// `CALL_FUNCTION_EX`: `-2`, or `-3` with a kwargs dict (`oparg & 1`).
    CallFunctionEx,
    /// `LOAD_GLOBAL`: `1`, or `2` when it also pushes NULL (`oparg & 1`).
    LoadGlobal,
}

/// One row of the opcode table.
#[derive(Clone, Copy, Debug)]
pub struct OpInfo {
    /// The opcode number (`opcode.opmap[name]`, or `dis._all_opmap` for specialized ones).
    pub code: u8,
    /// The name as `opcode.opname` spells it.
    pub name: &'static str,
    /// `opcode._inline_cache_entries[code]`: CACHE code units following the instruction.
    /// Specialized opcodes list 0 here, as `opcode.py` does; they use their base's caches.
    pub caches: u8,
    /// Jump kind of the argument.
    pub jump: Jump,
    /// Stack effect.
    pub effect: Effect,
    /// For a specialized opcode, the name of its base (`opcode._specializations`).
    pub base: Option<&'static str>,
    /// One line: what the instruction does (TOS = top of stack, TOS1 below it).
    pub meaning: &'static str,
}

/// `opcode.HAVE_ARGUMENT`: base opcodes at or above this number take an argument.
pub const HAVE_ARGUMENT: u8 = 90;
/// `EXTENDED_ARG`'s number.
pub const EXTENDED_ARG: u8 = 144;
/// `CACHE`'s number.
pub const CACHE: u8 = 0;
/// `opcode.cmp_op`: the argument of `COMPARE_OP`.
pub const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];
/// `opcode._nb_ops`: the argument of `BINARY_OP` (enum name, operator).
pub const NB_OPS: [(&str, &str); 26] = [
    ("NB_ADD", "+"),
    ("NB_AND", "&"),
    ("NB_FLOOR_DIVIDE", "//"),
    ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"),
    ("NB_MULTIPLY", "*"),
    ("NB_REMAINDER", "%"),
    ("NB_OR", "|"),
    ("NB_POWER", "**"),
    ("NB_RSHIFT", ">>"),
    ("NB_SUBTRACT", "-"),
    ("NB_TRUE_DIVIDE", "/"),
    ("NB_XOR", "^"),
    ("NB_INPLACE_ADD", "+="),
    ("NB_INPLACE_AND", "&="),
    ("NB_INPLACE_FLOOR_DIVIDE", "//="),
    ("NB_INPLACE_LSHIFT", "<<="),
    ("NB_INPLACE_MATRIX_MULTIPLY", "@="),
    ("NB_INPLACE_MULTIPLY", "*="),
    ("NB_INPLACE_REMAINDER", "%="),
    ("NB_INPLACE_OR", "|="),
    ("NB_INPLACE_POWER", "**="),
    ("NB_INPLACE_RSHIFT", ">>="),
    ("NB_INPLACE_SUBTRACT", "-="),
    ("NB_INPLACE_TRUE_DIVIDE", "/="),
    ("NB_INPLACE_XOR", "^="),
];

use Effect::{Branch, Fixed, Invalid, Linear, Special};
use Jump::{Backward as Bwd, Forward as Fwd, None as NoJ};
use SpecialEffect as S;

const fn op(
    code: u8,
    name: &'static str,
    caches: u8,
    jump: Jump,
    effect: Effect,
    meaning: &'static str,
) -> OpInfo {
    OpInfo {
        code,
        name,
        caches,
        jump,
        effect,
        base: None,
        meaning,
    }
}

const fn spec(code: u8, name: &'static str, base: &'static str, meaning: &'static str) -> OpInfo {
    OpInfo {
        code,
        name,
        caches: 0,
        jump: NoJ,
        effect: Invalid,
        base: Some(base),
        meaning,
    }
}

const fn lin(mul: i32, add: i32) -> Effect {
    Linear { mul, add }
}

/// The table: one row per opcode of CPython 3.11.7, in number order, specialized ones included.
#[rustfmt::skip]
pub const OPCODES: &[OpInfo] = &[
    op(  0, "CACHE", 0, NoJ, Fixed(0), "inline cache entry; never executed"),
    op(  1, "POP_TOP", 0, NoJ, Fixed(-1), "pop TOS"),
    op(  2, "PUSH_NULL", 0, NoJ, Fixed(1), "push NULL (marks a plain call in CALL's layout)"),
    spec(  3, "BINARY_OP_ADAPTIVE", "BINARY_OP", "BINARY_OP collecting specialization statistics"),
    spec(  4, "BINARY_OP_ADD_FLOAT", "BINARY_OP", "TOS = TOS1 + TOS for two floats"),
    spec(  5, "BINARY_OP_ADD_INT", "BINARY_OP", "TOS = TOS1 + TOS for two ints"),
    spec(  6, "BINARY_OP_ADD_UNICODE", "BINARY_OP", "TOS = TOS1 + TOS for two strs"),
    spec(  7, "BINARY_OP_INPLACE_ADD_UNICODE", "BINARY_OP", "local str += str, in place when possible"),
    spec(  8, "BINARY_OP_MULTIPLY_FLOAT", "BINARY_OP", "TOS = TOS1 * TOS for two floats"),
    op(  9, "NOP", 0, NoJ, Fixed(0), "do nothing"),
    op( 10, "UNARY_POSITIVE", 0, NoJ, Fixed(0), "TOS = +TOS"),
    op( 11, "UNARY_NEGATIVE", 0, NoJ, Fixed(0), "TOS = -TOS"),
    op( 12, "UNARY_NOT", 0, NoJ, Fixed(0), "TOS = not TOS"),
    spec( 13, "BINARY_OP_MULTIPLY_INT", "BINARY_OP", "TOS = TOS1 * TOS for two ints"),
    spec( 14, "BINARY_OP_SUBTRACT_FLOAT", "BINARY_OP", "TOS = TOS1 - TOS for two floats"),
    op( 15, "UNARY_INVERT", 0, NoJ, Fixed(0), "TOS = ~TOS"),
    spec( 16, "BINARY_OP_SUBTRACT_INT", "BINARY_OP", "TOS = TOS1 - TOS for two ints"),
    spec( 17, "BINARY_SUBSCR_ADAPTIVE", "BINARY_SUBSCR", "BINARY_SUBSCR collecting statistics"),
    spec( 18, "BINARY_SUBSCR_DICT", "BINARY_SUBSCR", "TOS = TOS1[TOS] for an exact dict"),
    spec( 19, "BINARY_SUBSCR_GETITEM", "BINARY_SUBSCR", "TOS = TOS1[TOS] via a Python __getitem__"),
    spec( 20, "BINARY_SUBSCR_LIST_INT", "BINARY_SUBSCR", "TOS = TOS1[TOS] for list and small int"),
    spec( 21, "BINARY_SUBSCR_TUPLE_INT", "BINARY_SUBSCR", "TOS = TOS1[TOS] for tuple and small int"),
    spec( 22, "CALL_ADAPTIVE", "CALL", "CALL collecting statistics"),
    spec( 23, "CALL_PY_EXACT_ARGS", "CALL", "call a Python function with exactly its positional args"),
    spec( 24, "CALL_PY_WITH_DEFAULTS", "CALL", "call a Python function filling defaults"),
    op( 25, "BINARY_SUBSCR", 4, NoJ, Fixed(-1), "TOS = TOS1[TOS]"),
    spec( 26, "COMPARE_OP_ADAPTIVE", "COMPARE_OP", "COMPARE_OP collecting statistics"),
    spec( 27, "COMPARE_OP_FLOAT_JUMP", "COMPARE_OP", "compare two floats and jump on the result"),
    spec( 28, "COMPARE_OP_INT_JUMP", "COMPARE_OP", "compare two ints and jump on the result"),
    spec( 29, "COMPARE_OP_STR_JUMP", "COMPARE_OP", "compare two strs for (in)equality and jump"),
    op( 30, "GET_LEN", 0, NoJ, Fixed(1), "push len(TOS)"),
    op( 31, "MATCH_MAPPING", 0, NoJ, Fixed(1), "push whether TOS is a mapping (match statement)"),
    op( 32, "MATCH_SEQUENCE", 0, NoJ, Fixed(1), "push whether TOS is a sequence (match statement)"),
    op( 33, "MATCH_KEYS", 0, NoJ, Fixed(1), "push tuple of TOS1's values for keys TOS, or None"),
    spec( 34, "EXTENDED_ARG_QUICK", "EXTENDED_ARG", "EXTENDED_ARG without the trace check"),
    op( 35, "PUSH_EXC_INFO", 0, NoJ, Fixed(1), "push current exception, make TOS the current one"),
    op( 36, "CHECK_EXC_MATCH", 0, NoJ, Fixed(0), "TOS = isinstance-match(TOS1, TOS) for except"),
    op( 37, "CHECK_EG_MATCH", 0, NoJ, Fixed(0), "split exception group TOS1 by TOS (except*)"),
    spec( 38, "JUMP_BACKWARD_QUICK", "JUMP_BACKWARD", "JUMP_BACKWARD without warm-up counting"),
    spec( 39, "LOAD_ATTR_ADAPTIVE", "LOAD_ATTR", "LOAD_ATTR collecting statistics"),
    spec( 40, "LOAD_ATTR_INSTANCE_VALUE", "LOAD_ATTR", "TOS = TOS.name from the inline values"),
    spec( 41, "LOAD_ATTR_MODULE", "LOAD_ATTR", "TOS = module.name from the module dict"),
    spec( 42, "LOAD_ATTR_SLOT", "LOAD_ATTR", "TOS = TOS.name from a __slots__ slot"),
    spec( 43, "LOAD_ATTR_WITH_HINT", "LOAD_ATTR", "TOS = TOS.name using a dict index hint"),
    spec( 44, "LOAD_CONST__LOAD_FAST", "LOAD_CONST", "superinstruction: LOAD_CONST then LOAD_FAST"),
    spec( 45, "LOAD_FAST__LOAD_CONST", "LOAD_FAST", "superinstruction: LOAD_FAST then LOAD_CONST"),
    spec( 46, "LOAD_FAST__LOAD_FAST", "LOAD_FAST", "superinstruction: LOAD_FAST twice"),
    spec( 47, "LOAD_GLOBAL_ADAPTIVE", "LOAD_GLOBAL", "LOAD_GLOBAL collecting statistics"),
    spec( 48, "LOAD_GLOBAL_BUILTIN", "LOAD_GLOBAL", "push a builtin, checked by dict key versions"),
    op( 49, "WITH_EXCEPT_START", 0, NoJ, Fixed(1), "call the __exit__ below the exception with it"),
    op( 50, "GET_AITER", 0, NoJ, Fixed(0), "TOS = TOS.__aiter__()"),
    op( 51, "GET_ANEXT", 0, NoJ, Fixed(1), "push awaitable of TOS.__anext__()"),
    op( 52, "BEFORE_ASYNC_WITH", 0, NoJ, Fixed(1), "push __aexit__ and the awaitable of __aenter__()"),
    op( 53, "BEFORE_WITH", 0, NoJ, Fixed(1), "push __exit__ and the result of __enter__()"),
    op( 54, "END_ASYNC_FOR", 0, NoJ, Fixed(-2), "end async for on StopAsyncIteration, else re-raise"),
    spec( 55, "LOAD_GLOBAL_MODULE", "LOAD_GLOBAL", "push a module global, checked by keys version"),
    spec( 56, "LOAD_METHOD_ADAPTIVE", "LOAD_METHOD", "LOAD_METHOD collecting statistics"),
    spec( 57, "LOAD_METHOD_CLASS", "LOAD_METHOD", "load a method from a class object"),
    spec( 58, "LOAD_METHOD_MODULE", "LOAD_METHOD", "load a function from a module"),
    spec( 59, "LOAD_METHOD_NO_DICT", "LOAD_METHOD", "load a method of an instance without __dict__"),
    op( 60, "STORE_SUBSCR", 1, NoJ, Fixed(-3), "TOS1[TOS] = TOS2"),
    op( 61, "DELETE_SUBSCR", 0, NoJ, Fixed(-2), "del TOS1[TOS]"),
    spec( 62, "LOAD_METHOD_WITH_DICT", "LOAD_METHOD", "load a method, instance dict checked by hint"),
    spec( 63, "LOAD_METHOD_WITH_VALUES", "LOAD_METHOD", "load a method, instance values checked"),
    spec( 64, "PRECALL_ADAPTIVE", "PRECALL", "PRECALL collecting statistics"),
    spec( 65, "PRECALL_BOUND_METHOD", "PRECALL", "unpack a bound method into self and function"),
    spec( 66, "PRECALL_BUILTIN_CLASS", "PRECALL", "call a builtin class"),
    spec( 67, "PRECALL_BUILTIN_FAST_WITH_KEYWORDS", "PRECALL", "call a METH_FASTCALL|METH_KEYWORDS builtin"),
    op( 68, "GET_ITER", 0, NoJ, Fixed(0), "TOS = iter(TOS)"),
    op( 69, "GET_YIELD_FROM_ITER", 0, NoJ, Fixed(0), "TOS = iter(TOS) unless a generator/coroutine"),
    op( 70, "PRINT_EXPR", 0, NoJ, Fixed(-1), "interactive mode: pop TOS and print it via sys.displayhook"),
    op( 71, "LOAD_BUILD_CLASS", 0, NoJ, Fixed(1), "push builtins.__build_class__"),
    spec( 72, "PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS", "PRECALL", "call a fast method descriptor with keywords"),
    spec( 73, "PRECALL_NO_KW_BUILTIN_FAST", "PRECALL", "call a METH_FASTCALL builtin"),
    op( 74, "LOAD_ASSERTION_ERROR", 0, NoJ, Fixed(1), "push AssertionError"),
    op( 75, "RETURN_GENERATOR", 0, NoJ, Fixed(0), "create a generator from the frame and return it"),
    spec( 76, "PRECALL_NO_KW_BUILTIN_O", "PRECALL", "call a METH_O builtin"),
    spec( 77, "PRECALL_NO_KW_ISINSTANCE", "PRECALL", "call isinstance(a, b)"),
    spec( 78, "PRECALL_NO_KW_LEN", "PRECALL", "call len(x)"),
    spec( 79, "PRECALL_NO_KW_LIST_APPEND", "PRECALL", "call list.append(x)"),
    spec( 80, "PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST", "PRECALL", "call a METH_FASTCALL method descriptor"),
    spec( 81, "PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS", "PRECALL", "call a METH_NOARGS method descriptor"),
    op( 82, "LIST_TO_TUPLE", 0, NoJ, Fixed(0), "TOS = tuple(TOS) for a list"),
    op( 83, "RETURN_VALUE", 0, NoJ, Fixed(-1), "return TOS to the caller"),
    op( 84, "IMPORT_STAR", 0, NoJ, Fixed(-1), "from TOS import *"),
    op( 85, "SETUP_ANNOTATIONS", 0, NoJ, Fixed(0), "create __annotations__ in locals if missing"),
    op( 86, "YIELD_VALUE", 0, NoJ, Fixed(0), "yield TOS; TOS = the value sent back"),
    op( 87, "ASYNC_GEN_WRAP", 0, NoJ, Fixed(0), "wrap TOS as an async generator's yielded value"),
    op( 88, "PREP_RERAISE_STAR", 0, NoJ, Fixed(-1), "combine raised and re-raised groups of except*"),
    op( 89, "POP_EXCEPT", 0, NoJ, Fixed(-1), "restore the exception saved by PUSH_EXC_INFO"),
    op( 90, "STORE_NAME", 0, NoJ, Fixed(-1), "co_names[arg] = TOS (locals, then globals)"),
    op( 91, "DELETE_NAME", 0, NoJ, Fixed(0), "del co_names[arg] in locals"),
    op( 92, "UNPACK_SEQUENCE", 1, NoJ, lin(1, -1), "replace TOS by its arg items, first on top"),
    op( 93, "FOR_ITER", 0, Fwd, Branch { nojump: 1, jump: -1 }, "push next(TOS), or pop TOS and jump when exhausted"),
    op( 94, "UNPACK_EX", 0, NoJ, Special(S::UnpackEx), "starred unpack: arg = before | after << 8"),
    op( 95, "STORE_ATTR", 4, NoJ, Fixed(-2), "TOS.co_names[arg] = TOS1"),
    op( 96, "DELETE_ATTR", 0, NoJ, Fixed(-1), "del TOS.co_names[arg]"),
    op( 97, "STORE_GLOBAL", 0, NoJ, Fixed(-1), "global co_names[arg] = TOS"),
    op( 98, "DELETE_GLOBAL", 0, NoJ, Fixed(0), "del global co_names[arg]"),
    op( 99, "SWAP", 0, NoJ, Fixed(0), "swap TOS with the item at depth arg"),
    op(100, "LOAD_CONST", 0, NoJ, Fixed(1), "push co_consts[arg]"),
    op(101, "LOAD_NAME", 0, NoJ, Fixed(1), "push co_names[arg] from locals, globals, builtins"),
    op(102, "BUILD_TUPLE", 0, NoJ, lin(-1, 1), "replace the top arg items by a tuple of them"),
    op(103, "BUILD_LIST", 0, NoJ, lin(-1, 1), "replace the top arg items by a list of them"),
    op(104, "BUILD_SET", 0, NoJ, lin(-1, 1), "replace the top arg items by a set of them"),
    op(105, "BUILD_MAP", 0, NoJ, lin(-2, 1), "replace the top 2*arg items (key, value pairs) by a dict"),
    op(106, "LOAD_ATTR", 4, NoJ, Fixed(0), "TOS = TOS.co_names[arg]"),
    op(107, "COMPARE_OP", 2, NoJ, Fixed(-1), "TOS = TOS1 cmp_op[arg] TOS"),
    op(108, "IMPORT_NAME", 0, NoJ, Fixed(-1), "TOS = __import__(co_names[arg], fromlist=TOS, level=TOS1)"),
    op(109, "IMPORT_FROM", 0, NoJ, Fixed(1), "push TOS.co_names[arg] (from-import)"),
    op(110, "JUMP_FORWARD", 0, Fwd, Fixed(0), "jump forward by arg code units"),
    op(111, "JUMP_IF_FALSE_OR_POP", 0, Fwd, Branch { nojump: -1, jump: 0 }, "if not TOS: jump, keeping TOS; else pop TOS"),
    op(112, "JUMP_IF_TRUE_OR_POP", 0, Fwd, Branch { nojump: -1, jump: 0 }, "if TOS: jump, keeping TOS; else pop TOS"),
    spec(113, "PRECALL_NO_KW_METHOD_DESCRIPTOR_O", "PRECALL", "call a METH_O method descriptor"),
    op(114, "POP_JUMP_FORWARD_IF_FALSE", 0, Fwd, Fixed(-1), "pop TOS; jump forward if it is false"),
    op(115, "POP_JUMP_FORWARD_IF_TRUE", 0, Fwd, Fixed(-1), "pop TOS; jump forward if it is true"),
    op(116, "LOAD_GLOBAL", 5, NoJ, Special(S::LoadGlobal), "push global co_names[arg >> 1], after NULL if arg & 1"),
    op(117, "IS_OP", 0, NoJ, Fixed(-1), "TOS = TOS1 is TOS (is not when arg is 1)"),
    op(118, "CONTAINS_OP", 0, NoJ, Fixed(-1), "TOS = TOS1 in TOS (not in when arg is 1)"),
    op(119, "RERAISE", 0, NoJ, Fixed(-1), "re-raise TOS; arg set: restore f_lasti from TOS1"),
    op(120, "COPY", 0, NoJ, Fixed(1), "push a copy of the item at depth arg"),
    spec(121, "PRECALL_NO_KW_STR_1", "PRECALL", "call str(x)"),
    op(122, "BINARY_OP", 1, NoJ, Fixed(-1), "TOS = TOS1 nb_ops[arg] TOS"),
    op(123, "SEND", 0, Fwd, Branch { nojump: 0, jump: -1 }, "TOS = TOS1.send(TOS); jump when it returns"),
    op(124, "LOAD_FAST", 0, NoJ, Fixed(1), "push local co_varnames[arg]"),
    op(125, "STORE_FAST", 0, NoJ, Fixed(-1), "local co_varnames[arg] = TOS"),
    op(126, "DELETE_FAST", 0, NoJ, Fixed(0), "del local co_varnames[arg]"),
    spec(127, "PRECALL_NO_KW_TUPLE_1", "PRECALL", "call tuple(x)"),
    op(128, "POP_JUMP_FORWARD_IF_NOT_NONE", 0, Fwd, Fixed(-1), "pop TOS; jump forward if it is not None"),
    op(129, "POP_JUMP_FORWARD_IF_NONE", 0, Fwd, Fixed(-1), "pop TOS; jump forward if it is None"),
    op(130, "RAISE_VARARGS", 0, NoJ, lin(-1, 0), "raise (arg 0), raise TOS (1), raise TOS1 from TOS (2)"),
    op(131, "GET_AWAITABLE", 0, NoJ, Fixed(0), "TOS = awaitable of TOS; arg says where (for errors)"),
    op(132, "MAKE_FUNCTION", 0, NoJ, Special(S::MakeFunction), "TOS = function from code TOS and the parts flagged in arg"),
    op(133, "BUILD_SLICE", 0, NoJ, Special(S::BuildSlice), "replace the top 2 or 3 items by slice(...)"),
    op(134, "JUMP_BACKWARD_NO_INTERRUPT", 0, Bwd, Fixed(0), "jump backward by arg code units, no eval-breaker check"),
    op(135, "MAKE_CELL", 0, NoJ, Fixed(0), "local slot arg = cell(local slot arg)"),
    op(136, "LOAD_CLOSURE", 0, NoJ, Fixed(1), "push the cell in slot arg"),
    op(137, "LOAD_DEREF", 0, NoJ, Fixed(1), "push the content of the cell in slot arg"),
    op(138, "STORE_DEREF", 0, NoJ, Fixed(-1), "cell in slot arg = TOS"),
    op(139, "DELETE_DEREF", 0, NoJ, Fixed(0), "empty the cell in slot arg"),
    op(140, "JUMP_BACKWARD", 0, Bwd, Fixed(0), "jump backward by arg code units"),
    spec(141, "PRECALL_NO_KW_TYPE_1", "PRECALL", "call type(x)"),
    op(142, "CALL_FUNCTION_EX", 0, NoJ, Special(S::CallFunctionEx), "call TOS1/TOS2 with *args tuple (and **kwargs if arg & 1)"),
    spec(143, "PRECALL_PYFUNC", "PRECALL", "prepare a call of a Python function"),
    op(144, "EXTENDED_ARG", 0, NoJ, Fixed(0), "prefix: shift arg into the next instruction's high bits"),
    op(145, "LIST_APPEND", 0, NoJ, Fixed(-1), "list at depth arg .append(TOS) (comprehensions)"),
    op(146, "SET_ADD", 0, NoJ, Fixed(-1), "set at depth arg .add(TOS) (comprehensions)"),
    op(147, "MAP_ADD", 0, NoJ, Fixed(-2), "dict at depth arg [TOS1] = TOS (comprehensions)"),
    op(148, "LOAD_CLASSDEREF", 0, NoJ, Fixed(1), "push slot arg's name from class locals, else the cell"),
    op(149, "COPY_FREE_VARS", 0, NoJ, Fixed(0), "copy arg free-variable cells from the closure into the frame"),
    spec(150, "RESUME_QUICK", "RESUME", "RESUME after quickening"),
    op(151, "RESUME", 0, NoJ, Fixed(0), "no-op marking start / resumption (arg: where) for tracing"),
    op(152, "MATCH_CLASS", 0, NoJ, Fixed(-2), "TOS = attrs tuple of match TOS2 against class TOS1 (arg positional)"),
    spec(153, "STORE_ATTR_ADAPTIVE", "STORE_ATTR", "STORE_ATTR collecting statistics"),
    spec(154, "STORE_ATTR_INSTANCE_VALUE", "STORE_ATTR", "store into the inline values"),
    op(155, "FORMAT_VALUE", 0, NoJ, Special(S::FormatValue), "TOS = format(conv(value), spec) for f-strings"),
    op(156, "BUILD_CONST_KEY_MAP", 0, NoJ, lin(-1, 0), "dict from key tuple TOS and the arg values below it"),
    op(157, "BUILD_STRING", 0, NoJ, lin(-1, 1), "replace the top arg strs by their concatenation"),
    spec(158, "STORE_ATTR_SLOT", "STORE_ATTR", "store into a __slots__ slot"),
    spec(159, "STORE_ATTR_WITH_HINT", "STORE_ATTR", "store into the instance dict using a hint"),
    op(160, "LOAD_METHOD", 10, NoJ, Fixed(1), "replace TOS by (method, self) or (NULL, TOS.co_names[arg])"),
    spec(161, "STORE_FAST__LOAD_FAST", "STORE_FAST", "superinstruction: STORE_FAST then LOAD_FAST"),
    op(162, "LIST_EXTEND", 0, NoJ, Fixed(-1), "list at depth arg .extend(TOS)"),
    op(163, "SET_UPDATE", 0, NoJ, Fixed(-1), "set at depth arg .update(TOS)"),
    op(164, "DICT_MERGE", 0, NoJ, Fixed(-1), "dict at depth arg merged with TOS, duplicate keys an error"),
    op(165, "DICT_UPDATE", 0, NoJ, Fixed(-1), "dict at depth arg .update(TOS)"),
    op(166, "PRECALL", 1, NoJ, lin(-1, 0), "prepare a call of arg arguments (bound-method unpacking)"),
    spec(167, "STORE_FAST__STORE_FAST", "STORE_FAST", "superinstruction: STORE_FAST twice"),
    spec(168, "STORE_SUBSCR_ADAPTIVE", "STORE_SUBSCR", "STORE_SUBSCR collecting statistics"),
    spec(169, "STORE_SUBSCR_DICT", "STORE_SUBSCR", "dict[key] = value for an exact dict"),
    spec(170, "STORE_SUBSCR_LIST_INT", "STORE_SUBSCR", "list[int] = value"),
    op(171, "CALL", 4, NoJ, Fixed(-1), "call with arg arguments (names from KW_NAMES) after PRECALL"),
    op(172, "KW_NAMES", 0, NoJ, Fixed(0), "set co_consts[arg] as the keyword names of the next CALL"),
    op(173, "POP_JUMP_BACKWARD_IF_NOT_NONE", 0, Bwd, Fixed(-1), "pop TOS; jump backward if it is not None"),
    op(174, "POP_JUMP_BACKWARD_IF_NONE", 0, Bwd, Fixed(-1), "pop TOS; jump backward if it is None"),
    op(175, "POP_JUMP_BACKWARD_IF_FALSE", 0, Bwd, Fixed(-1), "pop TOS; jump backward if it is false"),
    op(176, "POP_JUMP_BACKWARD_IF_TRUE", 0, Bwd, Fixed(-1), "pop TOS; jump backward if it is true"),
    spec(177, "UNPACK_SEQUENCE_ADAPTIVE", "UNPACK_SEQUENCE", "UNPACK_SEQUENCE collecting statistics"),
    spec(178, "UNPACK_SEQUENCE_LIST", "UNPACK_SEQUENCE", "unpack an exact list"),
    spec(179, "UNPACK_SEQUENCE_TUPLE", "UNPACK_SEQUENCE", "unpack an exact tuple"),
    spec(180, "UNPACK_SEQUENCE_TWO_TUPLE", "UNPACK_SEQUENCE", "unpack an exact 2-tuple"),
];

/// What the table holds for each byte value: an index into [`OPCODES`], or `u8::MAX`.
const INDEX: [u8; 256] = {
    let mut index = [u8::MAX; 256];
    let mut i = 0;
    while i < OPCODES.len() {
        index[OPCODES[i].code as usize] = i as u8;
        i += 1;
    }
    index
};

/// The row for an opcode number, if it names an opcode.
pub fn info(code: u8) -> Option<&'static OpInfo> {
    let i = INDEX[code as usize];
    (i != u8::MAX).then(|| &OPCODES[i as usize])
}

/// The opcode number for a name (`dis._all_opmap`).
pub fn by_name(name: &str) -> Option<u8> {
    OPCODES.iter().find(|o| o.name == name).map(|o| o.code)
}

/// The name of an opcode number; `<n>` for an unused number, as `opcode.opname` shows it.
pub fn name(code: u8) -> std::borrow::Cow<'static, str> {
    match info(code) {
        Some(o) => o.name.into(),
        None => format!("<{code}>").into(),
    }
}

/// The base opcode of a specialized one (`dis._deoptop`); the opcode itself otherwise.
pub fn deopt(code: u8) -> u8 {
    match info(code).and_then(|o| o.base) {
        Some(base) => by_name(base).unwrap_or(code),
        None => code,
    }
}

/// Whether the (deoptimized) opcode reads its argument byte.
pub fn has_arg(code: u8) -> bool {
    deopt(code) >= HAVE_ARGUMENT
}

const fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// CACHE units per byte value, a specialized opcode taking its base's count (the
/// assembler asks for every instruction it lays out).
const CACHES: [u8; 256] = {
    let mut caches = [0u8; 256];
    let mut i = 0;
    while i < OPCODES.len() {
        let o = &OPCODES[i];
        caches[o.code as usize] = match o.base {
            None => o.caches,
            Some(base) => {
                let mut j = 0;
                let mut n = 0;
                while j < OPCODES.len() {
                    if same_name(OPCODES[j].name, base) {
                        n = OPCODES[j].caches;
                    }
                    j += 1;
                }
                n
            }
        };
        i += 1;
    }
    caches
};

/// CACHE code units following an instruction in the code array (the base's count).
pub fn cache_entries(code: u8) -> usize {
    CACHES[code as usize] as usize
}

/// Jump kind of an opcode (of its base for specialized ones).
pub fn jump_kind(code: u8) -> Jump {
    info(deopt(code)).map_or(Jump::None, |o| o.jump)
}

fn names_where(pred: impl Fn(&OpInfo) -> bool) -> Vec<u8> {
    OPCODES.iter().filter(|o| pred(o)).map(|o| o.code).collect()
}

/// `opcode.hasjrel`.
pub fn hasjrel() -> Vec<u8> {
    names_where(|o| matches!(o.jump, Jump::Forward | Jump::Backward))
}
/// `opcode.hasjabs`.
pub fn hasjabs() -> Vec<u8> {
    names_where(|o| o.jump == Jump::Absolute)
}

/// Which table a base opcode's argument indexes (`hasconst`, `hasname`, ... in `opcode.py`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// `hasconst`: an index into `co_consts`.
    Const,
    /// `hasname`: an index into `co_names` (`LOAD_GLOBAL`: index << 1 | push-null).
    Name,
    /// `haslocal`: an index into the fast locals.
    Local,
    /// `hasfree`: an index into localsplus (cells and free variables).
    Free,
    /// `hascompare`: an index into [`CMP_OP`].
    Compare,
    /// Anything else.
    Other,
}

/// The kind of an opcode's argument, derived from its name: the lists in `opcode.py` are
/// short and follow these names exactly (checked against `opcode` in the tests).
pub fn arg_kind(code: u8) -> ArgKind {
    let Some(o) = info(deopt(code)) else {
        return ArgKind::Other;
    };
    match o.name {
        "LOAD_CONST" | "KW_NAMES" => ArgKind::Const,
        "STORE_NAME" | "DELETE_NAME" | "STORE_ATTR" | "DELETE_ATTR" | "STORE_GLOBAL"
        | "DELETE_GLOBAL" | "LOAD_NAME" | "LOAD_ATTR" | "IMPORT_NAME" | "IMPORT_FROM"
        | "LOAD_GLOBAL" | "LOAD_METHOD" => ArgKind::Name,
        "LOAD_FAST" | "STORE_FAST" | "DELETE_FAST" => ArgKind::Local,
        "MAKE_CELL" | "LOAD_CLOSURE" | "LOAD_DEREF" | "STORE_DEREF" | "DELETE_DEREF"
        | "LOAD_CLASSDEREF" => ArgKind::Free,
        "COMPARE_OP" => ArgKind::Compare,
        _ => ArgKind::Other,
    }
}

/// `opcode.hasconst`, `hasname`, `haslocal`, `hasfree`, `hascompare` by kind.
pub fn has_kind(kind: ArgKind) -> Vec<u8> {
    names_where(|o| o.base.is_none() && arg_kind(o.code) == kind)
}

/// CPython 3.11's `stack_effect(opcode, oparg, jump)`; `jump` `None` gives the maximum of
/// both branches, as `dis.stack_effect` does. `None` when CPython rejects the opcode.
pub fn stack_effect(code: u8, oparg: i32, jump: Option<bool>) -> Option<i32> {
    let o = info(code)?;
    let oparg = oparg as i64;
    let value = match o.effect {
        Effect::Fixed(n) => n as i64,
        Effect::Branch { nojump, jump: j } => match jump {
            Some(true) => j as i64,
            Some(false) => nojump as i64,
            None => nojump.max(j) as i64,
        },
        Effect::Linear { mul, add } => mul as i64 * oparg + add as i64,
        Effect::Special(s) => special_effect(s, oparg),
        Effect::Invalid => return None,
    };
    Some(value as i32)
}

/// The argument-dependent stack effects.
fn special_effect(s: SpecialEffect, oparg: i64) -> i64 {
    match s {
        S::UnpackEx => (oparg & 0xFF) + (oparg >> 8),
        S::MakeFunction => -(((oparg & 0xF) as u32).count_ones() as i64),
        S::BuildSlice => {
            if oparg == 3 {
                -2
            } else {
                -1
            }
        }
        S::FormatValue => {
            if oparg & 4 != 0 {
                -1
            } else {
                0
            }
        }
        S::CallFunctionEx => -2 - (oparg & 1),
        S::LoadGlobal => 1 + (oparg & 1),
    }
}
