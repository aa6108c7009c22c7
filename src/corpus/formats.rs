//! Turning a file's bytes into article texts in the seed format, whatever the file's format and
//! encoding, so that parsing, extraction and spans downstream stay uniform.
//!
//! ```text
//! TITLE
//!
//! source: SOURCE| published: YYYY-MM-DD
//!
//! paragraph
//!
//! paragraph ...
//! ```
//!
//! * **Encodings**: a BOM decides (UTF-8, UTF-16LE, UTF-16BE; the BOM is removed); otherwise
//!   valid UTF-8 is UTF-8; otherwise, for HTML, a `<meta charset>` / `http-equiv` declaration
//!   is honoured; otherwise `chardetng` guesses a legacy encoding (Windows-1252 for most Western
//!   archives). A valid UTF-8 file wins over a contrary `<meta charset>`: re-saved pages keep
//!   stale declarations far more often than Latin-1 bytes happen to form valid UTF-8.
//!   Binary files (NUL bytes or many control characters in the first 8 KiB) are refused.
//! * **Text**: the decoded text as is (the parser handles seed format and plain text).
//! * **Markdown**: YAML front matter (`title`, `date`, `source`...) becomes the seed header; a
//!   leading ATX (`# Title`) or setext (`Title` + `====`) heading becomes the plain title line.
//!   The rest of the Markdown is left as is (spans are offsets into the converted text).
//! * **HTML**: parsed with `scraper` (html5ever). Title from `og:title` / `twitter:title`, else
//!   JSON-LD `headline`, else `<title>` (without a ` | Site` suffix naming the source), else the
//!   first `<h1>`; source from `og:site_name` / publisher / application-name / author (URLs
//!   ignored) / JSON-LD `publisher.name`; date from the usual meta tags, JSON-LD
//!   `datePublished` or the first `<time datetime>`; body from `<article>` (the one with most
//!   paragraph text), else `<main>`, else `<body>`: one paragraph per block element (`p`, `h1`..
//!   `h6`, `li`, `blockquote`, `div`, `td`..., and `<br>`), whitespace collapsed, a repeated
//!   headline dropped, `script`/`style`/`nav`/`header`/`footer`/`aside`/`form`/`noscript`...
//!   skipped. Nesting deeper than 128 elements is flattened first (html5ever is quadratic
//!   there). Missing source or date are written `unknown`; `|` in values becomes `/`.
//! * **JSON** / **JSON Lines**: one article per object (a lone object, an array, or an array
//!   under `articles`/`items`/`data`/`results`/... up to four levels down); field names matched
//!   case-insensitively; the longest of `text`/`body`/`content`/... is the body (else
//!   `description`/`summary`), HTML bodies (WordPress `content.rendered`) are converted,
//!   paragraphs (`\n\n`) and single newlines kept. Objects or lines that cannot be used are
//!   skipped and listed in [`ConvertReport::problems`]. A `.json` file that holds JSON Lines is
//!   read as such.

use std::path::Path;

use chrono::{DateTime, NaiveDate};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::{Map, Value};

/// Inputs larger than this are refused.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// How many leading bytes (or characters for UTF-16) are inspected for binary content.
const SNIFF_LEN: usize = 8192;

/// How many leading bytes are searched for an HTML `<meta charset>`.
const META_SNIFF_LEN: usize = 4096;

/// How many bytes `chardetng` reads before guessing (the guess settles long before this).
const DETECT_LEN: usize = 1024 * 1024;

/// How many `<article>` (or `<main>`) elements are compared to find the article text.
const MAX_CANDIDATE_ROOTS: usize = 32;

/// How many skipped items are described one by one in [`ConvertReport::problems`].
const MAX_PROBLEMS_LISTED: usize = 50;

/// The format a file is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Json => "JSON",
            Format::JsonLines => "JSON Lines",
        }
    }
}

/// One article's text in seed format, and how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The article in seed format (Text: the file's text as is).
    pub text: String,
    /// The decoding used: `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `UTF-16BE`, `windows-1252`...
    /// (`encoding_rs` names).
    pub encoding: String,
    pub format: Format,
    /// For JSON: the 0-based position in the array of articles; for JSON Lines: the 1-based
    /// line number; `None` for one-article files.
    pub index: Option<usize>,
}

/// The articles of one file, and the parts of it that were skipped (JSON items without text,
/// JSON Lines lines that are not valid JSON...), each described for a person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConvertReport {
    pub articles: Vec<Converted>,
    pub problems: Vec<String>,
}

/// Why a file gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("binary file (not text): {0}")]
    Binary(String),
    #[error("cannot decode the text: {0}")]
    Undecodable(String),
    #[error("no article found: {0}")]
    NoArticle(String),
    #[error("invalid JSON: {0}")]
    BadJson(String),
    #[error("too large ({} MiB; the limit is {} MiB)", mib(*.0), MAX_INPUT_BYTES >> 20)]
    TooLarge(u64),
}

/// Mebibytes, rounded up (so that 64 MiB and 1 byte reads as more than the limit).
fn mib(bytes: u64) -> u64 {
    bytes.div_ceil(1 << 20)
}

/// The format of a file, by its extension (case-insensitive); `None` for unsupported types.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "json" => Some(Format::Json),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        _ => None,
    }
}

/// Converts a file's bytes into articles in seed format. Files of unsupported types (see
/// [`format_of`]) are read as text. Skipped parts of the file are dropped: use
/// [`convert_report`] to show them.
pub fn convert(path: &Path, bytes: &[u8]) -> Result<Vec<Converted>, FormatError> {
    convert_report(path, bytes).map(|r| r.articles)
}

/// Converts a file's bytes into articles in seed format, with the parts that were skipped.
/// Fails when the file gives no article at all.
pub fn convert_report(path: &Path, bytes: &[u8]) -> Result<ConvertReport, FormatError> {
    convert_owned(path, bytes.to_vec())
}

/// [`convert_report`] taking the bytes: a UTF-8 file's buffer becomes its text without a copy.
pub fn convert_owned(path: &Path, bytes: Vec<u8>) -> Result<ConvertReport, FormatError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(FormatError::TooLarge(bytes.len() as u64));
    }
    let format = format_of(path).unwrap_or(Format::Text);
    let (text, encoding) = decode(bytes, format == Format::Html)?;
    if text.trim().is_empty() {
        return Err(FormatError::NoArticle(if text.is_empty() {
            "empty file".into()
        } else {
            "no text (only whitespace)".into()
        }));
    }
    let one = |text: String| ConvertReport {
        articles: vec![Converted {
            text,
            encoding: encoding.clone(),
            format,
            index: None,
        }],
        problems: Vec::new(),
    };
    match format {
        Format::Text => Ok(one(mac_line_ends(text))),
        Format::Markdown => Ok(one(markdown_to_seed(&mac_line_ends(text)))),
        Format::Html => html_to_seed(&text, path).map(one),
        Format::Json => {
            let items = match serde_json::from_str::<Value>(&text) {
                Ok(value) => json_items(value)?,
                Err(e) if looks_like_json_lines(&text) => {
                    let mut report = json_lines_items(&text);
                    if report.0.is_empty() {
                        return Err(FormatError::BadJson(e.to_string()));
                    }
                    report.1.insert(
                        0,
                        "not one JSON value: read as JSON Lines (one object per line)".into(),
                    );
                    return finish(report, &encoding, Format::JsonLines);
                }
                Err(e) => return Err(FormatError::BadJson(e.to_string())),
            };
            finish(items, &encoding, format)
        }
        Format::JsonLines => finish(json_lines_items(&text), &encoding, format),
    }
}

