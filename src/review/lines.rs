//! Splits a byte stream into lines, whatever the chunk boundaries.
//!
//! Splitting happens on raw bytes, before decoding: `\n` (0x0A) is never part of a multi-byte
//! character in UTF-8, GBK or GB18030, so a line is always whole characters. A trailing `\r`
//! is dropped (Windows exports).

/// Longest line kept whole; longer ones are cut (and reported by the reader) so that one
/// broken file cannot take all memory.
pub const MAX_LINE: usize = 4 << 20;

#[derive(Default)]
pub struct LineSplitter {
    pending: Vec<u8>,
    overflow: bool,
    line: u64,
}

/// One physical line: its 1-based number, its bytes, and whether it was cut at [`MAX_LINE`].
pub struct Line<'a> {
    pub number: u64,
    pub bytes: &'a [u8],
    pub truncated: bool,
}

impl LineSplitter {
    /// Feed a chunk; `each` receives every line completed by it.
    pub fn push(&mut self, mut chunk: &[u8], each: &mut dyn FnMut(Line<'_>)) {
        while let Some(nl) = chunk.iter().position(|&b| b == b'\n') {
            self.line += 1;
            let head = &chunk[..nl];
            if self.pending.is_empty() && !self.overflow {
                each(Line { number: self.line, bytes: trim_cr(head), truncated: false });
            } else {
                self.append(head);
                let truncated = self.overflow;
                each(Line { number: self.line, bytes: trim_cr(&self.pending), truncated });
                self.pending.clear();
                self.overflow = false;
            }
            chunk = &chunk[nl + 1..];
        }
        self.append(chunk);
    }

    /// The last line, if the input did not end with a newline.
    pub fn finish(&mut self, each: &mut dyn FnMut(Line<'_>)) {
        if self.pending.is_empty() && !self.overflow {
            return;
        }
        self.line += 1;
        let truncated = self.overflow;
        each(Line { number: self.line, bytes: trim_cr(&self.pending), truncated });
        self.pending.clear();
        self.overflow = false;
    }

    /// Lines completed so far.
    pub fn lines(&self) -> u64 {
        self.line
    }

    fn append(&mut self, bytes: &[u8]) {
        let room = MAX_LINE.saturating_sub(self.pending.len());
        if bytes.len() > room {
            self.overflow = true;
        }
        self.pending.extend_from_slice(&bytes[..bytes.len().min(room)]);
    }
}

fn trim_cr(b: &[u8]) -> &[u8] {
    b.strip_suffix(b"\r").unwrap_or(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(chunks: &[&[u8]]) -> Vec<(u64, String)> {
        let mut s = LineSplitter::default();
        let mut out = Vec::new();
        let mut each = |l: Line<'_>| out.push((l.number, String::from_utf8_lossy(l.bytes).into_owned()));
        for c in chunks {
            s.push(c, &mut each);
        }
        s.finish(&mut each);
        out
    }

    #[test]
    fn lines_survive_any_chunking() {
        let want = vec![(1, "ab".to_owned()), (2, "".to_owned()), (3, "cd".to_owned())];
        assert_eq!(split(&[b"ab\r\n\ncd"]), want);
        assert_eq!(split(&[b"a", b"b\r", b"\n", b"\nc", b"d"]), want);
        assert_eq!(split(&[b"ab\r\n\ncd\n"]), want);
    }
}
