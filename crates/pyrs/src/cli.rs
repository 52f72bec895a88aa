//! Parsing `python3.11`'s command line (`Python/getopt.c`, `Python/initconfig.c`).

/// What the command line asks for.
pub enum Action {
    RunFile(String),
    Command(String),
    Module(String),
    Stdin,
    Version,
    Help,
}

pub struct Options {
    pub action: Action,
    /// `-X dump=STAGE`: print a pipeline stage instead of running.
    pub dump: Option<String>,
    /// `-B` or `PYTHONDONTWRITEBYTECODE`: don't write `__pycache__` files.
    pub dont_write_bytecode: bool,
}

pub const HELP: &str = "usage: pyrs [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-c cmd : program passed in as string (terminates option list)
-m mod : run library module as a script (terminates option list)
-V     : print the Python version number and exit (also --version)
-X opt : set implementation-specific option; pyrs adds:
         -X dump=tokens FILE  print what `python3 -m tokenize -e FILE` prints
         -X dump=ast FILE     print ast.dump(ast.parse(src, FILE), include_attributes=True)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
";

/// Parses the arguments after the program name. `-B` (and `PYTHONDONTWRITEBYTECODE`,
/// unless `-E`/`-I`) turn off the bytecode cache; other flags that only change runtime
/// behaviour (`-O -S -u -q -s -b -d -v -W arg`) are accepted and ignored for now.
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut dump = None;
    let env_dwb = std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty());
    let mut dont_write_bytecode = false;
    let mut ignore_env = false;
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "-" {
            return Ok(Options {
                action: Action::Stdin,
                dump,
                dont_write_bytecode: dont_write_bytecode || (env_dwb && !ignore_env),
            });
        }
        if a == "--version" {
            return Ok(Options {
                action: Action::Version,
                dump,
                dont_write_bytecode: dont_write_bytecode || (env_dwb && !ignore_env),
            });
        }
        if a == "--help" {
            return Ok(Options {
                action: Action::Help,
                dump,
                dont_write_bytecode: dont_write_bytecode || (env_dwb && !ignore_env),
            });
        }
        if !a.starts_with('-') || a.len() == 1 {
            return Ok(Options {
                action: Action::RunFile(a.clone()),
                dump,
                dont_write_bytecode: dont_write_bytecode || (env_dwb && !ignore_env),
            });
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
                        args.get(i)
                            .cloned()
                            .ok_or_else(|| format!("Argument expected for the -{f} option"))?
                    };
                    match f {
                        'c' => {
                            return Ok(Options {
                                action: Action::Command(value),
                                dump,
                                dont_write_bytecode: dont_write_bytecode
                                    || (env_dwb && !ignore_env),
                            })
                        }
                        'm' => {
                            return Ok(Options {
                                action: Action::Module(value),
                                dump,
                                dont_write_bytecode: dont_write_bytecode
                                    || (env_dwb && !ignore_env),
                            })
                        }
                        'X' => {
                            if let Some(stage) = value.strip_prefix("dump=") {
                                dump = Some(stage.to_string());
                            }
                        }
                        _ => {}
                    }
                    break;
                }
                'V' => {
                    return Ok(Options {
                        action: Action::Version,
                        dump,
                        dont_write_bytecode: dont_write_bytecode || (env_dwb && !ignore_env),
                    })
                }
                'h' | '?' => {
                    return Ok(Options {
                        action: Action::Help,
                        dump,
                        dont_write_bytecode: dont_write_bytecode || (env_dwb && !ignore_env),
                    })
                }
                'B' => dont_write_bytecode = true,
                'E' | 'I' => ignore_env = true,
                'O' | 'S' | 'u' | 'q' | 's' | 'b' | 'd' | 'v' | 'i' | 'R' => {}
                _ => return Err(format!("Unknown option: -{f}")),
            }
            j += 1;
        }
        i += 1;
    }
    Ok(Options {
        action: Action::Stdin,
        dump,
        dont_write_bytecode: dont_write_bytecode || (env_dwb && !ignore_env),
    })
}