/// Classic Mac OS line ends (`\r` alone) become `\n`, which keeps every byte offset. Only
/// for texts without any `\n`.
fn mac_line_ends(text: String) -> String {
    if text.contains('\r') && !text.contains('\n') {
        text.replace('\r', "\n")
    } else {
        text
    }
}

/// Builds the report from `(index, object)` items and earlier problems.
fn finish(
    (items, mut problems): Items,
    encoding: &str,
    format: Format,
) -> Result<ConvertReport, FormatError> {
    let mut articles = Vec::new();
    let (mut skipped, mut described) = (0usize, 0usize);
    for (index, obj) in items {
        match object_to_seed(&obj) {
            Ok(text) => articles.push(Converted {
                text,
                encoding: encoding.to_string(),
                format,
                index,
            }),
            Err(why) => {
                skipped += 1;
                if problems.len() < MAX_PROBLEMS_LISTED {
                    described += 1;
                    problems.push(format!("{}: {why}", item_name(format, index)));
                }
            }
        }
    }
    let listed = problems.len();
    if articles.is_empty() {
        let first = problems
            .first()
            .cloned()
            .unwrap_or_else(|| "the JSON holds no objects".into());
        return Err(FormatError::NoArticle(if listed > 1 {
            format!("{first} (and {} more problems)", listed - 1)
        } else {
            first
        }));
    }
    if skipped > described {
        problems.push(format!("{skipped} objects without usable text in all"));
    }
    Ok(ConvertReport { articles, problems })
}

fn item_name(format: Format, index: Option<usize>) -> String {
    match (format, index) {
        (Format::JsonLines, Some(i)) => format!("line {i}"),
        (_, Some(i)) => format!("item {i}"),
        (_, None) => "the object".into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Decoding

/// Decodes bytes to text, naming the decoding used. The BOM, if any, is removed. Plain UTF-8
/// (the common case) becomes its text in the bytes' own buffer, without a copy.
fn decode(bytes: Vec<u8>, html: bool) -> Result<(String, String), FormatError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(&bytes) {
        let rest = &bytes[bom_len..];
        if encoding == encoding_rs::UTF_8 {
            check_not_binary(rest)?;
            let (text, _) = encoding_rs::UTF_8.decode_without_bom_handling(rest);
            return Ok((text.into_owned(), "UTF-8 (BOM)".into()));
        }
        // UTF-16: an odd trailing byte or unpaired surrogates make the file undecodable.
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(rest)
            .ok_or_else(|| FormatError::Undecodable(format!("invalid {}", encoding.name())))?;
        let head: String = text.chars().take(SNIFF_LEN).collect();
        if head.contains('\0') {
            return Err(FormatError::Binary("contains NUL characters".into()));
        }
        check_controls(head.chars().map(u32::from))?;
        return Ok((text.into_owned(), encoding.name().into()));
    }
    if let Some(encoding) = bomless_utf16(&bytes) {
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(&bytes)
            .ok_or_else(|| FormatError::Binary("contains NUL bytes".into()))?;
        check_controls(text.chars().take(SNIFF_LEN).map(u32::from))?;
        return Ok((text.into_owned(), encoding.name().into()));
    }
    check_not_binary(&bytes)?;
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, "UTF-8".into())),
        Err(e) => e.into_bytes(),
    };
    let declared = if html { meta_charset(&bytes) } else { None };
    let encoding = match declared {
        // A declared UTF-8 (or UTF-16, which HTML reads as UTF-8) that is not valid is wrong.
        Some(e) if !is_unicode(e) => e,
        _ => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(&bytes[..bytes.len().min(DETECT_LEN)], true);
            detector.guess(None, chardetng::Utf8Detection::Deny)
        }
    };
    let (text, _) = encoding.decode_without_bom_handling(&bytes);
    Ok((text.into_owned(), encoding.name().into()))
}

fn is_unicode(e: &'static encoding_rs::Encoding) -> bool {
    e == encoding_rs::UTF_8 || e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE
}

/// UTF-16 without a BOM, recognised when the first 8 KiB look like mostly-ASCII UTF-16: a zero
/// high byte in nearly every code unit, and nearly no zero low byte.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    let units = head.len() / 2;
    if units < 8 || !head.contains(&0) {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= units * 9 && even * 100 <= units {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= units * 9 && odd * 100 <= units {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

fn check_not_binary(bytes: &[u8]) -> Result<(), FormatError> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return Err(FormatError::Binary("contains NUL bytes".into()));
    }
    check_controls(head.iter().map(|&b| u32::from(b)))
}

/// Control characters other than tab, newline, carriage return and form feed are rare in text
/// and common in binary formats.
fn check_controls(head: impl Iterator<Item = u32>) -> Result<(), FormatError> {
    let (mut total, mut controls) = (0usize, 0usize);
    for c in head {
        total += 1;
        if c < 0x20 && !matches!(c, 0x09 | 0x0A | 0x0D | 0x0C) {
            controls += 1;
        }
    }
    if controls * 20 > total.max(1) {
        return Err(FormatError::Binary("too many control characters".into()));
    }
    Ok(())
}

/// The encoding declared by `<meta charset=...>` or `<meta http-equiv="content-type"
/// content="...; charset=...">` near the start of an HTML file.
fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(META_SNIFF_LEN)];
    // Lower-cased ASCII view; other bytes kept as they are (they never match).
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    // XHTML: `<?xml version="1.0" encoding="ISO-8859-1"?>`.
    if lower.starts_with(b"<?xml")
        && let Some(end) = find(&lower, b"?>")
        && let Some(at) = find(&lower[..end], b"encoding=")
    {
        let rest = &lower[at + b"encoding=".len()..end];
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let len = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\'')
            .unwrap_or(rest.len());
        if let Some(e) = encoding_rs::Encoding::for_label(&rest[..len]) {
            return Some(e);
        }
    }
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |p| start + p);
        let tag = &lower[start..end];
        if let Some(at) = find(tag, b"charset") {
            let rest = &tag[at + b"charset".len()..];
            let rest = trim_ascii_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_ascii_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_len = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b' ' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(e) = encoding_rs::Encoding::for_label(&rest[..label_len]) {
                    return Some(e);
                }
            }
        }
        from = end.max(start + 1);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

// ---------------------------------------------------------------------------------------------
// Seed format

/// One line: whitespace collapsed; `|` (the header separator) replaced in header values.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn header_value(s: Option<&str>) -> String {
    let v = one_line(&s.unwrap_or_default().replace('|', "/"));
    if v.is_empty() { "unknown".into() } else { v }
}

/// Body text with paragraphs (blank-line separated) trimmed and single newlines kept.
fn normalise_body(body: &str) -> Vec<String> {
    let body = body.replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in body.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs
}

