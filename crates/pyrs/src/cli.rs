//! Parsing `python3.11`'s command line (`Python/getopt.c`, `Python/initconfig.c`): the
//! options, their environment variables, and CPython's usage errors.

/// What the command line asks for.
pub enum Action {
    RunFile(String),
    Command(String),
    Module(String),
    /// `pyrs -` or no script at all (`implicit`: `sys.argv == ['']`).
    Stdin {
        implicit: bool,
    },
    /// `-V` (1) or `-VV` (2).
    Version(u32),
    Help,
}

/// The parsed command line (`PyConfig`, as far as pyrs uses it).
pub struct Options {
    pub action: Action,
    /// The arguments after the script / `-c CMD` / `-m MOD` (`sys.argv[1:]`).
    pub args: Vec<String>,
    /// `-X dump=STAGE`: print a pipeline stage instead of running (pyrs's own).
    pub dump: Option<String>,
    /// `-B` or `PYTHONDONTWRITEBYTECODE`: don't write `__pycache__` files.
    pub dont_write_bytecode: bool,
    /// `-E` (or `-I`): ignore `PYTHON*` environment variables.
    pub ignore_env: bool,
    /// `-I`: isolated mode (implies `-E -s -P`).
    pub isolated: bool,
    /// `-P` / `PYTHONSAFEPATH` / `-I`: don't prepend the script's directory to `sys.path`.
    pub safe_path: bool,
    /// `-S`, `-s`, `-u`, `-q`, `-i`, `-b`, `-d`, `-R`, `-x`: accepted (sys.flags).
    pub no_site: bool,
    pub no_user_site: bool,
    pub unbuffered: bool,
    pub quiet: bool,
    pub inspect: bool,
    /// `-b` and `-d` counts.
    pub bytes_warning: u32,
    pub debug: u32,
    /// `-O` count / `PYTHONOPTIMIZE`.
    pub optimize: u32,
    /// `-v` count / `PYTHONVERBOSE`.
    pub verbose: u32,
    /// `-W` options (`sys.warnoptions`).
    pub warnoptions: Vec<String>,
    /// `-X` options (`sys._xoptions`).
    pub xoptions: Vec<String>,
    /// `-X importtime` / `PYTHONPROFILEIMPORTTIME`.
    pub importtime: bool,
    /// `-X pycache_prefix=DIR` / `PYTHONPYCACHEPREFIX`.
    pub pycache_prefix: Option<String>,
    /// `--check-hash-based-pycs`.
    pub check_hash_based_pycs: pyrs_vm::import::CheckHashPycs,
}

/// `python3 -h` of CPython 3.11, with the program name in the first line.
pub fn help(program: &str) -> String {
    format!(
        "usage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n{}",
        HELP_BODY
    )
}

const HELP_BODY: &str = include_str!("help.txt");

/// CPython's usage lines after a command-line error.
pub fn usage_error(program: &str, msg: &str) -> String {
    format!(
        "{msg}\nusage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"
    )
}

