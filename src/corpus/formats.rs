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
//! * **HTML**: parsed with `scraper` (html5ever). Title from `og:title`, else `<title>`, else
//!   the first `<h1>`; source from `og:site_name` / publisher / author / application-name /
//!   JSON-LD; date from the usual meta tags, JSON-LD `datePublished` or the first
//!   `<time datetime>`; body from `<article>` (the one with most text), else `<main>`, else
//!   `<body>`, one paragraph per block element, navigation and scripts skipped.
//! * **JSON** / **JSON Lines**: one article per object; field names matched case-insensitively.
//!   Objects or lines that cannot be used are skipped and listed in
//!   [`ConvertReport::problems`].

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
    #[error("too large ({} MB; the limit is {} MB)", .0 / 1_000_000, MAX_INPUT_BYTES / 1_000_000)]
    TooLarge(u64),
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
        Format::Text => Ok(one(text)),
        Format::Markdown => Ok(one(markdown_to_seed(&text))),
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
                    report
                }
                Err(e) => return Err(FormatError::BadJson(e.to_string())),
            };
            finish(items, &encoding, format)
        }
        Format::JsonLines => finish(json_lines_items(&text), &encoding, format),
    }
}

/// Builds the report from `(index, object)` items and earlier problems.
fn finish(
    (items, mut problems): (Vec<(Option<usize>, Map<String, Value>)>, Vec<String>),
    encoding: &str,
    format: Format,
) -> Result<ConvertReport, FormatError> {
    let mut articles = Vec::new();
    let mut skipped = 0;
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
            .unwrap_or_else(|| "no objects".into());
        return Err(FormatError::NoArticle(if listed > 1 {
            format!("{first} (and {} more problems)", listed - 1)
        } else {
            first
        }));
    }
    if listed >= MAX_PROBLEMS_LISTED && skipped > 0 {
        problems.push("further problems not listed".into());
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

/// Decodes bytes to text, naming the decoding used. The BOM, if any, is removed.
fn decode(bytes: &[u8], html: bool) -> Result<(String, String), FormatError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
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
    check_not_binary(bytes)?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), "UTF-8".into()));
    }
    let declared = if html { meta_charset(bytes) } else { None };
    let encoding = match declared {
        // A declared UTF-8 (or UTF-16, which HTML reads as UTF-8) that is not valid is wrong.
        Some(e) if !is_unicode(e) => e,
        _ => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(&bytes[..bytes.len().min(DETECT_LEN)], true);
            detector.guess(None, false)
        }
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok((text.into_owned(), encoding.name().into()))
}

fn is_unicode(e: &'static encoding_rs::Encoding) -> bool {
    e == encoding_rs::UTF_8 || e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE
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

fn seed(title: &str, source: Option<&str>, date: Option<NaiveDate>, paragraphs: &[String]) -> String {
    let date = date.map_or_else(|| "unknown".to_string(), |d| d.format("%Y-%m-%d").to_string());
    let mut out = format!(
        "{}\n\nsource: {}| published: {}\n",
        one_line(title),
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
    if v.bytes().all(|b| b.is_ascii_digit()) && v.len() != 8 {
        return v.parse::<i64>().ok().and_then(date_from_epoch);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(v) {
        return Some(d.date_naive());
    }
    let first = v.split(['T', ' ']).next().unwrap_or(v);
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(first, fmt) {
            return Some(d);
        }
    }
    // RFC 2822 variants chrono refuses (no weekday or a named zone it does not know).
    let cleaned: String = v.replace(',', " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    for n in [3, 4] {
        for skip in [0, 1] {
            if words.len() >= skip + n.min(3) {
                let candidate = words
                    .iter()
                    .skip(skip)
                    .take(3)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                for fmt in ["%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"] {
                    if let Ok(d) = NaiveDate::parse_from_str(&candidate, fmt) {
                        return Some(d);
                    }
                }
            }
        }
    }
    None
}

fn date_from_epoch(n: i64) -> Option<NaiveDate> {
    // Milliseconds after 1973 look like seconds after the year 5000.
    let secs = if n.abs() >= 100_000_000_000 { n / 1000 } else { n };
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
        if (1..=6).contains(&hashes) && (atx.is_empty() || atx.starts_with(' ')) {
            heading = Some(atx.trim().trim_end_matches('#').trim().to_string());
            lines.remove(i);
        } else if lines.get(i + 1).is_some_and(|next| is_setext_underline(next)) {
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
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
    "svg", "iframe", "button", "select", "textarea", "head", "title", "object", "canvas",
];

/// Elements that start and end a paragraph.
const BLOCK_ELEMENTS: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "pre", "section", "article", "main", "table", "tr", "td", "th", "figure",
    "figcaption", "br", "hr", "address", "center",
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
    "article:publisher",
    "application-name",
    "author",
    "dc.publisher",
];

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn html_to_seed(text: &str, path: &Path) -> Result<String, FormatError> {
    let doc = Html::parse_document(text);
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
    let title = meta(&["og:title", "twitter:title"])
        .map(one_line)
        .or_else(|| first_text("title"))
        .or_else(|| ld.headline.clone())
        .or_else(|| h1.clone());

    let source = meta(HTML_SOURCE_META)
        .map(str::to_string)
        .or_else(|| ld.publisher.clone());

    let date = meta(HTML_DATE_META)
        .and_then(parse_any_date)
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
            Some((key.trim().to_ascii_lowercase(), e.attr("content")?.to_string()))
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
        doc.select(&s).max_by_key(text_len)
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
    let doc = Html::parse_document(html);
    html_body_paragraphs(&doc)
}

fn looks_like_html(s: &str) -> bool {
    let head: String = s.chars().take(4096).collect::<String>().to_ascii_lowercase();
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
    let Some(body) = longest(obj, MAIN_TEXT_KEYS).or_else(|| longest(obj, SHORT_TEXT_KEYS))
    else {
        return Err("no text (looked for text, body, content, article, description, summary)".into());
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
            if looks_like_html(&t) || t.contains('<') {
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
                                problems.push(format!(
                                    "item {i}: not an object ({})",
                                    kind_of(&other)
                                ));
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
}