/// A title from the first line of the first paragraph, at most about 100 characters.
fn title_from_body(paragraphs: &[String]) -> Option<String> {
    let first = paragraphs.first()?.lines().next()?;
    let mut title = String::new();
    for word in first.split_whitespace() {
        if !title.is_empty() && title.chars().count() + word.chars().count() > 100 {
            title.push('…');
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    (!title.is_empty()).then_some(title)
}

fn seed(
    title: &str,
    source: Option<&str>,
    date: Option<NaiveDate>,
    paragraphs: &[String],
) -> String {
    let date = date.map_or_else(
        || "unknown".to_string(),
        |d| d.format("%Y-%m-%d").to_string(),
    );
    // An empty title line would make the header the title.
    let title = Some(one_line(title))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "untitled".into());
    let mut out = format!(
        "{}\n\nsource: {}| published: {}\n",
        title,
        header_value(source),
        date
    );
    for p in paragraphs {
        out.push('\n');
        out.push_str(p);
        out.push('\n');
    }
    out
}

/// Parses the dates found in metadata: ISO 8601 / RFC 3339 (`2020-03-10`,
/// `2020-03-10T14:00:00Z`), `2020/03/10`, `20200310`, RFC 2822 (`Tue, 10 Mar 2020 14:00:00
/// GMT`), `March 10, 2020`, `10 March 2020`, and epoch seconds (or milliseconds). The date is
/// the one written, not converted to UTC.
pub fn parse_any_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if v.is_empty() || v.len() > 100 {
        return None;
    }
    if v.bytes().all(|b| b.is_ascii_digit()) && v.len() >= 9 {
        return v.parse::<i64>().ok().and_then(date_from_epoch);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(v) {
        return Some(d.date_naive());
    }
    let first = v.split(['T', ' ']).next().unwrap_or(v);
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(first, fmt) {
            return Some(d);
        }
    }
    // RFC 2822 variants chrono refuses (no weekday or a named zone it does not know).
    let cleaned: String = v.replace(',', " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    for skip in [0, 1] {
        let candidate = words.iter().skip(skip).take(3).copied().collect::<Vec<_>>();
        if candidate.len() < 3 {
            break;
        }
        let candidate = candidate.join(" ");
        for fmt in ["%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"] {
            if let Ok(d) = NaiveDate::parse_from_str(&candidate, fmt) {
                return Some(d);
            }
        }
    }
    None
}

fn date_from_epoch(n: i64) -> Option<NaiveDate> {
    // Small numbers are not timestamps (a year, a count); milliseconds after 1973 look like
    // seconds after the year 5000.
    if !(100_000_000..=100_000_000_000_000).contains(&n) {
        return None;
    }
    let secs = if n.abs() >= 100_000_000_000 {
        n / 1000
    } else {
        n
    };
    DateTime::from_timestamp(secs, 0).map(|d| d.date_naive())
}

// ---------------------------------------------------------------------------------------------
// Markdown

fn markdown_to_seed(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let (front, rest) = split_front_matter(&text);
    let mut lines: Vec<&str> = rest.lines().collect();
    // The first non-blank line, as a heading.
    let mut heading = None;
    if let Some(i) = lines.iter().position(|l| !l.trim().is_empty()) {
        let line = lines[i].trim();
        let atx = line.trim_start_matches('#');
        let hashes = line.len() - atx.len();
        if (1..=6).contains(&hashes) && atx.starts_with(' ') && !atx.trim().is_empty() {
            heading = Some(atx.trim().trim_end_matches('#').trim().to_string());
            lines.remove(i);
        } else if lines
            .get(i + 1)
            .is_some_and(|next| is_setext_underline(next))
        {
            heading = Some(line.to_string());
            lines.drain(i..=i + 1);
        }
    }
    let body = lines.join("\n");
    match front {
        None => match heading {
            Some(h) => format!("{h}\n{body}\n"),
            None => text.clone(),
        },
        Some(fields) => {
            let get = |keys: &[&str]| {
                fields
                    .iter()
                    .find(|(k, _)| keys.iter().any(|key| k.eq_ignore_ascii_case(key)))
                    .map(|(_, v)| v.as_str())
            };
            let paragraphs = normalise_body(&body);
            let title = get(&["title", "headline"])
                .map(str::to_string)
                .or(heading)
                .or_else(|| title_from_body(&paragraphs))
                .unwrap_or_else(|| "untitled".into());
            let date = get(DATE_KEYS).and_then(parse_any_date);
            seed(&title, get(SOURCE_KEYS), date, &paragraphs)
        }
    }
}

fn is_setext_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
}

/// YAML front matter (`---` lines around `key: value` lines) at the start of a Markdown file.
fn split_front_matter(text: &str) -> (Option<Vec<(String, String)>>, &str) {
    let Some(after) = text.strip_prefix("---\n") else {
        return (None, text);
    };
    let Some(end) = after.find("\n---") else {
        return (None, text);
    };
    let block = &after[..end];
    let rest = &after[end + 4..];
    let rest = rest.split_once('\n').map_or("", |(_, r)| r);
    let mut fields = Vec::new();
    for line in block.lines() {
        if let Some((k, v)) = line.split_once(':') {
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
            fields.push((k.trim().to_string(), v.to_string()));
        }
    }
    (Some(fields), rest)
}

// ---------------------------------------------------------------------------------------------
// HTML

/// Elements whose content is never article text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
    "iframe", "button", "select", "textarea", "head", "title", "object", "canvas",
];

/// Elements that start and end a paragraph.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "br",
    "hr",
    "address",
    "center",
];

const HTML_DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "date",
    "pubdate",
    "publish-date",
    "publish_date",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "og:updated_time",
    "article:modified_time",
];

const HTML_SOURCE_META: &[&str] = &[
    "og:site_name",
    "publisher",
    "application-name",
    "author",
    "dc.publisher",
];

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn html_to_seed(text: &str, path: &Path) -> Result<String, FormatError> {
    let doc = Html::parse_document(&limit_nesting(text));
    let metas = meta_tags(&doc);
    let meta = |keys: &[&str]| {
        keys.iter().find_map(|key| {
            metas
                .iter()
                .find(|(k, v)| k == key && !v.trim().is_empty())
                .map(|(_, v)| v.as_str())
        })
    };
    let ld = json_ld(&doc);

    let first_text = |sel: &str| {
        selector(sel).and_then(|s| {
            doc.select(&s)
                .map(|e| one_line(&e.text().collect::<String>()))
                .find(|t| !t.is_empty())
        })
    };
    let h1 = first_text("h1");
    let source = HTML_SOURCE_META
        .iter()
        .find_map(|k| meta(&[k]).filter(|v| !v.trim_start().starts_with("http")))
        .map(str::to_string)
        .or_else(|| ld.publisher.clone());

    let title = meta(&["og:title", "twitter:title"])
        .map(one_line)
        .or_else(|| ld.headline.as_deref().map(one_line))
        .or_else(|| first_text("title").map(|t| strip_site_suffix(&t, source.as_deref())))
        .or_else(|| h1.clone())
        .filter(|t| !t.is_empty());

    let date = HTML_DATE_META
        .iter()
        .find_map(|k| meta(&[k]).and_then(parse_any_date))
        .or_else(|| ld.date.as_deref().and_then(parse_any_date))
        .or_else(|| {
            let s = selector("time[datetime]")?;
            doc.select(&s)
                .filter_map(|e| e.attr("datetime"))
                .find_map(parse_any_date)
        });

    let mut paragraphs = html_body_paragraphs(&doc);
    if paragraphs.is_empty()
        && let Some(body) = &ld.body
    {
        paragraphs = normalise_body(body);
    }
    // The headline repeated as the first block of the body.
    if let (Some(first), Some(t)) = (paragraphs.first(), title.as_ref().or(h1.as_ref()))
        && (first == t || Some(first) == h1.as_ref())
    {
        paragraphs.remove(0);
    }
    if paragraphs.is_empty() && title.is_none() {
        return Err(FormatError::NoArticle("the page has no text".into()));
    }
    let title = title
        .or_else(|| title_from_body(&paragraphs))
        .or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "untitled".into());
    Ok(seed(&title, source.as_deref(), date, &paragraphs))
}

