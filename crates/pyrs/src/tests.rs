//! Tests of the `pyrs` binary's glue: the frozen import machinery embedded in the VM
//! (`pyrs-vm/build.rs`) is what the compile hook makes of its sources now.

use pyrs_vm::import::bootstrap::{
    Frozen, FROZEN_IMPORTLIB, FROZEN_IMPORTLIB_EXTERNAL, FROZEN_IMPORTLIB_EXTERNAL_REST,
    FROZEN_IMPORTLIB_REST, FROZEN_RUNPY,
};

#[test]
fn frozen_code_matches_source() {
    let all: [&Frozen; 5] = [
        &FROZEN_IMPORTLIB,
        &FROZEN_IMPORTLIB_EXTERNAL,
        &FROZEN_IMPORTLIB_REST,
        &FROZEN_IMPORTLIB_EXTERNAL_REST,
        &FROZEN_RUNPY,
    ];
    for f in all {
        let code = crate::run::compile_for_import(
            f.source.as_bytes(),
            f.filename,
            0,
            pyrs_vm::import::CompileMode::Exec { str_source: false },
        )
        .unwrap_or_else(|_| panic!("{} does not compile", f.filename));
        let body = pyrs_marshal::write::dumps_code(&code);
        assert!(
            body == f.code,
            "the embedded code of {} differs from compiling its source now",
            f.filename
        );
    }
    // The frozen standard-library modules, from the files the build froze.
    for m in pyrs_vm::import::frozen::MODULES {
        if m.source_path.is_empty() {
            continue;
        }
        let source = std::fs::read(m.source_path).expect("the frozen module's source");
        let filename = format!("<frozen {}>", m.name);
        let code = crate::run::compile_for_import(
            &source,
            &filename,
            0,
            pyrs_vm::import::CompileMode::Exec { str_source: false },
        )
        .unwrap_or_else(|_| panic!("{} does not compile", m.source_path));
        assert!(
            pyrs_marshal::write::dumps_code(&code) == m.code,
            "the embedded code of {} differs from compiling {} now",
            m.name,
            m.source_path
        );
    }
}
