//! Turning a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, and
//! Windows-1252 (a superset of the printable Latin-1 range, common in news archives) for
//! bytes that are not valid UTF-8. Binary files are refused.

use serde::{Deserialize, Serialize};

/// Which decoding produced an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl TextEncoding {
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Why bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("binary file (not text): {0}")]
    Binary(&'static str),
    #[error("invalid UTF-16")]
    BadUtf16,
}

/// How many leading bytes are inspected for binary content.
const SNIFF_LEN_BYTES: usize = 8192;

/// Decodes a file's bytes. The BOM, if any, is removed.
pub fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        check_not_binary(rest)?;
        return Ok((utf8_or_1252(rest).0, TextEncoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes).map(|s| (s, TextEncoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes).map(|s| (s, TextEncoding::Utf16Be));
    }
    check_not_binary(bytes)?;
    Ok(utf8_or_1252(bytes))
}

fn check_not_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN_BYTES)];
    if head.contains(&0) {
        return Err(DecodeError::Binary("contains NUL bytes"));
    }
    // Control characters other than tab, newline, carriage return and form feed are rare in
    // text and common in binary formats.
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    if controls * 20 > head.len().max(1) {
        return Err(DecodeError::Binary("too many control characters"));
    }
    Ok(())
}

fn utf8_or_1252(bytes: &[u8]) -> (String, TextEncoding) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), TextEncoding::Utf8),
        Err(_) => (
            bytes.iter().map(|&b| windows_1252_char(b)).collect(),
            TextEncoding::Windows1252,
        ),
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .collect::<Result<_, _>>()
        .map_err(|_| DecodeError::BadUtf16)?;
    if text.contains('\0') {
        return Err(DecodeError::Binary("contains NUL characters"));
    }
    Ok(text)
}

/// Windows-1252: bytes 0x80..=0x9F map to typographic characters; the rest is Latin-1.
/// The five undefined bytes map to the C1 control of the same value, as browsers do.
fn windows_1252_char(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("né".as_bytes()).unwrap(),
            ("né".into(), TextEncoding::Utf8)
        );
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("héllo".as_bytes());
        assert_eq!(decode(&b).unwrap(), ("héllo".into(), TextEncoding::Utf8Bom));
    }

    #[test]
    fn utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("São".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), ("São".into(), TextEncoding::Utf16Le));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("陈伟".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap(), ("陈伟".into(), TextEncoding::Utf16Be));
    }

    #[test]
    fn windows_1252_fallback() {
        // "“São Paulo” – 5€" in Windows-1252.
        let b = [
            0x93, b'S', 0xE3, b'o', b' ', b'P', 0x94, b' ', 0x96, b' ', b'5', 0x80,
        ];
        assert_eq!(
            decode(&b).unwrap(),
            ("“São P” – 5€".into(), TextEncoding::Windows1252)
        );
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13]),
            Err(DecodeError::Binary(_))
        ));
        let controls: Vec<u8> = (0..200u8).map(|i| i % 8).collect();
        assert!(decode(&controls).is_err());
    }
}
