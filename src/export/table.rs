//! The plotted data of a [`ChartSpec`] as CSV or JSON: one row per bar or point, exactly
//! what is drawn, with each figure's article, sentence and span for provenance.
//!
//! Spans are **character** offsets (Unicode scalar values) into the article text, as in
//! `newslens extract`.

use serde::Serialize;

use super::chart::{ChartSpec, Layout};

/// One plotted bar or point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The small chart it is drawn in (`Money (USD)`).
    pub group: String,
    pub family: String,
    /// The value axis: a unit or `count`.
    pub axis: String,
    pub label: String,
    /// What the figure measures (`export quota`), and whose it is (`Malaysia`); empty for
    /// counts of articles and quotes.
    pub measure: String,
    pub subject: String,
    pub value: f64,
    /// Upper end of a range; empty otherwise.
    pub high: Option<f64>,
    pub value_text: String,
    /// Another article gives a different value for the same measure and subject on the same date.
    pub conflict: bool,
    /// The timeline series (source) of a point; empty elsewhere.
    pub series: String,
    pub date: String,
    pub article_path: String,
    pub article_title: String,
    pub source: String,
    pub published: String,
    pub figure_text: String,
    pub figure_start: Option<usize>,
    pub figure_end: Option<usize>,
    pub sentence: String,
    pub sentence_start: Option<usize>,
    pub sentence_end: Option<usize>,
}

/// Column names, in order.
pub const COLUMNS: &[&str] = &[
    "group",
    "family",
    "axis",
    "label",
    "measure",
    "subject",
    "value",
    "high",
    "value_text",
    "conflict",
    "series",
    "date",
    "article_path",
    "article_title",
    "source",
    "published",
    "figure_text",
    "figure_start",
    "figure_end",
    "sentence",
    "sentence_start",
    "sentence_end",
];

/// The rows of `spec`, group by group, in drawing order.
pub fn rows(spec: &ChartSpec) -> Vec<Row> {
    let date = |d: Option<chrono::NaiveDate>| {
        d.map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string())
    };
    let mut out = Vec::with_capacity(spec.bar_count());
    for g in &spec.groups {
        for b in &g.bars {
            let o = b.origin.as_ref();
            out.push(Row {
                group: g.title.clone(),
                family: g.family.as_str().to_string(),
                axis: g.axis_label.clone(),
                label: b.label.clone(),
                measure: o.map(|o| o.measure.clone()).unwrap_or_default(),
                subject: o.map(|o| o.subject.clone()).unwrap_or_default(),
                value: b.value,
                high: b.high,
                value_text: b.value_text.clone(),
                conflict: b.conflict,
                series: if g.layout == Layout::Timeline {
                    g.series.get(b.series).cloned().unwrap_or_default()
                } else {
                    String::new()
                },
                date: date(b.date),
                article_path: o.map(|o| o.path.clone()).unwrap_or_default(),
                article_title: o.map(|o| o.title.clone()).unwrap_or_default(),
                source: o.map(|o| o.source.clone()).unwrap_or_default(),
                published: date(o.and_then(|o| o.published)),
                figure_text: o.map(|o| o.figure_text.clone()).unwrap_or_default(),
                figure_start: o.map(|o| o.figure_chars.0),
                figure_end: o.map(|o| o.figure_chars.1),
                sentence: o.map(|o| o.sentence.clone()).unwrap_or_default(),
                sentence_start: o.map(|o| o.sentence_chars.0),
                sentence_end: o.map(|o| o.sentence_chars.1),
            });
        }
    }
    out
}

/// RFC 4180 CSV with a header row (CRLF line ends, fields quoted when needed).
pub fn to_csv(spec: &ChartSpec) -> String {
    let mut out = String::new();
    push_record(&mut out, COLUMNS.iter().map(|c| (*c).to_string()));
    let opt_num = |v: Option<usize>| v.map_or_else(String::new, |v| v.to_string());
    for r in rows(spec) {
        push_record(
            &mut out,
            [
                r.group,
                r.family,
                r.axis,
                r.label,
                r.measure,
                r.subject,
                number(r.value),
                r.high.map_or_else(String::new, number),
                r.value_text,
                r.conflict.to_string(),
                r.series,
                r.date,
                r.article_path,
                r.article_title,
                r.source,
                r.published,
                r.figure_text,
                opt_num(r.figure_start),
                opt_num(r.figure_end),
                r.sentence,
                opt_num(r.sentence_start),
                opt_num(r.sentence_end),
            ],
        );
    }
    out
}

/// A value as plain decimal digits (`300000000000`, `12.5`), never in exponent form.
fn number(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e21 {
        format!("{v:.0}")
    } else {
        v.to_string()
    }
}

/// Appends one RFC 4180 record (fields quoted when needed, CRLF line end).
pub fn push_record(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

/// The chart's title, caption and rows as pretty JSON.
pub fn to_json(spec: &ChartSpec) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        title: &'a str,
        caption: &'a str,
        rows: Vec<Row>,
    }
    serde_json::to_string_pretty(&Doc {
        title: &spec.title,
        caption: &spec.caption,
        rows: rows(spec),
    })
    .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::chart::chart_for_article;

    #[test]
    fn csv_round_trips_through_a_standard_reader() {
        let (articles, _) = crate::corpus::seeds::load();
        let spec = chart_for_article(&articles[0]);
        let csv_text = to_csv(&spec);
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(header, COLUMNS);
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let expected = rows(&spec);
        assert_eq!(records.len(), spec.bar_count());
        assert_eq!(records.len(), expected.len());
        let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
        for (rec, row) in records.iter().zip(&expected) {
            assert_eq!(&rec[col("label")], row.label);
            assert_eq!(rec[col("value")].parse::<f64>().unwrap(), row.value);
            assert_eq!(&rec[col("value_text")], row.value_text);
            assert_eq!(&rec[col("sentence")], row.sentence);
            assert_eq!(&rec[col("article_path")], row.article_path);
            // The span points at the figure in the article, in characters.
            let start: usize = rec[col("figure_start")].parse().unwrap();
            let end: usize = rec[col("figure_end")].parse().unwrap();
            let text: String = articles[0]
                .text
                .chars()
                .skip(start)
                .take(end - start)
                .collect();
            assert_eq!(text, rec[col("figure_text")]);
        }
        assert!(records.iter().any(|r| &r[col("value")] == "300000000000"));
    }

    #[test]
    fn quoting_survives_commas_quotes_and_newlines() {
        let mut out = String::new();
        push_record(
            &mut out,
            [
                "a,b".to_string(),
                "say \"hi\"".into(),
                "x\ny".into(),
                " lead".into(),
            ],
        );
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_bytes());
        let rec = reader.records().next().unwrap().unwrap();
        assert_eq!(
            rec.iter().collect::<Vec<_>>(),
            ["a,b", "say \"hi\"", "x\ny", " lead"]
        );
    }

    #[test]
    fn json_has_the_same_rows() {
        let (articles, _) = crate::corpus::seeds::load();
        let spec = chart_for_article(&articles[0]);
        let v: serde_json::Value = serde_json::from_str(&to_json(&spec)).unwrap();
        assert_eq!(v["title"], spec.title.as_str());
        assert_eq!(v["rows"].as_array().unwrap().len(), spec.bar_count());
        assert!(v["rows"][0]["sentence"].as_str().unwrap().len() > 10);
    }
}