/// Nesting deeper than this is flattened before parsing (html5ever's scope checks make very
/// deep documents quadratic: 40,000 unclosed `<div>`s take seconds).
const MAX_HTML_DEPTH: usize = 128;

/// Elements that never nest (void) or that the parser closes by itself.
const NON_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "!",
];

/// The HTML with the start tags that would nest deeper than [`MAX_HTML_DEPTH`] removed (their
/// text is kept). A rough, linear tag scan; real pages pass through unchanged.
fn limit_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut cuts: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + off;
        let closing = bytes.get(start + 1) == Some(&b'/');
        let name_from = start + 1 + usize::from(closing);
        let name_len = bytes[name_from..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        if name_len == 0 || !bytes[name_from].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = html[name_from..name_from + name_len].to_ascii_lowercase();
        let end = bytes[name_from + name_len..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |p| name_from + name_len + p + 1);
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        if closing {
            if let Some(pos) = stack.iter().rev().take(64).position(|n| *n == name) {
                stack.truncate(stack.len() - pos - 1);
            }
        } else if !self_closing && !NON_NESTING.contains(&name.as_str()) {
            if stack.len() >= MAX_HTML_DEPTH {
                cuts.push(start..end);
            } else {
                stack.push(name);
            }
        }
        i = end;
    }
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for cut in cuts {
        out.push_str(&html[from..cut.start]);
        from = cut.end;
    }
    out.push_str(&html[from..]);
    std::borrow::Cow::Owned(out)
}

/// `Headline | Site` without ` | Site` when `Site` is the source.
fn strip_site_suffix(title: &str, source: Option<&str>) -> String {
    let Some(source) = source.map(one_line).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(head) = title
            .strip_suffix(source.as_str())
            .and_then(|h| h.strip_suffix(sep))
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

/// `(name or property lower-cased, content)` of every `<meta>` tag, plus `itemprop` ones.
fn meta_tags(doc: &Html) -> Vec<(String, String)> {
    let Some(sel) = selector("meta[content]") else {
        return Vec::new();
    };
    doc.select(&sel)
        .filter_map(|e| {
            let key = e
                .attr("property")
                .or_else(|| e.attr("name"))
                .or_else(|| e.attr("itemprop"))?;
            Some((
                key.trim().to_ascii_lowercase(),
                e.attr("content")?.to_string(),
            ))
        })
        .collect()
}

/// What JSON-LD (`<script type="application/ld+json">`) says about the article.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    publisher: Option<String>,
    date: Option<String>,
    body: Option<String>,
}

fn json_ld(doc: &Html) -> JsonLd {
    let mut out = JsonLd::default();
    let Some(sel) = selector("script[type]") else {
        return out;
    };
    for script in doc.select(&sel) {
        let is_ld = script
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(&script.text().collect::<String>()) else {
            continue;
        };
        // Breadth-first over objects (`@graph` arrays, nested `mainEntity`...), bounded.
        let mut queue = vec![&value];
        let mut seen = 0;
        while let Some(v) = queue.pop() {
            seen += 1;
            if seen > 10_000 {
                break;
            }
            match v {
                Value::Array(items) => queue.extend(items.iter()),
                Value::Object(obj) => {
                    let get = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
                    out.date = out.date.take().or_else(|| get("datePublished"));
                    if obj.contains_key("datePublished") || obj.contains_key("articleBody") {
                        out.headline = out.headline.take().or_else(|| get("headline"));
                        out.body = out.body.take().or_else(|| get("articleBody"));
                        out.publisher = out
                            .publisher
                            .take()
                            .or_else(|| obj.get("publisher").and_then(name_of));
                    }
                    queue.extend(obj.values().filter(|v| v.is_object() || v.is_array()));
                }
                _ => {}
            }
        }
    }
    out
}

/// The element whose text is the article: the `<article>` with most paragraph text, else
/// `<main>`, else `<body>`, else the whole document.
fn content_root(doc: &Html) -> ElementRef<'_> {
    let text_len = |e: &ElementRef| -> usize {
        selector("p").map_or(0, |p| {
            e.select(&p)
                .map(|p| p.text().map(str::len).sum::<usize>())
                .sum()
        })
    };
    let pick = |sel: &str| {
        let s = selector(sel)?;
        // Bounded: nested candidates would make this quadratic.
        doc.select(&s)
            .take(MAX_CANDIDATE_ROOTS)
            .max_by_key(text_len)
    };
    pick("article")
        .or_else(|| pick("main"))
        .or_else(|| pick("body"))
        .unwrap_or_else(|| doc.root_element())
}

/// The text blocks of the content root, whitespace collapsed. Iterative: deep documents do
/// not overflow the stack.
fn html_body_paragraphs(doc: &Html) -> Vec<String> {
    let root = content_root(doc);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut skip_depth = 0usize;
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let p = one_line(current);
        if !p.is_empty() {
            paragraphs.push(p);
        }
        current.clear();
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if skip_depth > 0 || SKIPPED_ELEMENTS.contains(&name) {
                        skip_depth += 1;
                    } else if BLOCK_ELEMENTS.contains(&name) {
                        flush(&mut current, &mut paragraphs);
                    }
                }
                Node::Text(t) if skip_depth == 0 => current.push_str(&t.text),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else if BLOCK_ELEMENTS.contains(&e.name()) {
                        flush(&mut current, &mut paragraphs);
                    }
                }
            }
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs
}

/// Paragraphs of an HTML fragment (JSON bodies such as WordPress `content.rendered`).
fn html_fragment_paragraphs(html: &str) -> Vec<String> {
    let doc = Html::parse_document(&limit_nesting(html));
    html_body_paragraphs(&doc)
}

fn looks_like_html(s: &str) -> bool {
    let head: String = s
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    ["<p>", "<p ", "<br", "</div>", "</p>", "<div"]
        .iter()
        .any(|tag| head.contains(tag))
}

// ---------------------------------------------------------------------------------------------
// JSON

