//! Property tests: the parsers and extractors never panic, and every span they return lies
//! inside the text on character boundaries, whatever the input.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure report.

use newslens::corpus::formats::convert;
use newslens::corpus::parse::parse_article;
use newslens::extract::extract;
use proptest::prelude::*;

/// Text that looks like news often enough to reach deep code paths: words, numbers with
/// separators and units, quote marks of every kind, headers, blank lines, odd characters.
fn newsish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("said".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("'".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("source: x| published: 2021-07-28\n".to_string()),
        Just("over 300 billion us dollars".to_string()),
        Just("4,500 km".to_string()),
        Just("tens of millions of".to_string()),
        Just("fifth".to_string()),
        Just("covid-19".to_string()),
        Just("he says".to_string()),
        Just(":".to_string()),
        Just("pct".to_string()),
        Just("陈伟".to_string()),
        "[a-zA-Z]{1,12}",
        "[0-9]{1,6}([.,][0-9]{1,3})?",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(token, 0..120).prop_map(|t| t.join(" "))
}

fn check_spans(text: &str, spans: impl IntoIterator<Item = (usize, usize)>) {
    for (s, e) in spans {
        assert!(
            s <= e && e <= text.len(),
            "span {s}..{e} outside {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "span {s}..{e} splits a char"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn parsing_never_panics_and_spans_are_valid(text in newsish()) {
        if let Ok(a) = parse_article(&text) {
            check_spans(&text, std::iter::once((a.title_span.start, a.title_span.end)));
            check_spans(&text, a.paragraphs.iter().map(|p| (p.start, p.end)));
            check_spans(&text, a.header_span.iter().map(|h| (h.start, h.end)));
        }
    }

    #[test]
    fn extraction_never_panics_and_spans_are_valid(text in newsish()) {
        let ex = extract(&text);
        check_spans(&text, ex.figures.iter().map(|f| (f.span().start, f.span().end)));
        for f in &ex.figures {
            prop_assert!(!f.surface(&text).is_empty());
        }
        check_spans(&text, ex.quotes.iter().map(|q| (q.span().start, q.span().end)));
        check_spans(&text, ex.quotes.iter().filter_map(|q| q.speaker_range().map(|r| (r.start, r.end))));
        for q in &ex.quotes {
            if let Some(r) = q.speaker_range() {
                prop_assert_eq!(&text[r], q.speaker_mention.as_str());
            }
        }
        // Lowercasing the text never panics either.
        let _ = extract(&text.to_lowercase());
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        for name in ["a.txt", "a.html", "a.json", "a.jsonl", "a.md"] {
            if let Ok(articles) = convert(std::path::Path::new(name), &bytes) {
                for c in articles {
                    let _ = parse_article(&c.text);
                }
            }
        }
    }
}

#[test]
fn pathological_inputs_finish() {
    let quotes = "\"".repeat(2000);
    let long_line = "word 12 ".repeat(200_000);
    for text in [quotes.as_str(), long_line.as_str(), "\0\0\0", "", "“”‘’"] {
        let ex = extract(text);
        check_spans(
            text,
            ex.figures.iter().map(|f| (f.span().start, f.span().end)),
        );
        check_spans(
            text,
            ex.quotes.iter().map(|q| (q.span().start, q.span().end)),
        );
    }
}
