//! Opcode numbers as Rust constants, for `match` arms in the VM's dispatcher and the
//! compiler's code generator (the same numbers as the `OPCODES` table in `opcode.rs`;
//! `tests.rs` checks each against `opcode::by_name`). One list for every crate.
#![allow(dead_code)]

pub const CACHE: u8 = 0;
pub const POP_TOP: u8 = 1;
pub const PUSH_NULL: u8 = 2;
pub const NOP: u8 = 9;
pub const UNARY_POSITIVE: u8 = 10;
pub const UNARY_NEGATIVE: u8 = 11;
pub const UNARY_NOT: u8 = 12;
pub const UNARY_INVERT: u8 = 15;
pub const BINARY_SUBSCR: u8 = 25;
pub const GET_LEN: u8 = 30;
pub const MATCH_MAPPING: u8 = 31;
pub const MATCH_SEQUENCE: u8 = 32;
pub const MATCH_KEYS: u8 = 33;
pub const PUSH_EXC_INFO: u8 = 35;
pub const CHECK_EXC_MATCH: u8 = 36;
pub const CHECK_EG_MATCH: u8 = 37;
pub const WITH_EXCEPT_START: u8 = 49;
pub const GET_AITER: u8 = 50;
pub const GET_ANEXT: u8 = 51;
pub const BEFORE_ASYNC_WITH: u8 = 52;
pub const BEFORE_WITH: u8 = 53;
pub const END_ASYNC_FOR: u8 = 54;
pub const STORE_SUBSCR: u8 = 60;
pub const DELETE_SUBSCR: u8 = 61;
pub const GET_ITER: u8 = 68;
pub const GET_YIELD_FROM_ITER: u8 = 69;
pub const PRINT_EXPR: u8 = 70;
pub const LOAD_BUILD_CLASS: u8 = 71;
pub const LOAD_ASSERTION_ERROR: u8 = 74;
pub const RETURN_GENERATOR: u8 = 75;
pub const LIST_TO_TUPLE: u8 = 82;
pub const RETURN_VALUE: u8 = 83;
pub const IMPORT_STAR: u8 = 84;
pub const SETUP_ANNOTATIONS: u8 = 85;
pub const YIELD_VALUE: u8 = 86;
pub const ASYNC_GEN_WRAP: u8 = 87;
pub const PREP_RERAISE_STAR: u8 = 88;
pub const POP_EXCEPT: u8 = 89;
pub const STORE_NAME: u8 = 90;
pub const DELETE_NAME: u8 = 91;
pub const UNPACK_SEQUENCE: u8 = 92;
pub const FOR_ITER: u8 = 93;
pub const UNPACK_EX: u8 = 94;
pub const STORE_ATTR: u8 = 95;
pub const DELETE_ATTR: u8 = 96;
pub const STORE_GLOBAL: u8 = 97;
pub const DELETE_GLOBAL: u8 = 98;
pub const SWAP: u8 = 99;
pub const LOAD_CONST: u8 = 100;
pub const LOAD_NAME: u8 = 101;
pub const BUILD_TUPLE: u8 = 102;
pub const BUILD_LIST: u8 = 103;
pub const BUILD_SET: u8 = 104;
pub const BUILD_MAP: u8 = 105;
pub const LOAD_ATTR: u8 = 106;
pub const COMPARE_OP: u8 = 107;
pub const IMPORT_NAME: u8 = 108;
pub const IMPORT_FROM: u8 = 109;
pub const JUMP_FORWARD: u8 = 110;
pub const JUMP_IF_FALSE_OR_POP: u8 = 111;
pub const JUMP_IF_TRUE_OR_POP: u8 = 112;
pub const POP_JUMP_FORWARD_IF_FALSE: u8 = 114;
pub const POP_JUMP_FORWARD_IF_TRUE: u8 = 115;
pub const LOAD_GLOBAL: u8 = 116;
pub const IS_OP: u8 = 117;
pub const CONTAINS_OP: u8 = 118;
pub const RERAISE: u8 = 119;
pub const COPY: u8 = 120;
pub const BINARY_OP: u8 = 122;
pub const SEND: u8 = 123;
pub const LOAD_FAST: u8 = 124;
pub const STORE_FAST: u8 = 125;
pub const DELETE_FAST: u8 = 126;
pub const POP_JUMP_FORWARD_IF_NOT_NONE: u8 = 128;
pub const POP_JUMP_FORWARD_IF_NONE: u8 = 129;
pub const RAISE_VARARGS: u8 = 130;
pub const GET_AWAITABLE: u8 = 131;
pub const MAKE_FUNCTION: u8 = 132;
pub const BUILD_SLICE: u8 = 133;
pub const JUMP_BACKWARD_NO_INTERRUPT: u8 = 134;
pub const MAKE_CELL: u8 = 135;
pub const LOAD_CLOSURE: u8 = 136;
pub const LOAD_DEREF: u8 = 137;
pub const STORE_DEREF: u8 = 138;
pub const DELETE_DEREF: u8 = 139;
pub const JUMP_BACKWARD: u8 = 140;
pub const CALL_FUNCTION_EX: u8 = 142;
pub const EXTENDED_ARG: u8 = 144;
pub const LIST_APPEND: u8 = 145;
pub const SET_ADD: u8 = 146;
pub const MAP_ADD: u8 = 147;
pub const LOAD_CLASSDEREF: u8 = 148;
pub const COPY_FREE_VARS: u8 = 149;
pub const RESUME: u8 = 151;
pub const MATCH_CLASS: u8 = 152;
pub const FORMAT_VALUE: u8 = 155;
pub const BUILD_CONST_KEY_MAP: u8 = 156;
pub const BUILD_STRING: u8 = 157;
pub const LOAD_METHOD: u8 = 160;
pub const LIST_EXTEND: u8 = 162;
pub const SET_UPDATE: u8 = 163;
pub const DICT_MERGE: u8 = 164;
pub const DICT_UPDATE: u8 = 165;
pub const PRECALL: u8 = 166;
pub const CALL: u8 = 171;
pub const KW_NAMES: u8 = 172;
pub const POP_JUMP_BACKWARD_IF_NOT_NONE: u8 = 173;
pub const POP_JUMP_BACKWARD_IF_NONE: u8 = 174;
pub const POP_JUMP_BACKWARD_IF_FALSE: u8 = 175;
pub const POP_JUMP_BACKWARD_IF_TRUE: u8 = 176;

