//! The `errno` module: the system's error numbers by name and `errorcode`, number to
//! name (CPython: `Modules/errnomodule.c`). The numbers come from rustix's `Errno`, so
//! they are the target architecture's.

use crate::object::{PyRef, Value};
use crate::vm::{PyResult, Vm};
use rustix::io::Errno;

const DOC: &str = "This module makes available standard errno system symbols.\n\
\n\
The value of each symbol is the corresponding integer value,\n\
e.g., on most systems, errno.ENOENT equals the integer 2.\n\
\n\
The dictionary errno.errorcode maps numeric codes to symbol names,\n\
e.g., errno.errorcode[2] could be the string 'ENOENT'.\n\
\n\
Symbols that are not relevant to the underlying system are not defined.\n\
\n\
To map error codes to error messages, use the function os.strerror(),\n\
e.g. os.strerror(2) could return 'No such file or directory'.";

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let (m, d) = super::new_native_module(vm, "errno", DOC);
    let codes = vm.new_dict_ref();
    crate::import::dict_set(vm, &d, "errorcode", Value::Obj(codes.clone()));
    for (name, e) in ERRORCODE {
        let n = Value::Int(e.raw_os_error() as i64);
        let s = vm.new_str(name);
        crate::types::dict::set_item(vm, &codes, n.clone(), s)?;
        crate::import::dict_set(vm, &d, name, n);
    }
    for (name, e) in ALIASES {
        crate::import::dict_set(vm, &d, name, Value::Int(e.raw_os_error() as i64));
    }
    Ok(m)
}

