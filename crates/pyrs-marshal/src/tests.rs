//! Tests against the installed CPython 3.11 (skipped with a message when python3 is
//! absent): byte-exact round trips of `marshal.dumps` output, .pyc files that CPython
//! loads and runs, `source_hash`, robustness on mutated input, and the `dis` text of real
//! Lib modules compared with `python3 -m dis`.

use crate::pyc::{self, PycHeader, Validation};
use crate::read::{loads, loads_with_hints};
use crate::value::Value;
use crate::write::{dumps, dumps_with_hints};
use std::path::PathBuf;
use std::process::Command;

/// Lib modules used as real-world input.
const MODULES: &[&str] = &[
    "json/decoder.py",
    "json/encoder.py",
    "textwrap.py",
    "string.py",
    "fnmatch.py",
    "heapq.py",
    "bisect.py",
    "shlex.py",
    "colorsys.py",
    "dataclasses.py",
    "contextlib.py",
    "ast.py",
    "argparse.py",
    "asyncio/tasks.py",
    "typing.py",
];

fn python(script: &str) -> Option<String> {
    match Command::new("python3").arg("-c").arg(script).output() {
        Ok(out) if out.status.success() => Some(String::from_utf8(out.stdout).unwrap()),
        Ok(out) => panic!("python3 failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(_) => {
            eprintln!("skipped: python3 not found");
            None
        }
    }
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|c| format!("{c:02x}")).collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("pyrs-marshal-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

const CORPUS: &str = r#"
import marshal, sys, sysconfig, os
lib = sysconfig.get_paths()['stdlib']
values = [
    None, True, False, Ellipsis, StopIteration, 0, 1, -1, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
    2**62, -2**63, 2**63, 2**64 + 5, -(2**64 + 5), 10**100, -10**400, 7**1000, 2**15, 2**30,
    0.0, -0.0, 1.5, float('inf'), float('-inf'), float('nan'), 1e300, 5e-324,
    1j, complex(-0.0, 2.5), complex(float('inf'), float('nan')),
    '', 'a', 'abc', 'x' * 300, 'é', 'éàü' * 100, '€uro', '😀 non-BMP \U0010ffff', '\ud800', 'a\udfffb\ud83d',
    b'', b'\x00\xff', b'x' * 1000, (), (1,), (1, (2, (3, ()))), tuple(range(300)),
    [], [1, [2, 'x']], {}, {'a': 1, 2: [3], (4,): None}, set(), {1, 2, 3}, frozenset(), frozenset({'q'}),
    ('shared', 'shared', sys.intern('interned_name'), sys.intern('interned_name')),
]
for v in values:
    print(marshal.dumps(v).hex())
for rel in sys.argv[1:]:
    path = os.path.join(lib, rel)
    with open(path, 'rb') as f:
        print(marshal.dumps(compile(f.read(), path, 'exec')).hex())
"#;

fn corpus() -> Option<Vec<Vec<u8>>> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(CORPUS)
        .args(MODULES)
        .output();
    match out {
        Ok(out) if out.status.success() => Some(
            String::from_utf8(out.stdout)
                .unwrap()
                .lines()
                .map(unhex)
                .collect(),
        ),
        Ok(out) => panic!("python3 failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(_) => {
            eprintln!("skipped: python3 not found");
            None
        }
    }
}

#[test]
fn round_trip_is_byte_exact() {
    let Some(corpus) = corpus() else { return };
    assert!(corpus.len() > 60);
    for bytes in &corpus {
        let (value, hints, used) = loads_with_hints(bytes).unwrap();
        assert_eq!(used, bytes.len());
        assert_eq!(&dumps_with_hints(&value, &hints), bytes, "value {value:?}");
        // The plain reader gives the same value.
        let plain = loads(bytes).unwrap().0;
        assert!(plain == value || format!("{plain:?}") == format!("{value:?}"));
    }
}