/// Every constant above with its name (for the consistency test).
pub const ALL: &[(&str, u8)] = &[
    ("CACHE", CACHE),
    ("POP_TOP", POP_TOP),
    ("PUSH_NULL", PUSH_NULL),
    ("NOP", NOP),
    ("UNARY_POSITIVE", UNARY_POSITIVE),
    ("UNARY_NEGATIVE", UNARY_NEGATIVE),
    ("UNARY_NOT", UNARY_NOT),
    ("UNARY_INVERT", UNARY_INVERT),
    ("BINARY_SUBSCR", BINARY_SUBSCR),
    ("GET_LEN", GET_LEN),
    ("MATCH_MAPPING", MATCH_MAPPING),
    ("MATCH_SEQUENCE", MATCH_SEQUENCE),
    ("MATCH_KEYS", MATCH_KEYS),
    ("PUSH_EXC_INFO", PUSH_EXC_INFO),
    ("CHECK_EXC_MATCH", CHECK_EXC_MATCH),
    ("CHECK_EG_MATCH", CHECK_EG_MATCH),
    ("WITH_EXCEPT_START", WITH_EXCEPT_START),
    ("GET_AITER", GET_AITER),
    ("GET_ANEXT", GET_ANEXT),
    ("BEFORE_ASYNC_WITH", BEFORE_ASYNC_WITH),
    ("BEFORE_WITH", BEFORE_WITH),
    ("END_ASYNC_FOR", END_ASYNC_FOR),
    ("STORE_SUBSCR", STORE_SUBSCR),
    ("DELETE_SUBSCR", DELETE_SUBSCR),
    ("GET_ITER", GET_ITER),
    ("GET_YIELD_FROM_ITER", GET_YIELD_FROM_ITER),
    ("PRINT_EXPR", PRINT_EXPR),
    ("LOAD_BUILD_CLASS", LOAD_BUILD_CLASS),
    ("LOAD_ASSERTION_ERROR", LOAD_ASSERTION_ERROR),
    ("RETURN_GENERATOR", RETURN_GENERATOR),
    ("LIST_TO_TUPLE", LIST_TO_TUPLE),
    ("RETURN_VALUE", RETURN_VALUE),
    ("IMPORT_STAR", IMPORT_STAR),
    ("SETUP_ANNOTATIONS", SETUP_ANNOTATIONS),
    ("YIELD_VALUE", YIELD_VALUE),
    ("ASYNC_GEN_WRAP", ASYNC_GEN_WRAP),
    ("PREP_RERAISE_STAR", PREP_RERAISE_STAR),
    ("POP_EXCEPT", POP_EXCEPT),
    ("STORE_NAME", STORE_NAME),
    ("DELETE_NAME", DELETE_NAME),
    ("UNPACK_SEQUENCE", UNPACK_SEQUENCE),
    ("FOR_ITER", FOR_ITER),
    ("UNPACK_EX", UNPACK_EX),
    ("STORE_ATTR", STORE_ATTR),
    ("DELETE_ATTR", DELETE_ATTR),
    ("STORE_GLOBAL", STORE_GLOBAL),
    ("DELETE_GLOBAL", DELETE_GLOBAL),
    ("SWAP", SWAP),
    ("LOAD_CONST", LOAD_CONST),
    ("LOAD_NAME", LOAD_NAME),
    ("BUILD_TUPLE", BUILD_TUPLE),
    ("BUILD_LIST", BUILD_LIST),
    ("BUILD_SET", BUILD_SET),
    ("BUILD_MAP", BUILD_MAP),
    ("LOAD_ATTR", LOAD_ATTR),
    ("COMPARE_OP", COMPARE_OP),
    ("IMPORT_NAME", IMPORT_NAME),
    ("IMPORT_FROM", IMPORT_FROM),
    ("JUMP_FORWARD", JUMP_FORWARD),
    ("JUMP_IF_FALSE_OR_POP", JUMP_IF_FALSE_OR_POP),
    ("JUMP_IF_TRUE_OR_POP", JUMP_IF_TRUE_OR_POP),
    ("POP_JUMP_FORWARD_IF_FALSE", POP_JUMP_FORWARD_IF_FALSE),
    ("POP_JUMP_FORWARD_IF_TRUE", POP_JUMP_FORWARD_IF_TRUE),
    ("LOAD_GLOBAL", LOAD_GLOBAL),
    ("IS_OP", IS_OP),
    ("CONTAINS_OP", CONTAINS_OP),
    ("RERAISE", RERAISE),
    ("COPY", COPY),
    ("BINARY_OP", BINARY_OP),
    ("SEND", SEND),
    ("LOAD_FAST", LOAD_FAST),
    ("STORE_FAST", STORE_FAST),
    ("DELETE_FAST", DELETE_FAST),
    ("POP_JUMP_FORWARD_IF_NOT_NONE", POP_JUMP_FORWARD_IF_NOT_NONE),
    ("POP_JUMP_FORWARD_IF_NONE", POP_JUMP_FORWARD_IF_NONE),
    ("RAISE_VARARGS", RAISE_VARARGS),
    ("GET_AWAITABLE", GET_AWAITABLE),
    ("MAKE_FUNCTION", MAKE_FUNCTION),
    ("BUILD_SLICE", BUILD_SLICE),
    ("JUMP_BACKWARD_NO_INTERRUPT", JUMP_BACKWARD_NO_INTERRUPT),
    ("MAKE_CELL", MAKE_CELL),
    ("LOAD_CLOSURE", LOAD_CLOSURE),
    ("LOAD_DEREF", LOAD_DEREF),
    ("STORE_DEREF", STORE_DEREF),
    ("DELETE_DEREF", DELETE_DEREF),
    ("JUMP_BACKWARD", JUMP_BACKWARD),
    ("CALL_FUNCTION_EX", CALL_FUNCTION_EX),
    ("EXTENDED_ARG", EXTENDED_ARG),
    ("LIST_APPEND", LIST_APPEND),
    ("SET_ADD", SET_ADD),
    ("MAP_ADD", MAP_ADD),
    ("LOAD_CLASSDEREF", LOAD_CLASSDEREF),
    ("COPY_FREE_VARS", COPY_FREE_VARS),
    ("RESUME", RESUME),
    ("MATCH_CLASS", MATCH_CLASS),
    ("FORMAT_VALUE", FORMAT_VALUE),
    ("BUILD_CONST_KEY_MAP", BUILD_CONST_KEY_MAP),
    ("BUILD_STRING", BUILD_STRING),
    ("LOAD_METHOD", LOAD_METHOD),
    ("LIST_EXTEND", LIST_EXTEND),
    ("SET_UPDATE", SET_UPDATE),
    ("DICT_MERGE", DICT_MERGE),
    ("DICT_UPDATE", DICT_UPDATE),
    ("PRECALL", PRECALL),
    ("CALL", CALL),
    ("KW_NAMES", KW_NAMES),
    (
        "POP_JUMP_BACKWARD_IF_NOT_NONE",
        POP_JUMP_BACKWARD_IF_NOT_NONE,
    ),
    ("POP_JUMP_BACKWARD_IF_NONE", POP_JUMP_BACKWARD_IF_NONE),
    ("POP_JUMP_BACKWARD_IF_FALSE", POP_JUMP_BACKWARD_IF_FALSE),
    ("POP_JUMP_BACKWARD_IF_TRUE", POP_JUMP_BACKWARD_IF_TRUE),
];