/// `errorcode`'s entries, in CPython's order: the name each number maps to (from
/// python3's `errno.errorcode`; the numbers are rustix's, so the target's).
const ERRORCODE: &[(&str, Errno)] = &[
    ("ENODEV", Errno::NODEV),
    ("ENOCSI", Errno::NOCSI),
    ("EHOSTUNREACH", Errno::HOSTUNREACH),
    ("ENOMSG", Errno::NOMSG),
    ("EUCLEAN", Errno::UCLEAN),
    ("EL2NSYNC", Errno::L2NSYNC),
    ("EL2HLT", Errno::L2HLT),
    ("ENODATA", Errno::NODATA),
    ("ENOTBLK", Errno::NOTBLK),
    ("ENOSYS", Errno::NOSYS),
    ("EPIPE", Errno::PIPE),
    ("EINVAL", Errno::INVAL),
    ("EOVERFLOW", Errno::OVERFLOW),
    ("EADV", Errno::ADV),
    ("EINTR", Errno::INTR),
    ("EUSERS", Errno::USERS),
    ("ENOTEMPTY", Errno::NOTEMPTY),
    ("ENOBUFS", Errno::NOBUFS),
    ("EPROTO", Errno::PROTO),
    ("EREMOTE", Errno::REMOTE),
    ("ENAVAIL", Errno::NAVAIL),
    ("ECHILD", Errno::CHILD),
    ("ELOOP", Errno::LOOP),
    ("EXDEV", Errno::XDEV),
    ("E2BIG", Errno::TOOBIG),
    ("ESRCH", Errno::SRCH),
    ("EMSGSIZE", Errno::MSGSIZE),
    ("EAFNOSUPPORT", Errno::AFNOSUPPORT),
    ("EBADR", Errno::BADR),
    ("EHOSTDOWN", Errno::HOSTDOWN),
    ("EPFNOSUPPORT", Errno::PFNOSUPPORT),
    ("ENOPROTOOPT", Errno::NOPROTOOPT),
    ("EBUSY", Errno::BUSY),
    ("EAGAIN", Errno::AGAIN),
    ("EBADFD", Errno::BADFD),
    ("EDOTDOT", Errno::DOTDOT),
    ("EISCONN", Errno::ISCONN),
    ("ENOANO", Errno::NOANO),
    ("ESHUTDOWN", Errno::SHUTDOWN),
    ("ECHRNG", Errno::CHRNG),
    ("ELIBBAD", Errno::LIBBAD),
    ("ENONET", Errno::NONET),
    ("EBADE", Errno::BADE),
    ("EBADF", Errno::BADF),
    ("EMULTIHOP", Errno::MULTIHOP),
    ("EIO", Errno::IO),
    ("EUNATCH", Errno::UNATCH),
    ("EPROTOTYPE", Errno::PROTOTYPE),
    ("ENOSPC", Errno::NOSPC),
    ("ENOEXEC", Errno::NOEXEC),
    ("EALREADY", Errno::ALREADY),
    ("ENETDOWN", Errno::NETDOWN),
    ("ENOTNAM", Errno::NOTNAM),
    ("EACCES", Errno::ACCESS),
    ("ELNRNG", Errno::LNRNG),
    ("EILSEQ", Errno::ILSEQ),
    ("ENOTDIR", Errno::NOTDIR),
    ("ENOTUNIQ", Errno::NOTUNIQ),
    ("EPERM", Errno::PERM),
    ("EDOM", Errno::DOM),
    ("EXFULL", Errno::XFULL),
    ("ECONNREFUSED", Errno::CONNREFUSED),
    ("EISDIR", Errno::ISDIR),
    ("EPROTONOSUPPORT", Errno::PROTONOSUPPORT),
    ("EROFS", Errno::ROFS),
    ("EADDRNOTAVAIL", Errno::ADDRNOTAVAIL),
    ("EIDRM", Errno::IDRM),
    ("ECOMM", Errno::COMM),
    ("ESRMNT", Errno::SRMNT),
    ("EREMOTEIO", Errno::REMOTEIO),
    ("EL3RST", Errno::L3RST),
    ("EBADMSG", Errno::BADMSG),
    ("ENFILE", Errno::NFILE),
    ("ELIBMAX", Errno::LIBMAX),
    ("ESPIPE", Errno::SPIPE),
    ("ENOLINK", Errno::NOLINK),
    ("ENETRESET", Errno::NETRESET),
    ("ETIMEDOUT", Errno::TIMEDOUT),
    ("ENOENT", Errno::NOENT),
    ("EEXIST", Errno::EXIST),
    ("EDQUOT", Errno::DQUOT),
    ("ENOSTR", Errno::NOSTR),
    ("EBADSLT", Errno::BADSLT),
    ("EBADRQC", Errno::BADRQC),
    ("ELIBACC", Errno::LIBACC),
    ("EFAULT", Errno::FAULT),
    ("EFBIG", Errno::FBIG),
    ("EDEADLOCK", Errno::DEADLOCK),
    ("ENOTCONN", Errno::NOTCONN),
    ("EDESTADDRREQ", Errno::DESTADDRREQ),
    ("ELIBSCN", Errno::LIBSCN),
    ("ENOLCK", Errno::NOLCK),
    ("EISNAM", Errno::ISNAM),
    ("ECONNABORTED", Errno::CONNABORTED),
    ("ENETUNREACH", Errno::NETUNREACH),
    ("ESTALE", Errno::STALE),
    ("ENOSR", Errno::NOSR),
    ("ENOMEM", Errno::NOMEM),
    ("ENOTSOCK", Errno::NOTSOCK),
    ("ESTRPIPE", Errno::STRPIPE),
    ("EMLINK", Errno::MLINK),
    ("ERANGE", Errno::RANGE),
    ("ELIBEXEC", Errno::LIBEXEC),
    ("EL3HLT", Errno::L3HLT),
    ("ECONNRESET", Errno::CONNRESET),
    ("EADDRINUSE", Errno::ADDRINUSE),
    ("ENOTSUP", Errno::NOTSUP),
    ("EREMCHG", Errno::REMCHG),
    ("ENAMETOOLONG", Errno::NAMETOOLONG),
    ("ENOTTY", Errno::NOTTY),
    ("ERESTART", Errno::RESTART),
    ("ESOCKTNOSUPPORT", Errno::SOCKTNOSUPPORT),
    ("ETIME", Errno::TIME),
    ("EBFONT", Errno::BFONT),
    ("ETOOMANYREFS", Errno::TOOMANYREFS),
    ("EMFILE", Errno::MFILE),
    ("ETXTBSY", Errno::TXTBSY),
    ("EINPROGRESS", Errno::INPROGRESS),
    ("ENXIO", Errno::NXIO),
    ("ENOPKG", Errno::NOPKG),
    ("ENOMEDIUM", Errno::NOMEDIUM),
    ("EMEDIUMTYPE", Errno::MEDIUMTYPE),
    ("ECANCELED", Errno::CANCELED),
    ("ENOKEY", Errno::NOKEY),
    ("EKEYEXPIRED", Errno::KEYEXPIRED),
    ("EKEYREVOKED", Errno::KEYREVOKED),
    ("EKEYREJECTED", Errno::KEYREJECTED),
    ("EOWNERDEAD", Errno::OWNERDEAD),
    ("ENOTRECOVERABLE", Errno::NOTRECOVERABLE),
    ("ERFKILL", Errno::RFKILL),
];

/// Names that share a number with an `ERRORCODE` name.
const ALIASES: &[(&str, Errno)] = &[
    ("EDEADLK", Errno::DEADLK),
    ("EOPNOTSUPP", Errno::NOTSUP),
    ("EWOULDBLOCK", Errno::WOULDBLOCK),
];