#[test]
fn policy_writer_is_read_back_equal_by_cpython() {
    let Some(corpus) = corpus() else { return };
    let (mut same, mut total) = (0, 0);
    let dir = temp_dir("policy");
    let mut lines = String::new();
    for bytes in &corpus {
        let value = loads(bytes).unwrap().0;
        let ours = dumps(&value);
        total += 1;
        same += (&ours == bytes) as usize;
        lines.push_str(&format!("{} {}\n", hex(bytes), hex(&ours)));
    }
    let file = dir.join("pairs.txt");
    std::fs::write(&file, lines).unwrap();
    let script = format!(
        "import marshal, math\n\
         def same(a, b):\n\
         \x20   if isinstance(a, float) and math.isnan(a): return isinstance(b, float) and math.isnan(b)\n\
         \x20   if isinstance(a, complex): return same(a.real, b.real) and same(a.imag, b.imag)\n\
         \x20   if isinstance(a, (tuple, list)): return type(a) is type(b) and len(a) == len(b) and all(map(same, a, b))\n\
         \x20   return type(a) is type(b) and a == b\n\
         for line in open({:?}):\n\
         \x20   a, b = (marshal.loads(bytes.fromhex(x)) for x in line.split())\n\
         \x20   assert same(a, b), (a, b)\n\
         print('ok')\n",
        file.to_str().unwrap()
    );
    assert_eq!(python(&script).unwrap().trim(), "ok");
    eprintln!("policy writer: {same}/{total} streams byte-identical to marshal.dumps");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn written_pycs_load_and_run_in_cpython() {
    let dir = temp_dir("pyc");
    let script = format!(
        "import py_compile, sysconfig, os\n\
         lib = sysconfig.get_paths()['stdlib']\n\
         for i, rel in enumerate({MODULES:?}):\n\
         \x20   py_compile.compile(os.path.join(lib, rel), cfile=os.path.join({d:?}, f'm{{i}}.pyc'), doraise=True)\n\
         print('ok')\n",
        d = dir.to_str().unwrap()
    );
    if python(&script).is_none() {
        return;
    }
    for i in 0..MODULES.len() {
        let path = dir.join(format!("m{i}.pyc"));
        let data = std::fs::read(&path).unwrap();
        let (header, code) = pyc::read_pyc(&data).unwrap();
        assert!(matches!(header.validation, Validation::Timestamp { .. }));
        let ours = pyc::write_pyc(&header, &code);
        std::fs::write(dir.join(format!("ours{i}.pyc")), &ours).unwrap();
        let check = format!(
            "import marshal\n\
             a = marshal.loads(open({:?}, 'rb').read()[16:])\n\
             b = marshal.loads(open({:?}, 'rb').read()[16:])\n\
             assert a == b\n\
             print('ok')\n",
            path.to_str().unwrap(),
            dir.join(format!("ours{i}.pyc")).to_str().unwrap()
        );
        assert_eq!(python(&check).unwrap().trim(), "ok", "{}", MODULES[i]);
    }
    // Running: a module whose top level has no side effects needing a package.
    let hashed = PycHeader {
        validation: Validation::Hash {
            hash: pyc::source_hash(b"x"),
            check_source: false,
        },
    };
    let data = std::fs::read(dir.join("m2.pyc")).unwrap(); // textwrap
    let (_, code) = pyc::read_pyc(&data).unwrap();
    for (name, header) in [
        ("run_ts.pyc", pyc::PycHeader::parse(&data).unwrap()),
        ("run_hash.pyc", hashed),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, pyc::write_pyc(&header, &code)).unwrap();
        let out = Command::new("python3").arg(&path).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn source_hash_matches_importlib() {
    let inputs: [&[u8]; 6] = [
        b"",
        b"x",
        b"1234567",
        b"12345678",
        b"print('hello')\n",
        &[0xff; 1000],
    ];
    let script = format!(
        "import importlib.util\n\
         for s in {:?}: print(importlib.util.source_hash(bytes.fromhex(s)).hex())\n",
        inputs.iter().map(|b| hex(b)).collect::<Vec<_>>()
    );
    let Some(out) = python(&script) else { return };
    let ours: Vec<String> = inputs.iter().map(|b| hex(&pyc::source_hash(b))).collect();
    assert_eq!(ours, out.lines().collect::<Vec<_>>());
}

#[test]
fn header_round_trips_and_rejects_garbage() {
    for v in [
        Validation::Timestamp {
            mtime: 123,
            source_size: 456,
        },
        Validation::Hash {
            hash: [1, 2, 3, 4, 5, 6, 7, 8],
            check_source: true,
        },
        Validation::Hash {
            hash: [9; 8],
            check_source: false,
        },
    ] {
        let h = PycHeader { validation: v };
        assert_eq!(PycHeader::parse(&h.to_bytes()).unwrap(), h);
    }
    assert!(PycHeader::parse(b"\xa7\x0d\x0d\x0a").is_err());
    assert!(PycHeader::parse(b"\x00\x0d\x0d\x0a000000000000").is_err());
    let mut bad_flags = PycHeader {
        validation: Validation::Timestamp {
            mtime: 0,
            source_size: 0,
        },
    }
    .to_bytes();
    bad_flags[4] = 4;
    assert!(PycHeader::parse(&bad_flags).is_err());
}

/// A tiny deterministic generator for the mutation test.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn malformed_input_never_panics() {
    let value = Value::Tuple(vec![
        Value::Str("abc".into()),
        Value::Str("abc".into()),
        Value::BigInt(num_bigint::BigInt::from(7).pow(200)),
        Value::List(vec![
            Value::Float(1.5),
            Value::Dict(vec![(Value::Int(1), Value::Bytes(vec![1, 2]))]),
        ]),
    ]);
    let mut samples = vec![dumps(&value)];
    if let Some(c) = corpus() {
        samples.extend(c.into_iter().rev().take(2));
    }
    let mut state = 0x9E3779B97F4A7C15u64;
    for data in &samples {
        for cut in (0..data.len()).step_by(1 + data.len() / 500) {
            let _ = loads(&data[..cut]);
        }
        for _ in 0..3000 {
            let mut d = data.clone();
            for _ in 0..1 + xorshift(&mut state) % 4 {
                let i = (xorshift(&mut state) % d.len() as u64) as usize;
                d[i] = xorshift(&mut state) as u8;
            }
            let _ = loads(&d);
        }
    }
    // Absurd sizes fail before allocating.
    for bad in [
        &b"(\xff\xff\xff\x7f"[..],
        b"l\xff\xff\xff\x7f",
        b"s\xff\xff\xff\x7f",
        b"[\x00\x00\x00\x80",
    ] {
        assert!(loads(bad).is_err());
    }
    // Bad references and unknown codes.
    assert!(loads(b"r\x00\x00\x00\x00").is_err());
    assert!(loads(b"\xa8\x01r\x00\x00\x00\x00").is_err()); // a tuple holding a ref to itself
    assert!(loads(b"\x7f").is_err());
    // Exponential references are bounded.
    let mut bomb = vec![0xa9, 2, 0xe9, 1, 0, 0, 0, 0x72, 1, 0, 0, 0]; // (1, 1) with refs
    for i in 0..40u32 {
        bomb.extend([0xa9, 2, b'r']);
        bomb.extend((i * 2).to_le_bytes());
        bomb.push(b'r');
        bomb.extend((i * 2).to_le_bytes());
    }
    let _ = loads(&bomb);
}

#[test]
fn nesting_is_limited_like_cpython() {
    // CPython reads 1999 nested lists plus the innermost int, and rejects one more level.
    let nested = |n: usize| {
        let mut d = Vec::new();
        for _ in 0..n {
            d.extend(b"[\x01\x00\x00\x00");
        }
        d.extend(b"N");
        d
    };
    let run = move || (loads(&nested(1999)).is_ok(), loads(&nested(2000)).is_err());
    let (ok, rejected) = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
    assert!(ok && rejected);
    if let Some(out) = python(
        "import marshal\n\
         for n in (1999, 2000):\n\
         \x20   try: marshal.loads(b'[\\x01\\x00\\x00\\x00' * n + b'N'); print('ok')\n\
         \x20   except ValueError: print('err')\n",
    ) {
        assert_eq!(out, "ok\nerr\n");
    }
}

/// Split `dis` text into per-code-object sections, addresses normalised.
fn sections(text: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for line in text.lines() {
        if line.starts_with("Disassembly of ") {
            out.push(String::new());
        }
        let mut l = String::new();
        let mut rest = line;
        while let Some(i) = rest.find(" at 0x") {
            l.push_str(&rest[..i]);
            l.push_str(" at 0xADDR");
            rest = &rest[i + 6..];
            rest = &rest[rest
                .find(|c: char| !c.is_ascii_hexdigit())
                .unwrap_or(rest.len())..];
        }
        l.push_str(rest);
        out.last_mut().unwrap().push_str(&l);
        out.last_mut().unwrap().push('\n');
    }
    out
}

#[test]
fn dis_matches_python_dis_on_lib_modules() {
    let dir = temp_dir("dis");
    let script = format!(
        "import py_compile, sysconfig, os, subprocess, sys\n\
         lib = sysconfig.get_paths()['stdlib']\n\
         for i, rel in enumerate({MODULES:?}):\n\
         \x20   src = os.path.join(lib, rel)\n\
         \x20   py_compile.compile(src, cfile=os.path.join({d:?}, f'm{{i}}.pyc'), doraise=True)\n\
         \x20   out = subprocess.run([sys.executable, '-m', 'dis', src], capture_output=True, check=True,\n\
         \x20                        env=dict(os.environ, PYTHONHASHSEED='0')).stdout\n\
         \x20   open(os.path.join({d:?}, f'm{{i}}.dis'), 'wb').write(out)\n\
         print('ok')\n",
        d = dir.to_str().unwrap()
    );
    if python(&script).is_none() {
        return;
    }
    let (mut same, mut total) = (0, 0);
    let mut report = String::new();
    for (i, module) in MODULES.iter().enumerate() {
        let data = std::fs::read(dir.join(format!("m{i}.pyc"))).unwrap();
        let (_, code) = pyc::read_pyc(&data).unwrap();
        let ours = sections(&pyrs_bytecode::dis::dis(&code));
        let theirs = sections(
            &String::from_utf8(std::fs::read(dir.join(format!("m{i}.dis"))).unwrap()).unwrap(),
        );
        assert_eq!(ours.len(), theirs.len(), "{module}: number of code objects");
        let n_same = ours.iter().zip(&theirs).filter(|(a, b)| a == b).count();
        for (a, b) in ours.iter().zip(&theirs).filter(|(a, b)| a != b) {
            let diff: Vec<_> = a.lines().zip(b.lines()).filter(|(x, y)| x != y).collect();
            // str hashes differ per process, so a frozenset of strs may iterate differently.
            let only_sets = a.lines().count() == b.lines().count()
                && diff
                    .iter()
                    .all(|(x, y)| x.contains("(frozenset({") && y.contains("(frozenset({"));
            if !only_sets {
                report.push_str(&format!(
                    "{module}: first differing lines {:#?}\n",
                    &diff[..diff.len().min(3)]
                ));
            }
        }
        same += n_same;
        total += ours.len();
    }
    eprintln!("dis: {same}/{total} code objects identical to python3 -m dis\n{report}");
    assert!(report.is_empty(), "{report}");
    std::fs::remove_dir_all(dir).ok();
}
