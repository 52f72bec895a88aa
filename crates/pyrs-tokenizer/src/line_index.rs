//! Byte offset ↔ (line, column) conversion for decoded source text.
//!
//! CPython keeps `lineno`/`col_offset` (bytes) on each token and converts to characters with
//! `_PyPegen_byte_offset_to_character_offset` when it raises; this is the same service for
//! the parser. Lines end at `\n`, `\r\n` or a lone `\r`, as the C tokenizer sees them.

/// Start offsets of every line of a text. Invariant: `starts[0] == 0`, strictly increasing,
/// every entry `<= text.len()`.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// Index the lines of `text`.
    pub fn new(text: &str) -> LineIndex {
        let b = text.as_bytes();
        let mut starts = vec![0u32];
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push((i + 1) as u32),
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push((i + 1) as u32);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// Number of lines (a final line without a newline counts; an empty tail after the last
    /// newline counts as a line too, as it can hold ENDMARKER).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where 1-based `line` starts (clamped to the last line).
    pub fn line_start(&self, line: u32) -> usize {
        let i = (line.max(1) as usize - 1).min(self.starts.len() - 1);
        self.starts[i] as usize
    }

    /// Byte offset → (1-based line, 0-based byte column).
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let off = offset as u32;
        let i = match self.starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1, // i >= 1 because starts[0] == 0 <= off
        };
        ((i + 1) as u32, off - self.starts[i])
    }

    /// 0-based byte column on 1-based `line` → 0-based character column. Columns past the end
    /// of the text are counted as one character per byte.
    pub fn char_col(&self, text: &str, line: u32, byte_col: u32) -> u32 {
        let start = self.line_start(line);
        let end = (start + byte_col as usize).min(text.len());
        let chars = crate::chars::char_len(text.as_bytes().get(start..end).unwrap_or(&[]));
        chars as u32 + (start + byte_col as usize - end) as u32
    }

    /// Byte offset → (1-based line, 0-based character column).
    pub fn line_char_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let (line, col) = self.line_col(offset);
        (line, self.char_col(text, line, col))
    }
}
