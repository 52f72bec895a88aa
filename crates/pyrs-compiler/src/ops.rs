//! Opcode numbers used by the code generator: CPython 3.11's `Lib/opcode.py` (checked
//! against pyrs-bytecode's table in tests), plus the compiler's pseudo-instructions
//! (CPython: the `SETUP_*`/`POP_BLOCK`/`JUMP*` pseudo-ops of `Python/compile.c`), which
//! the flow graph resolves before assembly.
#![allow(dead_code)]

pub const CACHE: u16 = 0;
pub const POP_TOP: u16 = 1;
pub const PUSH_NULL: u16 = 2;
pub const NOP: u16 = 9;
pub const UNARY_POSITIVE: u16 = 10;
pub const UNARY_NEGATIVE: u16 = 11;
pub const UNARY_NOT: u16 = 12;
pub const UNARY_INVERT: u16 = 15;
pub const BINARY_SUBSCR: u16 = 25;
pub const GET_LEN: u16 = 30;
pub const MATCH_MAPPING: u16 = 31;
pub const MATCH_SEQUENCE: u16 = 32;
pub const MATCH_KEYS: u16 = 33;
pub const PUSH_EXC_INFO: u16 = 35;
pub const CHECK_EXC_MATCH: u16 = 36;
pub const CHECK_EG_MATCH: u16 = 37;
pub const WITH_EXCEPT_START: u16 = 49;
pub const GET_AITER: u16 = 50;
pub const GET_ANEXT: u16 = 51;
pub const BEFORE_ASYNC_WITH: u16 = 52;
pub const BEFORE_WITH: u16 = 53;
pub const END_ASYNC_FOR: u16 = 54;
pub const STORE_SUBSCR: u16 = 60;
pub const DELETE_SUBSCR: u16 = 61;
pub const GET_ITER: u16 = 68;
pub const GET_YIELD_FROM_ITER: u16 = 69;
pub const PRINT_EXPR: u16 = 70;
pub const LOAD_BUILD_CLASS: u16 = 71;
pub const LOAD_ASSERTION_ERROR: u16 = 74;
pub const RETURN_GENERATOR: u16 = 75;
pub const LIST_TO_TUPLE: u16 = 82;
pub const RETURN_VALUE: u16 = 83;
pub const IMPORT_STAR: u16 = 84;
pub const SETUP_ANNOTATIONS: u16 = 85;
pub const YIELD_VALUE: u16 = 86;
pub const ASYNC_GEN_WRAP: u16 = 87;
pub const PREP_RERAISE_STAR: u16 = 88;
pub const POP_EXCEPT: u16 = 89;
pub const STORE_NAME: u16 = 90;
pub const DELETE_NAME: u16 = 91;
pub const UNPACK_SEQUENCE: u16 = 92;
pub const FOR_ITER: u16 = 93;
pub const UNPACK_EX: u16 = 94;
pub const STORE_ATTR: u16 = 95;
pub const DELETE_ATTR: u16 = 96;
pub const STORE_GLOBAL: u16 = 97;
pub const DELETE_GLOBAL: u16 = 98;
pub const SWAP: u16 = 99;
pub const LOAD_CONST: u16 = 100;
pub const LOAD_NAME: u16 = 101;
pub const BUILD_TUPLE: u16 = 102;
pub const BUILD_LIST: u16 = 103;
pub const BUILD_SET: u16 = 104;
pub const BUILD_MAP: u16 = 105;
pub const LOAD_ATTR: u16 = 106;
pub const COMPARE_OP: u16 = 107;
pub const IMPORT_NAME: u16 = 108;
pub const IMPORT_FROM: u16 = 109;
pub const JUMP_FORWARD: u16 = 110;
pub const JUMP_IF_FALSE_OR_POP: u16 = 111;
pub const JUMP_IF_TRUE_OR_POP: u16 = 112;
pub const POP_JUMP_FORWARD_IF_FALSE: u16 = 114;
pub const POP_JUMP_FORWARD_IF_TRUE: u16 = 115;
pub const LOAD_GLOBAL: u16 = 116;
pub const IS_OP: u16 = 117;
pub const CONTAINS_OP: u16 = 118;
pub const RERAISE: u16 = 119;
pub const COPY: u16 = 120;
pub const BINARY_OP: u16 = 122;
pub const SEND: u16 = 123;
pub const LOAD_FAST: u16 = 124;
pub const STORE_FAST: u16 = 125;
pub const DELETE_FAST: u16 = 126;
pub const POP_JUMP_FORWARD_IF_NOT_NONE: u16 = 128;
pub const POP_JUMP_FORWARD_IF_NONE: u16 = 129;
pub const RAISE_VARARGS: u16 = 130;
pub const GET_AWAITABLE: u16 = 131;
pub const MAKE_FUNCTION: u16 = 132;
pub const BUILD_SLICE: u16 = 133;
pub const JUMP_BACKWARD_NO_INTERRUPT: u16 = 134;
pub const MAKE_CELL: u16 = 135;
pub const LOAD_CLOSURE: u16 = 136;
pub const LOAD_DEREF: u16 = 137;
pub const STORE_DEREF: u16 = 138;
pub const DELETE_DEREF: u16 = 139;
pub const JUMP_BACKWARD: u16 = 140;
pub const CALL_FUNCTION_EX: u16 = 142;
pub const EXTENDED_ARG: u16 = 144;
pub const LIST_APPEND: u16 = 145;
pub const SET_ADD: u16 = 146;
pub const MAP_ADD: u16 = 147;
pub const LOAD_CLASSDEREF: u16 = 148;
pub const COPY_FREE_VARS: u16 = 149;
pub const RESUME: u16 = 151;
pub const MATCH_CLASS: u16 = 152;
pub const FORMAT_VALUE: u16 = 155;
pub const BUILD_CONST_KEY_MAP: u16 = 156;
pub const BUILD_STRING: u16 = 157;
pub const LOAD_METHOD: u16 = 160;
pub const LIST_EXTEND: u16 = 162;
pub const SET_UPDATE: u16 = 163;
pub const DICT_MERGE: u16 = 164;
pub const DICT_UPDATE: u16 = 165;
pub const PRECALL: u16 = 166;
pub const CALL: u16 = 171;
pub const KW_NAMES: u16 = 172;
pub const POP_JUMP_BACKWARD_IF_NOT_NONE: u16 = 173;
pub const POP_JUMP_BACKWARD_IF_NONE: u16 = 174;
pub const POP_JUMP_BACKWARD_IF_FALSE: u16 = 175;
pub const POP_JUMP_BACKWARD_IF_TRUE: u16 = 176;

// Pseudo-instructions (never in co_code).
pub const SETUP_FINALLY: u16 = 256;
pub const SETUP_CLEANUP: u16 = 257;
pub const SETUP_WITH: u16 = 258;
pub const POP_BLOCK: u16 = 259;
pub const JUMP: u16 = 260;
pub const JUMP_NO_INTERRUPT: u16 = 261;
pub const POP_JUMP_IF_FALSE: u16 = 262;
pub const POP_JUMP_IF_TRUE: u16 = 263;
pub const POP_JUMP_IF_NONE: u16 = 264;
pub const POP_JUMP_IF_NOT_NONE: u16 = 265;

/// All real opcodes by name, for the table check.
pub const REAL: &[(&str, u16)] = &[
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
