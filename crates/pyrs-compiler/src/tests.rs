//! Unit tests: compiling small modules, the SyntaxWarning text (the opcode numbers come from
//! `pyrs_bytecode::opnum`, checked against the table there).
//! The CPython comparisons (cross-execution, dis parity, compile errors) are the scripts
//! under `scripts/`.

#[test]
fn compiles_a_small_module() {
    let m =
        pyrs_parser::parse_module("def f(a, *b, c=1):\n    return [x for x in b if x]\n").unwrap();
    let code = crate::compile_module(&m, "<t>", 0).unwrap();
    assert!(!code.code.is_empty());
}

#[test]
fn deep_nesting_is_a_recursion_error() {
    let src = format!("x = {}1{}\n", "(".repeat(150), ")".repeat(150));
    let m = pyrs_parser::parse_module(&src).unwrap();
    assert!(crate::compile_module(&m, "<t>", 0).is_ok());
}

#[test]
fn syntax_warnings_in_cpython_order() {
    let src = "while x is not 3: break\nassert (x, 1)\nf = lambda: 5() + None[0]\n";
    let (_, ws) = crate::check_script_warnings(src.as_bytes(), "t.py").unwrap();
    let text = crate::render_warnings(&ws, src.as_bytes(), "t.py");
    assert_eq!(
        text,
        "t.py:1: SyntaxWarning: \"is not\" with a literal. Did you mean \"!=\"?\n  \
         while x is not 3: break\n\
         t.py:1: SyntaxWarning: \"is not\" with a literal. Did you mean \"!=\"?\n  \
         while x is not 3: break\n\
         t.py:2: SyntaxWarning: assertion is always true, perhaps remove parentheses?\n  \
         assert (x, 1)\n\
         t.py:3: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?\n  \
         f = lambda: 5() + None[0]\n\
         t.py:3: SyntaxWarning: 'NoneType' object is not subscriptable; perhaps you missed \
         a comma?\n  f = lambda: 5() + None[0]\n"
    );
}

/// Runs a python3 script; `None` (test skipped) when python3 is absent.
fn python(script: &str) -> Option<String> {
    match std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .output()
    {
        Ok(out) if out.status.success() => Some(String::from_utf8(out.stdout).unwrap()),
        Ok(out) => panic!("python3 failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(_) => {
            eprintln!("skipped: python3 not found");
            None
        }
    }
}

/// CPython merges equal constants, `co_consts`/`co_names`/`co_localsplusnames` tuples and
/// linetables/exception tables of one compilation into one object (`merge_const_one`);
/// the .pyc keeps that identity as marshal references. The .pyc pyrs writes must show
/// the same identities in CPython and, for this source, be byte for byte what
/// `marshal.dumps(compile(...))` gives.
#[test]
fn pyc_keeps_merged_constants_shared() {
    let src = "\nf1, f2 = lambda: ..., lambda: ...\n\
               g1, g2 = lambda: 'not a name', lambda: ('not a name',)\n\
               g3 = lambda x: x in {('not a name',)}\n\
               h1, h2 = lambda x: x in {0}, lambda x: x in {0}\n\
               k1 = lambda x: x.y.z\nk2 = lambda a: a.b.c\n\
               def f(x):\n    try: return x.y\n    except E: pass\n\
               def g(x):\n    try: return x.y\n    except E: pass\n\
               def call():\n    (\n        print()\n    )\n";
    let dir = std::env::temp_dir().join(format!("pyrs-compiler-merge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let py = dir.join("m.py");
    std::fs::write(&py, src).unwrap();
    let pyc = crate::pyc_file(src.as_bytes(), py.to_str().unwrap(), 0).unwrap();
    std::fs::write(dir.join("m.pyc"), &pyc).unwrap();
    let script = format!(
        "import marshal\n\
         data = open({pyc:?}, 'rb').read()[16:]\n\
         src = open({py:?}).read()\n\
         ns = {{}}\n\
         exec(marshal.loads(data), ns)\n\
         c = lambda n: ns[n].__code__\n\
         assert c('f1').co_consts is c('f2').co_consts\n\
         assert c('g1').co_consts[1] is c('g2').co_consts[1][0]\n\
         assert next(iter(c('g3').co_consts[1])) is c('g2').co_consts[1]\n\
         assert c('h1').co_consts is c('h2').co_consts\n\
         assert c('k1').co_linetable is c('k2').co_linetable\n\
         assert c('f').co_exceptiontable is c('g').co_exceptiontable\n\
         assert c('f').co_names is c('g').co_names\n\
         line1 = c('call').co_firstlineno + 1\n\
         assert line1 not in [l for (_, _, l) in c('call').co_lines()]\n\
         code = compile(src, {py:?}, 'exec')\n\
         assert marshal.dumps(code) == data, (marshal.dumps(code), data)\n\
         print('ok')\n",
        pyc = dir.join("m.pyc").to_str().unwrap(),
        py = py.to_str().unwrap(),
    );
    if let Some(out) = python(&script) {
        assert_eq!(out.trim(), "ok");
    }
    std::fs::remove_dir_all(dir).ok();
}

/// `-O` strips asserts and folds `__debug__` to False, `-OO` strips docstrings too: the
/// disassembly at each level is `python3 [-O|-OO] -m dis`'s.
#[test]
fn optimize_levels_match_python_dis() {
    let src = "\"\"\"Module doc.\"\"\"\n\
               def f(x):\n    \"\"\"Func doc.\"\"\"\n    assert x, 'msg'\n    \
               if __debug__:\n        print('debug')\n    return __debug__\n\
               class C:\n    'class doc'\n    def g(self): 'only a doc'\n\
               x = not __debug__\ny = (True & False, -True, ~False, not (), __debug__ + 1)\n\
               assert (lambda: 1)()\nwhile not __debug__: pass\n";
    let dir = std::env::temp_dir().join(format!("pyrs-compiler-opt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("opt.py");
    std::fs::write(&path, src).unwrap();
    let p = path.to_str().unwrap();
    let strip = |s: &str| {
        s.lines()
            .map(|l| match l.find(" at 0x") {
                Some(i) => {
                    let rest = &l[i + 6..];
                    let end = rest
                        .find(|c: char| !c.is_ascii_hexdigit())
                        .unwrap_or(rest.len());
                    format!("{}{}", &l[..i], &rest[end..])
                }
                None => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    for (level, flags) in [(0, vec![]), (1, vec!["-O"]), (2, vec!["-OO"])] {
        let out = match std::process::Command::new("python3")
            .args(&flags)
            .args(["-m", "dis", p])
            .output()
        {
            Ok(o) => o,
            Err(_) => {
                eprintln!("skipped: python3 not found");
                return;
            }
        };
        let want = String::from_utf8(out.stdout).unwrap();
        let (got, err, status) = crate::dis_file_optimized(src.as_bytes(), p, level);
        assert_eq!(status, 0, "{err}");
        assert_eq!(strip(&got), strip(&want), "optimize level {level}");
    }
    std::fs::remove_dir_all(dir).ok();
}