const TITLE_KEYS: &[&str] = &["title", "headline", "webtitle", "name"];
const MAIN_TEXT_KEYS: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "articlebody",
    "article_body",
    "body_text",
    "bodytext",
    "fulltext",
    "full_text",
    "maintext",
];
const SHORT_TEXT_KEYS: &[&str] = &["description", "summary", "abstract", "lead", "excerpt"];
const SOURCE_KEYS: &[&str] = &[
    "source",
    "outlet",
    "publisher",
    "site",
    "site_name",
    "sitename",
    "media",
    "source_name",
    "sourcename",
];
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "publishedat",
    "published_at",
    "pubdate",
    "datepublished",
    "date_published",
    "publication_date",
    "publish_date",
    "publishdate",
    "webpublicationdate",
    "timestamp",
    "created_at",
    "time",
];
/// Keys of the array of articles in a wrapping object.
const LIST_KEYS: &[&str] = &[
    "articles",
    "items",
    "data",
    "results",
    "posts",
    "entries",
    "documents",
    "docs",
    "records",
    "stories",
    "news",
    "response",
];

/// A field by any of `keys`, case-insensitive, in the order of `keys`.
fn field<'a>(obj: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|key| {
        obj.iter()
            .find(|(k, v)| k.eq_ignore_ascii_case(key) && !v.is_null())
            .map(|(_, v)| v)
    })
}

/// A string from a string, a number, `{"name": ...}` / `{"rendered": ...}` objects or the
/// first element of an array.
fn string_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => field(o, &["rendered", "name", "title", "value", "text", "id"])
            .filter(|v| v.is_string() || v.is_number())
            .and_then(string_of),
        Value::Array(a) => a.first().and_then(string_of),
        _ => None,
    }
    .filter(|s| !s.trim().is_empty())
}

fn name_of(v: &Value) -> Option<String> {
    string_of(v)
}

/// Body text: a string, an array of paragraph strings, or `{"rendered": "<p>..."}`.
fn body_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(string_of).collect();
            parts.join("\n\n")
        }
        Value::Object(o) => field(o, &["rendered", "text", "value", "content", "body"])
            .and_then(Value::as_str)?
            .to_string(),
        _ => string_of(v)?,
    };
    (!s.trim().is_empty()).then_some(s)
}

fn longest(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .filter_map(|k| field(obj, &[k]).and_then(body_of))
        .max_by_key(String::len)
}

fn object_to_seed(obj: &Map<String, Value>) -> Result<String, String> {
    let Some(body) = longest(obj, MAIN_TEXT_KEYS).or_else(|| longest(obj, SHORT_TEXT_KEYS)) else {
        return Err(
            "no text (looked for text, body, content, article, description, summary)".into(),
        );
    };
    let paragraphs = if looks_like_html(&body) {
        html_fragment_paragraphs(&body)
    } else {
        normalise_body(&body)
    };
    if paragraphs.is_empty() {
        return Err("the text is empty".into());
    }
    let title = field(obj, TITLE_KEYS)
        .and_then(string_of)
        .map(|t| {
            if t.contains('<') || t.contains('&') {
                one_line(&html_fragment_paragraphs(&t).join(" "))
            } else {
                one_line(&t)
            }
        })
        .filter(|t| !t.is_empty())
        .or_else(|| title_from_body(&paragraphs))
        .unwrap_or_else(|| "untitled".into());
    let source = field(obj, SOURCE_KEYS).and_then(name_of);
    let date = DATE_KEYS.iter().find_map(|k| {
        let v = field(obj, &[k])?;
        match v {
            Value::Number(n) => n.as_i64().and_then(date_from_epoch),
            _ => string_of(v).as_deref().and_then(parse_any_date),
        }
    });
    Ok(seed(&title, source.as_deref(), date, &paragraphs))
}

fn is_article_object(obj: &Map<String, Value>) -> bool {
    field(obj, MAIN_TEXT_KEYS).and_then(body_of).is_some()
}

type Items = (Vec<(Option<usize>, Map<String, Value>)>, Vec<String>);

/// The article objects of a JSON document: the object itself, the objects of an array, or
/// those of an array under a key such as `articles` (searched a few levels deep).
fn json_items(value: Value) -> Result<Items, FormatError> {
    let mut current = value;
    for _ in 0..4 {
        match current {
            Value::Array(items) => {
                let mut objects = Vec::new();
                let mut problems = Vec::new();
                for (i, item) in items.into_iter().enumerate() {
                    match item {
                        Value::Object(o) => objects.push((Some(i), o)),
                        other => {
                            if problems.len() < MAX_PROBLEMS_LISTED {
                                problems
                                    .push(format!("item {i}: not an object ({})", kind_of(&other)));
                            }
                        }
                    }
                }
                return Ok((objects, problems));
            }
            Value::Object(mut obj) => {
                if is_article_object(&obj) {
                    return Ok((vec![(None, obj)], Vec::new()));
                }
                let key = LIST_KEYS.iter().find_map(|key| {
                    obj.keys()
                        .find(|k| {
                            k.eq_ignore_ascii_case(key)
                                && obj.get(*k).is_some_and(|v| v.is_array() || v.is_object())
                        })
                        .cloned()
                });
                match key.and_then(|k| obj.remove(&k)) {
                    Some(inner) => current = inner,
                    // No list: an article without its main text (a summary, perhaps).
                    None => return Ok((vec![(None, obj)], Vec::new())),
                }
            }
            other => {
                return Err(FormatError::NoArticle(format!(
                    "the JSON is a {}, not an object or an array of objects",
                    kind_of(&other)
                )));
            }
        }
    }
    Err(FormatError::NoArticle(
        "no array of articles found in the JSON".into(),
    ))
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A `.json` file that holds one object per line.
fn looks_like_json_lines(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first_is_object = lines
        .next()
        .is_some_and(|l| matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_))));
    first_is_object && lines.next().is_some()
}

