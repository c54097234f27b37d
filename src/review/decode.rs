//! Text encodings of chat-log exports: UTF-8 (with or without BOM) and GBK/GB18030, which is
//! what Excel and many Chinese back offices write. Detection reads the first bytes; each line
//! is then decoded on its own, so a bad byte is reported with its line number.
//!
//! GB18030 goes through a [`Gb18030Decoder`]: natively encoding_rs ([`EncodingRs`]); in the
//! browser the page's own `TextDecoder` (`src/wasm/decoder.rs`), which keeps encoding_rs's
//! ~190 KB (gzipped) of tables out of the wasm. UTF-8 is decoded by std on both.

use std::borrow::Cow;

use serde::Serialize;

/// How many leading bytes detection looks at.
pub const SNIFF_BYTES: usize = 64 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    #[serde(rename = "utf-8")]
    Utf8,
    /// GB18030, a superset of GBK and GB2312: one decoder reads all three.
    Gb18030,
}

impl Encoding {
    pub fn id(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Gb18030 => "gb18030",
        }
    }

    /// `auto` is `None`.
    pub fn parse(s: &str) -> Result<Option<Encoding>, String> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "auto" | "" => Ok(None),
            "utf-8" | "utf8" | "utf-8-sig" => Ok(Some(Encoding::Utf8)),
            "gbk" | "gb2312" | "gb18030" | "cp936" | "936" => Ok(Some(Encoding::Gb18030)),
            other => Err(format!("不支持的编码 “{other}”,可选 auto、utf-8、gbk、gb18030")),
        }
    }

    /// Decode one line. `None` if it holds bytes that are not text in this encoding.
    pub fn decode<'a>(self, bytes: &'a [u8], gb18030: &dyn Gb18030Decoder) -> Option<Cow<'a, str>> {
        // ASCII is the same in both encodings, and needs no call out of the wasm.
        if self == Encoding::Utf8 || bytes.is_ascii() {
            return std::str::from_utf8(bytes).ok().map(Cow::Borrowed);
        }
        gb18030.decode(bytes)
    }

    /// Decode one line, replacing what is not text with U+FFFD.
    pub fn decode_lossy(self, bytes: &[u8], gb18030: &dyn Gb18030Decoder) -> String {
        if self == Encoding::Utf8 || bytes.is_ascii() {
            return String::from_utf8_lossy(bytes).into_owned();
        }
        gb18030.decode_lossy(bytes)
    }
}

/// Decodes GB18030 (without BOM handling), one line at a time.
pub trait Gb18030Decoder {
    /// `None` if `bytes` hold something that is not GB18030 text.
    fn decode<'a>(&self, bytes: &'a [u8]) -> Option<Cow<'a, str>>;
    /// What is not GB18030 text becomes U+FFFD.
    fn decode_lossy(&self, bytes: &[u8]) -> String;
}

/// The native decoder: encoding_rs (the WHATWG gb18030 decoder, as browsers have it).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Copy, Debug, Default)]
pub struct EncodingRs;

#[cfg(not(target_arch = "wasm32"))]
impl Gb18030Decoder for EncodingRs {
    fn decode<'a>(&self, bytes: &'a [u8]) -> Option<Cow<'a, str>> {
        encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
    }

    fn decode_lossy(&self, bytes: &[u8]) -> String {
        encoding_rs::GB18030.decode_without_bom_handling(bytes).0.into_owned()
    }
}

/// What the first bytes say: the encoding, and how many BOM bytes to skip.
pub fn detect(head: &[u8], forced: Option<Encoding>) -> Result<(Encoding, usize), String> {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err("文件是 UTF-16 编码(Excel 的“Unicode 文本”):请另存为“CSV UTF-8”或 GBK 的 CSV 后再导入".into());
    }
    let bom = if head.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
    if let Some(e) = forced {
        return Ok((e, if e == Encoding::Utf8 { bom } else { 0 }));
    }
    if bom > 0 {
        return Ok((Encoding::Utf8, bom));
    }
    // Vote line by line: a UTF-8 export with a stray GBK line (or the reverse) is read in
    // the encoding of most of its lines, and the odd line is reported.
    let (mut utf8_lines, mut other_lines) = (0usize, 0usize);
    let mut lines = head.split(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        if line.is_ascii() {
            continue;
        }
        let ok = match std::str::from_utf8(line) {
            Ok(_) => true,
            // The last line may be cut by the sniff window in the middle of a character.
            Err(e) => lines.peek().is_none() && e.error_len().is_none(),
        };
        if ok {
            utf8_lines += 1;
        } else {
            other_lines += 1;
        }
    }
    let utf8 = utf8_lines >= other_lines;
    Ok((if utf8 { Encoding::Utf8 } else { Encoding::Gb18030 }, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_bom_utf8_and_gbk() {
        assert_eq!(detect(b"\xEF\xBB\xBFa,b", None), Ok((Encoding::Utf8, 3)));
        assert_eq!(detect("会话,角色".as_bytes(), None), Ok((Encoding::Utf8, 0)));
        // "会话" in GBK.
        assert_eq!(detect(b"\xBB\xE1\xBB\xB0", None), Ok((Encoding::Gb18030, 0)));
        // A UTF-8 character cut by the sniff window.
        assert_eq!(detect(&"您好".as_bytes()[..4], None), Ok((Encoding::Utf8, 0)));
        assert!(detect(b"\xFF\xFEa\x00", None).is_err());
        // Mostly UTF-8 with one GBK line: UTF-8.
        assert_eq!(detect(b"\xE4\xBD\xA0\n\xBB\xE1\n\xE5\xA5\xBD\n", None), Ok((Encoding::Utf8, 0)));
        assert_eq!(Encoding::Gb18030.decode(b"\xBB\xE1\xBB\xB0", &EncodingRs).as_deref(), Some("会话"));
        assert_eq!(Encoding::Gb18030.decode(b"a,b", &EncodingRs).as_deref(), Some("a,b"));
        assert_eq!(Encoding::Gb18030.decode(b"\xBB", &EncodingRs), None);
        assert_eq!(Encoding::Gb18030.decode_lossy(b"\xBB\xE1\xBB", &EncodingRs), "会\u{FFFD}");
        assert_eq!(Encoding::Utf8.decode(b"\xBB\xE1", &EncodingRs), None);
    }
}
