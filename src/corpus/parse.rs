//! Parsing one article in the seed format, tolerating the variants real folders hold.
//!
//! ```text
//! (optional blank line)
//! TITLE
//! (blank line)
//! source: NAME| published: YYYY-MM-DD
//! (blank line)
//! paragraph
//! (blank line)
//! paragraph ...
//! ```
//! Tolerated: no leading blank line, CRLF, a BOM (removed by decoding), extra spaces around `|`
//! and `:`, other `key: value` header fields, a missing or partial header (unknown source/date),
//! hard-wrapped paragraphs (lines joined until a blank line), any casing.

use std::ops::Range;

use chrono::NaiveDate;

/// The structure of one article's text. All ranges are byte offsets into that text.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedArticle {
    pub title: String,
    pub title_span: Range<usize>,
    pub source: Option<String>,
    pub published: Option<NaiveDate>,
    /// The header line (`source: ...| published: ...`), when present.
    pub header_span: Option<Range<usize>>,
    /// Other header fields (`author: ...`), lower-cased keys, in order.
    pub extra_fields: Vec<(String, String)>,
    /// The body paragraphs, each a span of the text with surrounding whitespace trimmed.
    pub paragraphs: Vec<Range<usize>>,
}

/// Why a text is not an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("empty file")]
    Empty,
    #[error("no text (only whitespace)")]
    Blank,
}

/// Splits `text` into blocks of consecutive non-blank lines, as trimmed byte ranges.
fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut block: Option<Range<usize>> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(b) = block.take() {
                out.push(b);
            }
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let line_span = start + lead..start + content.trim_end().len();
        block = Some(match block {
            Some(b) => b.start..line_span.end,
            None => line_span,
        });
    }
    if let Some(b) = block {
        out.push(b);
    }
    out
}

/// The header fields of a line like `source: cgtn| published: 2021-07-28`, or `None` when the
/// line is not a header (every `|`-separated part must be `key: value` with a short key).
fn header_fields(line: &str) -> Option<Vec<(String, String)>> {
    let mut fields = Vec::new();
    for part in line.split('|') {
        let (key, value) = part.split_once(':')?;
        let key = key.trim().to_lowercase();
        let is_key = !key.is_empty()
            && key.len() <= 24
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == ' ');
        if !is_key {
            return None;
        }
        fields.push((key, value.trim().to_string()));
    }
    let known = fields
        .iter()
        .any(|(k, _)| is_source_key(k) || is_date_key(k));
    known.then_some(fields)
}

fn is_source_key(key: &str) -> bool {
    matches!(key, "source" | "outlet" | "publisher" | "site" | "media")
}

fn is_date_key(key: &str) -> bool {
    matches!(
        key,
        "published" | "date" | "pubdate" | "publication date" | "published_at"
    )
}

/// Parses a date as written in headers: ISO `2021-07-28` (also `2021/07/28`, `20210728`),
/// optionally followed by a time. `unknown` and empty give `None`.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    let date_part = v.split(['T', ' ']).next().unwrap_or(v);
    for fmt in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%Y%m%d",
        "%d/%m/%Y",
        "%d %B %Y",
        "%B %d, %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(date_part, fmt) {
            return Some(d);
        }
        if let Ok(d) = NaiveDate::parse_from_str(v, fmt) {
            return Some(d);
        }
    }
    None
}