/// The objects of a JSON Lines text, by 1-based line number; bad lines are listed.
fn json_lines_items(text: &str) -> Items {
    let mut objects = Vec::new();
    let mut problems = Vec::new();
    let mut bad = 0usize;
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let problem = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(o)) => {
                objects.push((Some(i + 1), o));
                continue;
            }
            Ok(other) => format!("line {}: not an object ({})", i + 1, kind_of(&other)),
            Err(e) => format!("line {}: invalid JSON ({e})", i + 1),
        };
        bad += 1;
        if problems.len() < MAX_PROBLEMS_LISTED {
            problems.push(problem);
        }
    }
    if bad > problems.len() {
        problems.push(format!("{} bad lines in all", bad));
    }
    (objects, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str) -> &Path {
        Path::new(name)
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(format_of(p("a/b.TXT")), Some(Format::Text));
        assert_eq!(format_of(p("x.markdown")), Some(Format::Markdown));
        assert_eq!(format_of(p("x.htm")), Some(Format::Html));
        assert_eq!(format_of(p("x.xhtml")), Some(Format::Html));
        assert_eq!(format_of(p("x.json")), Some(Format::Json));
        assert_eq!(format_of(p("x.ndjson")), Some(Format::JsonLines));
        assert_eq!(format_of(p("x.pdf")), None);
        assert_eq!(format_of(p("noext")), None);
    }

    fn one(name: &str, bytes: &[u8]) -> Converted {
        let mut v = convert(p(name), bytes).unwrap();
        assert_eq!(v.len(), 1, "{v:?}");
        v.remove(0)
    }

    #[test]
    fn text_is_kept_as_is_and_the_bom_removed() {
        let t = "Title\n\nsource: x| published: 2020-01-02\n\nBody é.\n";
        let c = one("a.txt", t.as_bytes());
        assert_eq!(c.text, t);
        assert_eq!(c.encoding, "UTF-8");
        assert_eq!(c.format, Format::Text);
        assert_eq!(c.index, None);
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(t.as_bytes());
        let c = one("a.txt", &b);
        assert_eq!(c.text, t);
        assert_eq!(c.encoding, "UTF-8 (BOM)");
        // Unknown extensions are read as text.
        assert_eq!(one("notes.log", b"Hello\n\nworld").format, Format::Text);
    }

    #[test]
    fn windows_1252_with_curly_quotes_and_accents() {
        // "Café owners in Zürich say “trade is brisk” – prices rose 5€ this année."
        let mut b = b"Caf\xe9 owners in Z\xfcrich say \x93trade is brisk\x94 \x96 ".to_vec();
        b.extend_from_slice(b"prices rose 5\x80 this ann\xe9e. Na\xefve cr\xe8me br\xfbl\xe9e, ");
        b.extend_from_slice(b"d\xe9j\xe0 vu, \x91quoted\x92 words and fa\xe7ades.\n");
        let c = one("old.txt", &b);
        assert_eq!(c.encoding, "windows-1252");
        assert!(
            c.text
                .starts_with("Café owners in Zürich say “trade is brisk” – prices rose 5€")
        );
        assert!(c.text.contains("‘quoted’ words and façades."));
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let t = "São Paulo\n\n“Olá”, disse 陈伟.\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(t.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let c = one("a.txt", &le);
        assert_eq!((c.text.as_str(), c.encoding.as_str()), (t, "UTF-16LE"));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(t.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let c = one("a.md", &be);
        assert_eq!(c.encoding, "UTF-16BE");
        assert!(c.text.starts_with("São Paulo\n"));
        // An odd trailing byte is not UTF-16.
        let mut odd = le.clone();
        odd.push(b'x');
        assert!(matches!(
            convert(p("a.txt"), &odd),
            Err(FormatError::Undecodable(_))
        ));
        // NUL characters in UTF-16 are binary.
        let nul: Vec<u8> = [0xFF, 0xFE, 0, 0, b'a', 0].to_vec();
        assert!(matches!(
            convert(p("a.txt"), &nul),
            Err(FormatError::Binary(_))
        ));
    }

    #[test]
    fn binary_is_refused() {
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        let e = convert(p("a.txt"), &png).unwrap_err();
        assert!(matches!(e, FormatError::Binary(_)));
        assert!(e.to_string().contains("NUL"), "{e}");
        let controls: Vec<u8> = (0..200u8).map(|i| i % 8 + 1).collect();
        assert!(matches!(
            convert(p("a.json"), &controls),
            Err(FormatError::Binary(_))
        ));
    }

    #[test]
    fn empty_blank_and_too_large() {
        assert!(matches!(
            convert(p("a.txt"), b""),
            Err(FormatError::NoArticle(_))
        ));
        assert!(matches!(
            convert(p("a.html"), b" \n\t "),
            Err(FormatError::NoArticle(_))
        ));
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        let e = convert(p("a.txt"), &big).unwrap_err();
        assert_eq!(e, FormatError::TooLarge(big.len() as u64));
        assert_eq!(e.to_string(), "too large (65 MiB; the limit is 64 MiB)");
    }

    #[test]
    fn markdown_headings_and_front_matter() {
        let c = one(
            "a.md",
            b"# Rates rise again #\n\nThe *bank* said so.\n\nMore.\n",
        );
        assert_eq!(c.format, Format::Markdown);
        assert_eq!(c.text, "Rates rise again\n\nThe *bank* said so.\n\nMore.\n");
        let c = one("a.md", b"Rates rise\n==========\n\nBody.\n");
        assert_eq!(c.text, "Rates rise\n\nBody.\n");
        // No heading: as is.
        let t = "Plain title\n\nsource: x| published: unknown\n\nbody\n";
        assert_eq!(one("a.markdown", t.as_bytes()).text, t);
        // `#hashtag` is not a heading.
        assert_eq!(
            one("a.md", b"#hashtag day\n\nbody").text,
            "#hashtag day\n\nbody"
        );
        let fm = "---\r\ntitle: \"Port reopens\"\r\ndate: 2021-07-28T09:00:00+08:00\r\nsource: Harbour News\r\ntags: [a, b]\r\n---\r\n\r\n# Port reopens\r\n\r\nShips returned.\r\nA second line.\r\n\r\nLast.\r\n";
        let c = one("a.md", fm.as_bytes());
        assert_eq!(
            c.text,
            "Port reopens\n\nsource: Harbour News| published: 2021-07-28\n\nShips returned.\nA second line.\n\nLast.\n"
        );
    }

    const NOISY_HTML: &str = r#"<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Dam opens after delays | The Valley Courier</title>
<meta property="og:title" content="Dam opens after   delays">
<meta property="og:site_name" content="The Valley Courier">
<meta property="article:published_time" content="2019-11-05T08:30:00-05:00">
<style>p { color: red }</style>
<script>var x = "<p>not text</p>";</script>
</head><body>
<header><a href="/">Home</a> <nav><ul><li>World</li><li>Sport</li></ul></nav></header>
<aside><p>Most read: something else</p></aside>
<article>
  <h1>Dam opens after delays</h1>
  <p>The new   dam opened on <b>Tuesday</b>,
     three years late.</p>
  <h2>Costs &amp; benefits</h2>
  <p>Engineers said it &ldquo;works&rdquo; &mdash; at last. Caf&eacute; owners&#8217; view:</p>
  <ul><li>more water</li><li>less flooding</li></ul>
  <blockquote>We waited long enough.</blockquote>
  <script>track("x")</script><noscript>Enable JS</noscript>
  <form><p>Subscribe now</p></form>
</article>
<footer><p>&copy; 2019 Courier</p></footer>
</body></html>"#;

    #[test]
    fn html_with_noise_and_meta_tags() {
        let c = one("page.html", NOISY_HTML.as_bytes());
        assert_eq!(c.format, Format::Html);
        assert_eq!(c.encoding, "UTF-8");
        assert_eq!(
            c.text,
            "Dam opens after delays\n\nsource: The Valley Courier| published: 2019-11-05\n\n\
             The new dam opened on Tuesday, three years late.\n\n\
             Costs & benefits\n\n\
             Engineers said it “works” — at last. Café owners’ view:\n\n\
             more water\n\nless flooding\n\nWe waited long enough.\n"
        );
    }

    #[test]
    fn html_fallbacks_json_ld_time_and_title() {
        let html = r#"<html><head><title>  Budget   vote </title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
 {"@type":"NewsArticle","headline":"Budget vote","datePublished":"2022-03-04T10:00:00Z",
  "publisher":{"@type":"Organization","name":"City | Wire"}}]}</script>