fn env(name: &str, ignore: bool) -> Option<String> {
    if ignore {
        return None;
    }
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// `_Py_get_env_flag`: an integer level, 1 for anything that is not a non-negative integer.
fn env_level(name: &str, ignore: bool) -> u32 {
    match env(name, ignore) {
        None => 0,
        Some(v) => v.trim().parse::<u32>().unwrap_or(1),
    }
}

/// Parses the arguments after the program name (`_PyOS_GetOpt` with CPython's
/// `"bBc:dEhiIm:OPqRsStuvVW:xX:?"` and the long options). `Err` is the message line of a
/// usage error (exit status 2).
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        action: Action::Stdin { implicit: true },
        args: Vec::new(),
        dump: None,
        dont_write_bytecode: false,
        ignore_env: false,
        isolated: false,
        safe_path: false,
        no_site: false,
        no_user_site: false,
        unbuffered: false,
        quiet: false,
        inspect: false,
        bytes_warning: 0,
        debug: 0,
        optimize: 0,
        verbose: 0,
        warnoptions: Vec::new(),
        xoptions: Vec::new(),
        importtime: false,
        pycache_prefix: None,
        check_hash_based_pycs: Default::default(),
    };
    let mut version = 0;
    let mut help = false;
    let mut i = 0;
    let mut action = None;
    'outer: while i < args.len() {
        let a = &args[i];
        if a == "--" {
            i += 1;
            break;
        }
        if a == "-" || !a.starts_with('-') {
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            match long {
                "version" => version += 1,
                "help" => help = true,
                "check-hash-based-pycs" => {
                    i += 1;
                    let Some(v) = args.get(i) else {
                        return Err(
                            "Argument expected for the --check-hash-based-pycs options".into()
                        );
                    };
                    use pyrs_vm::import::CheckHashPycs as C;
                    o.check_hash_based_pycs = match v.as_str() {
                        "default" => C::Default,
                        "always" => C::Always,
                        "never" => C::Never,
                        _ => {
                            return Err("--check-hash-based-pycs must be one of 'default', \
                                        'always', or 'never'"
                                .into())
                        }
                    };
                }
                _ => return Err(format!("unknown option {a}")),
            }
            i += 1;
            continue;
        }
        let flags: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < flags.len() {
            let f = flags[j];
            match f {
                'c' | 'm' | 'X' | 'W' => {
                    let rest: String = flags[j + 1..].iter().collect();
                    let value = if !rest.is_empty() {
                        rest
                    } else {
                        i += 1;
                        match args.get(i) {
                            Some(v) => v.clone(),
                            None => return Err(format!("Argument expected for the -{f} option")),
                        }
                    };
                    match f {
                        'c' => {
                            action = Some(Action::Command(value));
                            i += 1;
                            break 'outer;
                        }
                        'm' => {
                            action = Some(Action::Module(value));
                            i += 1;
                            break 'outer;
                        }
                        'X' => {
                            if let Some(stage) = value.strip_prefix("dump=") {
                                o.dump = Some(stage.to_string());
                            } else if value == "importtime" || value.starts_with("importtime=") {
                                o.importtime = true;
                            } else if let Some(p) = value.strip_prefix("pycache_prefix=") {
                                o.pycache_prefix = Some(p.to_string());
                            }
                            o.xoptions.push(value);
                        }
                        _ => o.warnoptions.push(value),
                    }
                    break;
                }
                'V' => version += 1,
                'h' | '?' => help = true,
                'B' => o.dont_write_bytecode = true,
                'E' => o.ignore_env = true,
                'I' => {
                    o.isolated = true;
                    o.ignore_env = true;
                    o.no_user_site = true;
                    o.safe_path = true;
                }
                'P' => o.safe_path = true,
                'O' => o.optimize += 1,
                'v' => o.verbose += 1,
                'S' => o.no_site = true,
                's' => o.no_user_site = true,
                'u' => o.unbuffered = true,
                'q' => o.quiet = true,
                'i' => o.inspect = true,
                'b' => o.bytes_warning += 1,
                'd' => o.debug += 1,
                'R' | 'x' => {}
                _ => return Err(format!("Unknown option: -{f}")),
            }
            j += 1;
        }
        i += 1;
    }
    if help {
        o.action = Action::Help;
        return Ok(o);
    }
    if version > 0 {
        o.action = Action::Version(version);
        return Ok(o);
    }
    let rest = &args[i.min(args.len())..];
    o.action = match action {
        Some(a) => {
            o.args = rest.to_vec();
            a
        }
        None => match rest.first() {
            Some(f) if f == "-" => {
                o.args = rest[1..].to_vec();
                Action::Stdin { implicit: false }
            }
            Some(f) => {
                o.args = rest[1..].to_vec();
                Action::RunFile(f.clone())
            }
            None => Action::Stdin { implicit: true },
        },
    };
    // The environment, unless -E / -I; the command line wins where both set a value.
    let ie = o.ignore_env;
    if env("PYTHONDONTWRITEBYTECODE", ie).is_some() {
        o.dont_write_bytecode = true;
    }
    if env("PYTHONUNBUFFERED", ie).is_some() {
        o.unbuffered = true;
    }
    o.verbose = o.verbose.max(env_level("PYTHONVERBOSE", ie));
    o.optimize = o.optimize.max(env_level("PYTHONOPTIMIZE", ie));
    if env("PYTHONPROFILEIMPORTTIME", ie).is_some() {
        o.importtime = true;
    }
    o.debug = o.debug.max(env_level("PYTHONDEBUG", ie));
    if env("PYTHONINSPECT", ie).is_some() {
        o.inspect = true;
    }
    if env("PYTHONNOUSERSITE", ie).is_some() {
        o.no_user_site = true;
    }
    if env("PYTHONSAFEPATH", ie).is_some() {
        o.safe_path = true;
    }
    if o.pycache_prefix.is_none() {
        o.pycache_prefix = env("PYTHONPYCACHEPREFIX", ie);
    }
    // `-X pycache_prefix=` (empty) means none.
    if o.pycache_prefix.as_deref() == Some("") {
        o.pycache_prefix = None;
    }
    Ok(o)
}