/// Parses an article. Never fails on non-empty text: a missing header leaves source and date
/// unknown, and the title is the first line.
pub fn parse_article(text: &str) -> Result<ParsedArticle, ParseError> {
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    let blocks = blocks(text);
    let Some(first) = blocks.first().cloned() else {
        return Err(ParseError::Blank);
    };
    // The title is the first line of the first block; the rest of that block (if the file has
    // no blank line after the title) is examined as header lines, then as body.
    let first_text = &text[first.clone()];
    let title_end = first.start + first_text.find('\n').unwrap_or(first_text.len());
    let title_span = first.start..first.start + text[first.start..title_end].trim_end().len();
    let mut rest: Vec<Range<usize>> = Vec::new();
    let after_title = title_end..first.end;
    if !text[after_title.clone()].trim().is_empty() {
        let lead = text[after_title.clone()].len() - text[after_title.clone()].trim_start().len();
        rest.push(after_title.start + lead..after_title.end);
    }
    rest.extend(blocks.into_iter().skip(1));

    let mut source = None;
    let mut published = None;
    let mut header_span = None;
    let mut extra_fields = Vec::new();
    let mut body_from = 0;
    if let Some(block) = rest.first() {
        // The header may be one line or several `key: value` lines in one block.
        let block_text = &text[block.clone()];
        let mut all_fields = Vec::new();
        let mut is_header = true;
        for line in block_text.lines() {
            match header_fields(line).or_else(|| single_field(line, &all_fields)) {
                Some(fields) => all_fields.extend(fields),
                None => {
                    is_header = false;
                    break;
                }
            }
        }
        if is_header && !all_fields.is_empty() {
            header_span = Some(block.clone());
            body_from = 1;
            for (key, value) in all_fields {
                if is_source_key(&key) && source.is_none() {
                    let v = value.trim();
                    if !v.is_empty() && !v.eq_ignore_ascii_case("unknown") {
                        source = Some(v.to_string());
                    }
                } else if is_date_key(&key) && published.is_none() {
                    published = parse_date(&value);
                } else {
                    extra_fields.push((key, value));
                }
            }
        }
    }
    let paragraphs = rest.into_iter().skip(body_from).collect();
    Ok(ParsedArticle {
        title: text[title_span.clone()].to_string(),
        title_span,
        source,
        published,
        header_span,
        extra_fields,
        paragraphs,
    })
}

/// A lone `key: value` line continuing a header block that already has a known field.
fn single_field(line: &str, so_far: &[(String, String)]) -> Option<Vec<(String, String)>> {
    if so_far.is_empty() {
        return None;
    }
    let (key, value) = line.split_once(':')?;
    let key = key.trim().to_lowercase();
    let short = !key.is_empty() && key.len() <= 24 && !key.contains(char::is_whitespace);
    short.then(|| vec![(key, value.trim().to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../seeds/000_bb29dedac36967df.txt");

    #[test]
    fn parses_the_seed() {
        let a = parse_article(SEED).unwrap();
        assert!(a.title.starts_with("china-latin america relations"));
        assert_eq!(a.source.as_deref(), Some("cgtn"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2021, 7, 28));
        assert_eq!(a.paragraphs.len(), 7);
        assert!(SEED[a.paragraphs[0].clone()].starts_with("thirteen ambassadors"));
        assert!(SEED[a.paragraphs[6].clone()].ends_with("beijing.\""));
    }

    #[test]
    fn tolerates_crlf_leading_blank_spaces_and_extra_fields() {
        let t = "\r\n\r\nTITLE HERE\r\n\r\nsource :  Reuters |  published : 1987-02-26 | author: x\r\n\r\nfirst para\r\nwrapped line\r\n\r\nsecond\r\n";
        let a = parse_article(t).unwrap();
        assert_eq!(a.title, "TITLE HERE");
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(1987, 2, 26));
        assert_eq!(a.extra_fields, vec![("author".into(), "x".into())]);
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(&t[a.paragraphs[0].clone()], "first para\r\nwrapped line");
    }

    #[test]
    fn missing_header_keeps_everything_as_body() {
        let t = "Just a title\nbody line right after\n\nanother paragraph";
        let a = parse_article(t).unwrap();
        assert_eq!(a.title, "Just a title");
        assert_eq!(a.source, None);
        assert_eq!(a.published, None);
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(&t[a.paragraphs[0].clone()], "body line right after");
    }

    #[test]
    fn unknown_source_and_date() {
        let t = "T\n\nsource: unknown| published: unknown\n\nbody";
        let a = parse_article(t).unwrap();
        assert_eq!(a.source, None);
        assert_eq!(a.published, None);
        assert_eq!(a.paragraphs.len(), 1);
    }

    #[test]
    fn colon_in_body_is_not_a_header() {
        let t = "T\n\nhe said: it is fine, really it is\n\nmore";
        let a = parse_article(t).unwrap();
        assert_eq!(a.header_span, None);
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn empty_and_blank_are_errors() {
        assert_eq!(parse_article(""), Err(ParseError::Empty));
        assert_eq!(parse_article(" \n\r\n \t"), Err(ParseError::Blank));
    }

    #[test]
    fn dates_in_several_forms() {
        assert_eq!(
            parse_date("2021-07-28T10:00:00Z"),
            NaiveDate::from_ymd_opt(2021, 7, 28)
        );
        assert_eq!(
            parse_date("1987/02/26"),
            NaiveDate::from_ymd_opt(1987, 2, 26)
        );
        assert_eq!(parse_date("unknown"), None);
        assert_eq!(parse_date("2021-13-40"), None);
    }
}