</head><body><main><div>Council passed the budget.<br>By nine votes.</div></main></body></html>"#;
        let c = one("b.htm", html.as_bytes());
        assert_eq!(
            c.text,
            "Budget vote\n\nsource: City / Wire| published: 2022-03-04\n\nCouncil passed the budget.\n\nBy nine votes.\n"
        );
        // No title tag: the first h1; date from <time datetime>; no source.
        let html = "<body><h1>Flood  warning</h1><p>Rain <time datetime=\"2020-02-01\">Saturday</time>.</p></body>";
        let c = one("c.html", html.as_bytes());
        assert_eq!(
            c.text,
            "Flood warning\n\nsource: unknown| published: 2020-02-01\n\nRain Saturday.\n"
        );
        // Several <article>s: the one with most text.
        let html = "<title>T</title><article><p>teaser</p></article><article><p>the long real story text</p></article>";
        assert!(
            one("d.html", html.as_bytes())
                .text
                .ends_with("\n\nthe long real story text\n")
        );
        // Only a title.
        assert_eq!(
            one("e.html", b"<title>Just this</title>").text,
            "Just this\n\nsource: unknown| published: unknown\n"
        );
        assert!(matches!(
            convert(p("f.html"), b"<html><script>x</script></html>"),
            Err(FormatError::NoArticle(_))
        ));
    }

    #[test]
    fn html_meta_charset_is_honoured() {
        // Windows-1251 (Cyrillic) declared: "Привет" is CF F0 E8 E2 E5 F2.
        let mut b = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><title>".to_vec();
        b.extend_from_slice(b"\xcf\xf0\xe8\xe2\xe5\xf2</title></head><body><p>\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0</p></body></html>");
        let c = one("r.html", &b);
        assert_eq!(c.encoding, "windows-1251");
        assert!(c.text.starts_with("Привет\n"), "{}", c.text);
        assert!(c.text.ends_with("\n\nПривет мир\n"));
        // Latin-1 declared (read as windows-1252, as browsers do).
        let b = b"<meta charset='ISO-8859-1'><title>Gr\xfc\xdfe</title><p>\x93Hi\x94</p>";
        let c = one("l.html", b);
        assert_eq!(c.encoding, "windows-1252");
        assert!(c.text.starts_with("Grüße\n"));
        assert!(c.text.ends_with("“Hi”\n"));
        // Valid UTF-8 wins over a stale declaration.
        let c = one(
            "u.html",
            "<meta charset=\"iso-8859-1\"><title>Grüße</title>".as_bytes(),
        );
        assert_eq!(c.encoding, "UTF-8");
        assert!(c.text.starts_with("Grüße\n"));
    }

    #[test]
    fn json_array_mixed_case_keys_and_nested_source() {
        let json = r#"[
 {"Title": "Wheat prices climb", "Body": "First paragraph.\nSame paragraph.\n\nSecond paragraph.",
  "Description": "short", "Source": {"id": null, "name": "Farm Daily"},
  "publishedAt": "2020-03-10T14:00:00Z"},
 {"HEADLINE": "Rail strike", "content": "Trains stopped.", "text": "Trains stopped at noon.",
  "outlet": "Metro", "pubDate": "Tue, 10 Mar 2020 14:00:00 GMT"},
 {"title": "No body here", "source": "X"},
 {"name": "Epoch", "summary": "Only a summary.", "timestamp": 1583848800},
 42
]"#;
        let r = convert_report(p("a.json"), json.as_bytes()).unwrap();
        let texts: Vec<&str> = r.articles.iter().map(|a| &*a.text).collect();
        assert_eq!(
            texts,
            [
                "Wheat prices climb\n\nsource: Farm Daily| published: 2020-03-10\n\nFirst paragraph.\nSame paragraph.\n\nSecond paragraph.\n",
                "Rail strike\n\nsource: Metro| published: 2020-03-10\n\nTrains stopped at noon.\n",
                "Epoch\n\nsource: unknown| published: 2020-03-10\n\nOnly a summary.\n",
            ]
        );
        let idx: Vec<_> = r.articles.iter().map(|a| a.index).collect();
        assert_eq!(idx, [Some(0), Some(1), Some(3)]);
        assert!(r.articles.iter().all(|a| a.format == Format::Json));
        assert_eq!(r.problems.len(), 2, "{:?}", r.problems);
        assert!(r.problems[0].starts_with("item 4: not an object"));
        assert!(r.problems[1].starts_with("item 2: no text"));
    }

    #[test]
    fn json_wrappers_single_objects_and_html_bodies() {
        let json = r#"{"status": "ok", "totalResults": 1, "Articles": [
            {"title": "A", "description": "d", "content": "Body A"}]}"#;
        let v = convert(p("n.json"), json.as_bytes()).unwrap();
        assert_eq!(
            v[0].text,
            "A\n\nsource: unknown| published: unknown\n\nBody A\n"
        );
        let json = r#"{"response": {"results": [{"webTitle": "G", "webPublicationDate": "2018-05-06T07:00:00Z", "body": "x"}]}}"#;
        let v = convert(p("g.json"), json.as_bytes()).unwrap();
        assert_eq!(
            v[0].text,
            "G\n\nsource: unknown| published: 2018-05-06\n\nx\n"
        );
        // WordPress: rendered HTML.
        let json = r#"{"title": {"rendered": "Hello &amp; welcome"}, "date": "2017-01-02T03:04:05",
            "content": {"rendered": "<p>One &eacute;.</p>\n<p>Two.</p>"}}"#;
        let c = one("w.json", json.as_bytes());
        assert_eq!(c.index, None);
        assert_eq!(
            c.text,
            "Hello & welcome\n\nsource: unknown| published: 2017-01-02\n\nOne é.\n\nTwo.\n"
        );
        // No text at all.
        assert!(matches!(
            convert(p("e.json"), br#"{"title": "x"}"#),
            Err(FormatError::NoArticle(_))
        ));
        assert!(matches!(
            convert(p("e.json"), b"[]"),
            Err(FormatError::NoArticle(_))
        ));
        assert!(matches!(
            convert(p("e.json"), b"\"str\""),
            Err(FormatError::NoArticle(_))
        ));
    }

    #[test]
    fn json_lines_with_a_bad_line() {
        let jsonl = "{\"title\": \"One\", \"text\": \"First.\"}\r\n\
                     {\"title\": \"Two\", \"text\": \"Second.\"\n\
                     \n\
                     {\"title\": \"Three\", \"text\": \"Third.\", \"date\": \"2021-01-02\"}\n";
        let r = convert_report(p("a.jsonl"), jsonl.as_bytes()).unwrap();
        assert_eq!(r.articles.len(), 2);
        assert_eq!(r.articles[0].index, Some(1));
        assert_eq!(r.articles[1].index, Some(4));
        assert_eq!(r.articles[1].format, Format::JsonLines);
        assert!(
            r.articles[1]
                .text
                .starts_with("Three\n\nsource: unknown| published: 2021-01-02\n")
        );
        assert_eq!(r.problems.len(), 1);
        assert!(
            r.problems[0].starts_with("line 2: invalid JSON"),
            "{:?}",
            r.problems
        );
        // A .json file holding JSON Lines is read as such.
        let r = convert_report(p("a.json"), jsonl.as_bytes()).unwrap();
        assert_eq!(r.articles.len(), 2);
        assert_eq!(r.articles[0].format, Format::JsonLines);
        assert_eq!(r.problems.len(), 2);
        // Nothing good: an error naming the first problem.
        let e = convert(p("b.ndjson"), b"nope\n[1]\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "no article found: line 1: invalid JSON (expected ident at line 1 column 2) (and 1 more problems)"
        );
    }

    #[test]
    fn bad_and_deep_json_is_an_error() {
        assert!(matches!(
            convert(p("a.json"), b"{\"title\": \"x\", "),
            Err(FormatError::BadJson(_))
        ));
        let deep = "[".repeat(100_000);
        assert!(matches!(
            convert(p("a.json"), deep.as_bytes()),
            Err(FormatError::BadJson(_))
        ));
        let deep_line = format!("{}\n{{\"text\": \"ok\"}}\n", "{\"a\":".repeat(50_000));
        let r = convert_report(p("a.jsonl"), deep_line.as_bytes()).unwrap();
        assert_eq!(r.articles.len(), 1);
        assert!(
            r.problems[0].contains("recursion limit"),
            "{:?}",
            r.problems
        );
    }

    #[test]
    fn dates_in_many_forms() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_any_date("2020-03-10"), d(2020, 3, 10));
        assert_eq!(parse_any_date("2020-03-10T23:30:00-05:00"), d(2020, 3, 10));
        assert_eq!(parse_any_date("2020/03/10 11:00"), d(2020, 3, 10));
        assert_eq!(parse_any_date("20200310"), d(2020, 3, 10));
        assert_eq!(
            parse_any_date("Tue, 10 Mar 2020 14:00:00 GMT"),
            d(2020, 3, 10)
        );
        assert_eq!(
            parse_any_date("Tue, 10 Mar 2020 14:00:00 EST"),
            d(2020, 3, 10)
        );
        assert_eq!(parse_any_date("March 10, 2020"), d(2020, 3, 10));
        assert_eq!(parse_any_date("10 March 2020"), d(2020, 3, 10));
        assert_eq!(parse_any_date("1583848800"), d(2020, 3, 10));
        assert_eq!(parse_any_date("1583848800000"), d(2020, 3, 10));
        assert_eq!(parse_any_date("unknown"), None);
        assert_eq!(parse_any_date("2020-13-45"), None);
        assert_eq!(parse_any_date("99999999999999999999999"), None);
        assert_eq!(parse_any_date(""), None);
    }

    #[test]
    fn odd_inputs_never_panic() {
        let quotes = "\"'“".repeat(2000);
        let nul_late = {
            let mut b = vec![b'a'; 9000];
            b.push(0);
            b
        };
        let long_line = "x".repeat(10 * 1024 * 1024);
        let inputs: Vec<Vec<u8>> = vec![
            quotes.clone().into_bytes(),
            format!("<p>{quotes}</p><p class=\"{quotes}").into_bytes(),
            b"<html><<<>>><p<p></div></article><article".to_vec(),
            "<div>".repeat(2000).into_bytes(),
            nul_late,
            vec![0xFF; 100],
            vec![0xFE, 0xFF, 0xD8, 0x00],
            vec![0xEF, 0xBB, 0xBF],
            b"---\n---".to_vec(),
            b"#".to_vec(),
            b"\n\n===\n".to_vec(),
            long_line.clone().into_bytes(),
            format!("{{\"text\": \"{long_line}").into_bytes(),
            [format!("<meta charset=\"{quotes}\">").as_bytes(), b"\xff"].concat(),
        ];
        for bytes in &inputs {
            for name in ["a.txt", "a.md", "a.html", "a.json", "a.jsonl"] {
                let _ = convert_report(p(name), bytes);
            }
        }
        // A long line of text is one article.
        assert_eq!(
            one("big.txt", long_line.as_bytes()).text.len(),
            long_line.len()
        );
    }

    #[test]
    fn deep_html_is_flattened_not_slow() {
        let deep = format!(
            "<title>Deep</title>{}<p>Still here.</p>",
            "<div><span>".repeat(20_000)
        );
        let start = std::time::Instant::now();
        let c = one("deep.html", deep.as_bytes());
        assert!(c.text.ends_with("\n\nStill here.\n"), "{}", c.text);
        assert!(start.elapsed().as_secs() < 20);
        // Ordinary pages pass through unchanged.
        assert!(matches!(
            limit_nesting(NOISY_HTML),
            std::borrow::Cow::Borrowed(_)
        ));
        let cut = limit_nesting(&"<div>x".repeat(MAX_HTML_DEPTH + 2)).into_owned();
        assert_eq!(cut.matches("<div>").count(), MAX_HTML_DEPTH);
        assert_eq!(cut.matches('x').count(), MAX_HTML_DEPTH + 2);
    }

    #[test]
    fn html_title_suffix_xml_declaration_and_url_publishers() {
        let html = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<html><head>\
            <title>Harbour fire \x96 The Coast Post</title>\
            <meta property=\"article:publisher\" content=\"https://social.example/coastpost\">\
            <meta name=\"application-name\" content=\"The Coast Post\">\
            <meta name=\"date\" content=\"not a date\"><meta name=\"dc.date\" content=\"05.06.2018\">\
            </head><body><p>Flames at the pier.</p></body></html>";
        let c = one("x.xhtml", html);
        assert_eq!(c.encoding, "windows-1252");
        assert_eq!(
            c.text,
            "Harbour fire\n\nsource: The Coast Post| published: 2018-06-05\n\nFlames at the pier.\n"
        );
    }

    #[test]
    fn small_numbers_are_not_timestamps() {
        assert_eq!(parse_any_date("2020"), None);
        assert_eq!(date_from_epoch(2020), None);
        let c = one("y.json", br#"{"text": "t", "date": 2020}"#);
        assert!(c.text.contains("published: unknown"));
    }

    #[test]
    fn bomless_utf16_and_mac_line_ends() {
        let t = "Plain title\n\nSome text, plenty of it.\n";
        let le: Vec<u8> = t.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let c = one("a.txt", &le);
        assert_eq!((c.text.as_str(), c.encoding.as_str()), (t, "UTF-16LE"));
        let be: Vec<u8> = t.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(one("a.txt", &be).encoding, "UTF-16BE");
        // Zeros at odd places alone do not make binary data text.
        let mut ints: Vec<u8> = (0..64u8).flat_map(|i| [i % 4 + 1, 0]).collect();
        ints.extend([0, 0]);
        assert!(matches!(
            convert(p("a.txt"), &ints),
            Err(FormatError::Binary(_))
        ));
        let c = one(
            "m.txt",
            b"Title\r\rsource: s| published: 2020-01-01\r\rbody\r",
        );
        assert_eq!(
            c.text,
            "Title\n\nsource: s| published: 2020-01-01\n\nbody\n"
        );
        assert_eq!(one("h.md", b"#\n\nbody\n").text, "#\n\nbody\n");
    }

    #[test]
    fn an_empty_title_never_leaves_the_header_first() {
        let c = one("t.md", b"---\ntitle: \"\"\n---\n\n");
        assert_eq!(c.text, "untitled\n\nsource: unknown| published: unknown\n");
        let c = one("t.json", br#"{"title": "   ", "text": "   \n\nBody."}"#);
        assert!(c.text.starts_with("Body.\n\nsource: unknown"));
    }
}
