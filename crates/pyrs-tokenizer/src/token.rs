//! Token kinds and tokens: what the lexer produces and the parser consumes.
//!
//! Kinds and their names follow CPython 3.11's `Grammar/Tokens` and `Lib/token.py`, with the
//! same numbers, so `tokenize`-style dumps print them directly. A token is a kind plus a byte
//! range into the decoded (UTF-8) source; its text is re-read from the source (ruff's model).

/// A token kind; the discriminant is CPython 3.11's token number (`token.tok_name`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum TokenKind {
    EndMarker = 0,
    Name = 1,
    Number = 2,
    String = 3,
    Newline = 4,
    Indent = 5,
    Dedent = 6,
    Lpar = 7,
    Rpar = 8,
    Lsqb = 9,
    Rsqb = 10,
    Colon = 11,
    Comma = 12,
    Semi = 13,
    Plus = 14,
    Minus = 15,
    Star = 16,
    Slash = 17,
    Vbar = 18,
    Amper = 19,
    Less = 20,
    Greater = 21,
    Equal = 22,
    Dot = 23,
    Percent = 24,
    Lbrace = 25,
    Rbrace = 26,
    EqEqual = 27,
    NotEqual = 28,
    LessEqual = 29,
    GreaterEqual = 30,
    Tilde = 31,
    Circumflex = 32,
    LeftShift = 33,
    RightShift = 34,
    DoubleStar = 35,
    PlusEqual = 36,
    MinEqual = 37,
    StarEqual = 38,
    SlashEqual = 39,
    PercentEqual = 40,
    AmperEqual = 41,
    VbarEqual = 42,
    CircumflexEqual = 43,
    LeftShiftEqual = 44,
    RightShiftEqual = 45,
    DoubleStarEqual = 46,
    DoubleSlash = 47,
    DoubleSlashEqual = 48,
    At = 49,
    AtEqual = 50,
    Rarrow = 51,
    Ellipsis = 52,
    ColonEqual = 53,
    /// Generic operator; `tokenize` prints exact operators as OP without `-e`.
    Op = 54,
    Await = 55,
    Async = 56,
    TypeIgnore = 57,
    TypeComment = 58,
    SoftKeyword = 59,
    ErrorToken = 60,
    Comment = 61,
    Nl = 62,
    Encoding = 63,
}

impl TokenKind {
    /// CPython's name for the kind (`token.tok_name[kind]`).
    pub fn name(self) -> &'static str {
        use TokenKind::*;
        match self {
            EndMarker => "ENDMARKER",
            Name => "NAME",
            Number => "NUMBER",
            String => "STRING",
            Newline => "NEWLINE",
            Indent => "INDENT",
            Dedent => "DEDENT",
            Lpar => "LPAR",
            Rpar => "RPAR",
            Lsqb => "LSQB",
            Rsqb => "RSQB",
            Colon => "COLON",
            Comma => "COMMA",
            Semi => "SEMI",
            Plus => "PLUS",
            Minus => "MINUS",
            Star => "STAR",
            Slash => "SLASH",
            Vbar => "VBAR",
            Amper => "AMPER",
            Less => "LESS",
            Greater => "GREATER",
            Equal => "EQUAL",
            Dot => "DOT",
            Percent => "PERCENT",
            Lbrace => "LBRACE",
            Rbrace => "RBRACE",
            EqEqual => "EQEQUAL",
            NotEqual => "NOTEQUAL",
            LessEqual => "LESSEQUAL",
            GreaterEqual => "GREATEREQUAL",
            Tilde => "TILDE",
            Circumflex => "CIRCUMFLEX",
            LeftShift => "LEFTSHIFT",
            RightShift => "RIGHTSHIFT",
            DoubleStar => "DOUBLESTAR",
            PlusEqual => "PLUSEQUAL",
            MinEqual => "MINEQUAL",
            StarEqual => "STAREQUAL",
            SlashEqual => "SLASHEQUAL",
            PercentEqual => "PERCENTEQUAL",
            AmperEqual => "AMPEREQUAL",
            VbarEqual => "VBAREQUAL",
            CircumflexEqual => "CIRCUMFLEXEQUAL",
            LeftShiftEqual => "LEFTSHIFTEQUAL",
            RightShiftEqual => "RIGHTSHIFTEQUAL",
            DoubleStarEqual => "DOUBLESTAREQUAL",
            DoubleSlash => "DOUBLESLASH",
            DoubleSlashEqual => "DOUBLESLASHEQUAL",
            At => "AT",
            AtEqual => "ATEQUAL",
            Rarrow => "RARROW",
            Ellipsis => "ELLIPSIS",
            ColonEqual => "COLONEQUAL",
            Op => "OP",
            Await => "AWAIT",
            Async => "ASYNC",
            TypeIgnore => "TYPE_IGNORE",
            TypeComment => "TYPE_COMMENT",
            SoftKeyword => "SOFT_KEYWORD",
            ErrorToken => "ERRORTOKEN",
            Comment => "COMMENT",
            Nl => "NL",
            Encoding => "ENCODING",
        }
    }

    /// The operator kind for an exact operator string (`token.EXACT_TOKEN_TYPES`).
    pub fn from_operator(op: &str) -> Option<TokenKind> {
        use TokenKind::*;
        Some(match op {
            "(" => Lpar,
            ")" => Rpar,
            "[" => Lsqb,
            "]" => Rsqb,
            ":" => Colon,
            "," => Comma,
            ";" => Semi,
            "+" => Plus,
            "-" => Minus,
            "*" => Star,
            "/" => Slash,
            "|" => Vbar,
            "&" => Amper,
            "<" => Less,
            ">" => Greater,
            "=" => Equal,
            "." => Dot,
            "%" => Percent,
            "{" => Lbrace,
            "}" => Rbrace,
            "==" => EqEqual,
            "!=" => NotEqual,
            "<=" => LessEqual,
            ">=" => GreaterEqual,
            "~" => Tilde,
            "^" => Circumflex,
            "<<" => LeftShift,
            ">>" => RightShift,
            "**" => DoubleStar,
            "+=" => PlusEqual,
            "-=" => MinEqual,
            "*=" => StarEqual,
            "/=" => SlashEqual,
            "%=" => PercentEqual,
            "&=" => AmperEqual,
            "|=" => VbarEqual,
            "^=" => CircumflexEqual,
            "<<=" => LeftShiftEqual,
            ">>=" => RightShiftEqual,
            "**=" => DoubleStarEqual,
            "//" => DoubleSlash,
            "//=" => DoubleSlashEqual,
            "@" => At,
            "@=" => AtEqual,
            "->" => Rarrow,
            "..." => Ellipsis,
            ":=" => ColonEqual,
            _ => return None,
        })
    }

    /// True for the exact-operator kinds (LPAR ..= COLONEQUAL), which `tokenize` reports as OP.
    pub fn is_operator(self) -> bool {
        (TokenKind::Lpar as u8..=TokenKind::ColonEqual as u8).contains(&(self as u8))
    }
}

/// One token: a kind and the byte range `start..end` of its text in the decoded source.
///
/// Invariant: `start <= end <= source.len()`, both on `char` boundaries. INDENT, DEDENT,
/// NEWLINE at end of file and ENDMARKER may be empty ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: u32,
    pub end: u32,
}

impl Token {
    /// The token's text, re-read from the source it was produced from.
    pub fn text<'s>(&self, source: &'s str) -> &'s str {
        &source[self.start as usize..self.end as usize]
    }
}
