//! Stage 4 of a search: hits as keyword-in-context (KWIC) lines.
//!
//! Input: the articles and the hits found in them. Output: one [`KwicLine`] per hit, in the
//! order the user sorts them, and as CSV rows. A line holds only where the hit is; its
//! [`Context`] (left context, hit, right context, from the hit's paragraph with runs of white
//! space shown as one space) is made when it is shown, so a word found a million times costs
//! a million small lines, not three million strings.

use std::cmp::Ordering;
use std::ops::Range;
use std::sync::Arc;

use super::ArticleHits;
use crate::corpus::Article;

/// Characters of context shown on each side of a hit.
pub const CONTEXT_CHARS: usize = 60;

/// One hit: where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KwicLine {
    /// Index of the article in the list searched.
    pub article: usize,
    /// Byte span of the hit in the article text.
    pub span: Range<usize>,
}

/// A hit with its context, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    pub left: String,
    pub hit: String,
    pub right: String,
}

/// How KWIC lines are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum KwicOrder {
    /// Article order, then position in the article.
    #[default]
    Position,
    /// By the word just left of the hit (alphabetical, ignoring case).
    LeftWord,
    /// By the word just right of the hit.
    RightWord,
    /// By published date (undated last), then position.
    Date,
    /// By source name, then position.
    Source,
}

impl KwicOrder {
    pub const ALL: [KwicOrder; 5] = [
        KwicOrder::Position,
        KwicOrder::LeftWord,
        KwicOrder::RightWord,
        KwicOrder::Date,
        KwicOrder::Source,
    ];

    pub fn label(self) -> &'static str {
        match self {
            KwicOrder::Position => "article order",
            KwicOrder::LeftWord => "left word",
            KwicOrder::RightWord => "right word",
            KwicOrder::Date => "date",
            KwicOrder::Source => "source",
        }
    }
}

/// The KWIC lines of every hit in `found`, in article order.
pub fn lines(found: &[ArticleHits]) -> Vec<KwicLine> {
    found
        .iter()
        .flat_map(|f| {
            f.hits.iter().map(|h| KwicLine {
                article: f.article,
                span: h.clone(),
            })
        })
        .collect()
}

/// The context of the hit at byte span `span` of `article`.
pub fn context(article: &Article, span: Range<usize>) -> Context {
    let text: &str = &article.text;
    let para = paragraph_of(article, span.clone());
    let before = &text[para.start.min(span.start)..span.start];
    let after = &text[span.end..para.end.max(span.end)];
    Context {
        left: last_chars(&one_line(before), CONTEXT_CHARS),
        hit: one_line(&text[span]),
        right: first_chars(&one_line(after), CONTEXT_CHARS),
    }
}

/// The title or body paragraph holding `span` (the whole text if none does).
fn paragraph_of(article: &Article, span: Range<usize>) -> Range<usize> {
    article
        .paragraph_around(span.start, span.end)
        .unwrap_or(0..article.text.len())
}

/// `text` with each run of white space as one space (line breaks included).
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            in_space = true;
            continue;
        }
        if in_space {
            out.push(' ');
        }
        in_space = false;
        out.push(c);
    }
    if in_space {
        out.push(' ');
    }
    out
}

fn last_chars(text: &str, n: usize) -> String {
    let skip = text.chars().count().saturating_sub(n);
    text.chars().skip(skip).collect()
}

fn first_chars(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}

/// The word next to a hit on its left or right (within its paragraph), lowercased, for
/// sorting.
fn neighbour_word(article: &Article, span: &Range<usize>, left: bool) -> String {
    let para = paragraph_of(article, span.clone());
    let text = &article.text;
    let word = if left {
        super::query::words(&text[para.start.min(span.start)..span.start]).last()
    } else {
        super::query::words(&text[span.end..para.end.max(span.end)]).next()
    };
    word.map(|(_, w)| w.to_lowercase()).unwrap_or_default()
}

/// Sorts `lines` in `order` (stable: equal keys keep article order).
pub fn sort(lines: &mut [KwicLine], articles: &[Arc<Article>], order: KwicOrder) {
    let position = |l: &KwicLine| (l.article, l.span.start);
    match order {
        KwicOrder::Position => lines.sort_by_key(position),
        KwicOrder::LeftWord | KwicOrder::RightWord => {
            let left = order == KwicOrder::LeftWord;
            lines.sort_by_cached_key(|l| {
                let word = neighbour_word(&articles[l.article], &l.span, left);
                (word, position(l))
            })
        }
        KwicOrder::Date => lines.sort_by(|a, b| {
            let (da, db) = (articles[a.article].published, articles[b.article].published);
            match (da, db) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
            .then_with(|| position(a).cmp(&position(b)))
        }),
        KwicOrder::Source => lines.sort_by_cached_key(|l| {
            (
                articles[l.article].source_label().to_lowercase(),
                position(l),
            )
        }),
    }
}

/// Character offsets (as `extract` counts them) of the byte spans `spans` of `text`, which
/// are in ascending order and do not overlap.
pub fn char_spans(text: &str, spans: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(spans.len());
    let (mut byte, mut chars) = (0usize, 0usize);
    for span in spans {
        let from = span.start.max(byte);
        chars += text[byte..from].chars().count();
        byte = from;
        out.push(chars..chars + text[span.clone()].chars().count());
    }
    out
}

/// The CSV header of exported KWIC lines.
pub const CSV_HEADER: [&str; 10] = [
    "path",
    "title",
    "source",
    "published",
    "start",
    "end",
    "left",
    "hit",
    "right",
    "item",
];

/// KWIC lines as CSV (RFC 4180, with a header row): where each hit is, in characters, and
/// its context.
pub fn to_csv(articles: &[Arc<Article>], lines: &[KwicLine]) -> String {
    let mut out = String::new();
    crate::export::table::push_record(&mut out, CSV_HEADER.map(String::from));
    for (line, chars) in lines.iter().zip(line_char_spans(articles, lines)) {
        crate::export::table::push_record(&mut out, csv_row(&articles[line.article], line, chars));
    }
    out
}

/// The character span (as `extract` counts them) of every line, in the order of `lines`,
/// whatever order the lines of one article are in.
pub fn line_char_spans(articles: &[Arc<Article>], lines: &[KwicLine]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(lines.len());
    for group in lines.chunk_by(|a, b| a.article == b.article) {
        let mut order: Vec<usize> = (0..group.len()).collect();
        order.sort_by_key(|&k| group[k].span.start);
        let spans: Vec<Range<usize>> = order.iter().map(|&k| group[k].span.clone()).collect();
        let mut in_line_order = vec![0..0; group.len()];
        for (&k, chars) in order
            .iter()
            .zip(char_spans(&articles[group[0].article].text, &spans))
        {
            in_line_order[k] = chars;
        }
        out.extend(in_line_order);
    }
    out
}

/// One CSV row of a KWIC line, with `chars` its character span.
fn csv_row(article: &Article, line: &KwicLine, chars: Range<usize>) -> [String; 10] {
    let Context { left, hit, right } = context(article, line.span.clone());
    [
        article.path.display().to_string(),
        article.title.to_string(),
        article.source_label().to_string(),
        article.published.map(|d| d.to_string()).unwrap_or_default(),
        chars.start.to_string(),
        chars.end.to_string(),
        left,
        hit,
        right,
        article.item.map(|i| i.to_string()).unwrap_or_default(),
    ]
}
