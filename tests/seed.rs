//! The seed article gives the 7 figures and 6 quotes a reader finds in it (annotated by hand
//! from the text in `seeds/`), with the right speakers.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benches: a panic is a failure report.

use newslens::corpus::seeds;
use newslens::extract::{Bound, Family, QuoteKind};

fn seed() -> newslens::corpus::Article {
    let (mut articles, failed) = seeds::load();
    assert!(failed.is_empty(), "{failed:?}");
    articles.remove(0)
}

#[test]
fn seed_figures() {
    let a = seed();
    let f = &a.extraction.figures;
    let got: Vec<(&str, f64, &str, Family)> = f
        .iter()
        .map(|f| (f.surface(&a.text), f.value, f.unit.as_str(), f.family))
        .collect();
    assert_eq!(f.len(), 7, "{got:#?}");
    let find = |needle: &str| {
        f.iter()
            .find(|x| x.surface(&a.text).contains(needle))
            .unwrap_or_else(|| panic!("no figure for {needle:?} in {got:#?}"))
    };

    let ambassadors = find("thirteen");
    assert_eq!(
        (ambassadors.value, ambassadors.family),
        (13.0, Family::Count)
    );
    assert_eq!(ambassadors.measure, "ambassadors");

    let countries = find("19");
    assert_eq!((countries.value, countries.family), (19.0, Family::Count));
    assert_eq!(countries.measure, "countries");

    let trade = find("300");
    assert_eq!(trade.value, 3e11);
    assert_eq!(
        (trade.unit.as_str(), trade.family),
        ("USD", Family::Currency)
    );
    assert_eq!(
        (trade.qualifier.as_str(), trade.bound),
        ("over", Bound::Lower)
    );
    assert_eq!(trade.measure, "trade and investment");
    assert_eq!(trade.label, "trade value");

    let years = find("three years");
    assert_eq!(
        (years.value, years.unit.as_str(), years.family),
        (3.0, "years", Family::Time)
    );

    let consulate = find("fifth");
    assert_eq!((consulate.value, consulate.family), (5.0, Family::Ordinal));
    assert_eq!(consulate.measure, "consulates");
    assert_eq!(consulate.label, "consulate count");

    let coast = find("4,500");
    assert_eq!(
        (coast.value, coast.unit.as_str(), coast.family),
        (4500.0, "km", Family::Length)
    );
    assert_eq!(
        (coast.qualifier.as_str(), coast.bound),
        ("more than", Bound::Lower)
    );
    assert_eq!(coast.measure, "coast");
    assert_eq!(coast.label, "coast length");

    let doses = find("tens of millions");
    assert_eq!((doses.low(), doses.high()), (Some(1e7), Some(1e8)));
    assert!(doses.approximate);
    assert_eq!(doses.measure, "doses");

    // Spans point at the surface text; nothing comes from the header date, `covid-19`,
    // `one` or `current`.
    for x in f {
        let surface = x.surface(&a.text);
        assert!(!surface.is_empty(), "{x:?}");
        for bad in ["2021", "covid", "one is", "current"] {
            assert!(!surface.contains(bad), "false figure {surface:?}");
        }
    }
}

#[test]
fn seed_quotes() {
    let a = seed();
    let q = &a.extraction.quotes;
    let summary: Vec<(&str, QuoteKind, &str)> = q
        .iter()
        .map(|q| {
            let text = q.text(&a.text);
            (q.speaker.as_str(), q.kind, &text[..text.len().min(40)])
        })
        .collect();
    assert_eq!(q.len(), 6, "{summary:#?}");
    let by = |speaker: &str, start: &str| {
        q.iter()
            .find(|x| x.speaker == speaker && x.text(&a.text).starts_with(start))
            .unwrap_or_else(|| panic!("no quote by {speaker} starting {start:?} in {summary:#?}"))
    };

    let organisers = by("organizers of the forum", "19 latin american countries");
    assert_eq!(organisers.kind, QuoteKind::Reported);

    let lin = by("lin songtian", "china and latin america");
    assert_eq!(lin.kind, QuoteKind::Direct);
    assert!(lin.role.starts_with("president"), "{}", lin.role);
    assert!(
        lin.role.contains("chinese people's association"),
        "{}",
        lin.role
    );
    let lin_text = lin.text(&a.text);
    assert!(lin_text.ends_with("industrial internet."), "{lin_text}");

    let lugris = by("fernando lugris", "more countries in the region");
    assert_eq!(lugris.kind, QuoteKind::Reported);
    assert_eq!(lugris.speaker_mention, "he");

    let told = by("luis schmidt", "he is looking forward");
    assert_eq!(told.kind, QuoteKind::Reported);
    assert_eq!(told.speaker_mention, "the chilean ambassador");
    assert_eq!(told.cue, "told us");

    let schmidt = by("luis schmidt", "topics we're working");
    assert_eq!(schmidt.kind, QuoteKind::Direct);
    assert_eq!(schmidt.role, "chile's ambassador to china");

    let xie = by("xie hongzhou", "but ties between china");
    assert_eq!(xie.kind, QuoteKind::Direct);
    // The reporter's sign-off is not part of what was said.
    let xie_text = xie.text(&a.text);
    assert!(xie_text.ends_with("economic recovery."), "{xie_text}");

    for x in q {
        assert!(!x.text(&a.text).is_empty(), "{x:?}");
    }
}
