//! The command line, run as a user would: the real binary, real stdin and stdout.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benches: a panic is a failure report.

use std::io::Write as _;
use std::process::{Command, Stdio};

fn newslens(args: &[&str], stdin: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .env("RUST_LOG", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

const SEED: &str = include_str!("../seeds/000_bb29dedac36967df.txt");

#[test]
fn extract_stdin_prints_one_object_with_char_offsets() {
    let out = newslens(&["extract", "-"], SEED.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(
        v["title"]
            .as_str()
            .unwrap()
            .starts_with("china-latin america")
    );
    assert_eq!(v["source"], "cgtn");
    assert_eq!(v["published"], "2021-07-28");
    let chars: Vec<char> = SEED.chars().collect();
    let figures = v["figures"].as_array().unwrap();
    assert!(!figures.is_empty());
    for f in figures {
        for key in [
            "value",
            "unit",
            "family",
            "qualifier",
            "measure",
            "surface",
            "start",
            "end",
        ] {
            assert!(f.get(key).is_some(), "figure without {key}: {f}");
        }
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        let text: String = chars[s..e].iter().collect();
        assert_eq!(text, f["surface"].as_str().unwrap());
    }
    let quotes = v["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    for q in quotes {
        for key in ["speaker", "role", "cue", "kind", "quote", "start", "end"] {
            assert!(q.get(key).is_some(), "quote without {key}: {q}");
        }
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        let text: String = chars[s..e].iter().collect();
        assert_eq!(text, q["quote"].as_str().unwrap());
    }
}

#[test]
fn extract_stdin_without_header_counts_characters_not_bytes() {
    let text = "São Paulo exports\nExports rose to 4.5 billion dollars, officials said.\n";
    let out = newslens(&["extract", "-"], text.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "São Paulo exports");
    assert_eq!(v["source"], serde_json::Value::Null);
    let f = &v["figures"][0];
    assert_eq!(f["value"], 4.5e9);
    assert_eq!(f["unit"], "USD");
    let start = f["start"].as_u64().unwrap() as usize;
    let expected = text.chars().collect::<Vec<_>>();
    assert_eq!(expected[start], '4');
}

#[test]
fn extract_all_numbers_adds_bare_numbers_that_are_not_chartable() {
    let text = "Votes\nOf the 42 ballots, the eleventh cost 5 dollars.\n";
    let figures = |args: &[&str]| -> Vec<serde_json::Value> {
        let out = newslens(args, text.as_bytes());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["figures"].as_array().unwrap().clone()
    };
    let plain = figures(&["extract", "-"]);
    let all = figures(&["extract", "-", "--all-numbers"]);
    let summary = |f: &serde_json::Value| {
        (
            f["surface"].clone(),
            f["family"].clone(),
            f["chartable"].clone(),
        )
    };
    assert_eq!(
        plain.iter().map(summary).collect::<Vec<_>>(),
        [
            ("42 ballots".into(), "count".into(), true.into()),
            ("5 dollars".into(), "currency".into(), true.into())
        ]
    );
    assert_eq!(
        all.iter().map(summary).collect::<Vec<_>>(),
        [
            ("42 ballots".into(), "count".into(), true.into()),
            ("eleventh".into(), "ordinal".into(), false.into()),
            ("5 dollars".into(), "currency".into(), true.into())
        ]
    );
}

#[test]
fn extract_empty_stdin_fails_with_a_message() {
    let out = newslens(&["extract", "-"], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
}

#[test]
fn extract_seeds_as_json_lines() {
    let out = newslens(&["extract"], b"");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let first: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert!(first["path"].as_str().unwrap().starts_with("seeds"));
}

#[test]
fn help_and_version() {
    let out = newslens(&["--help"], b"");
    let help = String::from_utf8(out.stdout).unwrap();
    for word in ["extract", "chart", "PATHS"] {
        assert!(help.contains(word), "{help}");
    }
    let out = newslens(&["--version"], b"");
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains(env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn stats_and_speakers_report_the_seed() {
    let out = newslens(&["stats", "--json"], b"");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["stories"]["articles"], 1);
    assert_eq!(v["stories"]["figures"], 7);
    assert_eq!(v["stories"]["quotes"], 6);

    let out = newslens(&["speakers", "--csv"], b"");
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("name,aliases,roles,quotes,articles,sources"));
    assert!(
        csv.contains("luis schmidt,,chile's ambassador to china,2,1,cgtn"),
        "{csv}"
    );
}

#[test]
fn stats_on_a_folder_with_nothing_readable_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = newslens(&["stats", dir.path().to_str().unwrap()], b"");
    assert!(!out.status.success());
}

/// A folder of three articles of our own: two copies of one story (different sources) and one
/// with accented text before the hit.
fn search_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let story = "Tin export quota cut\nsource: {SRC}| published: 1987-03-02\n\n\
                 malaysia has been allocated an export quota of 28,526 tonnes.\n\n\
                 \"we will respect the quota,\" the minister said.\n";
    std::fs::write(dir.path().join("a.txt"), story.replace("{SRC}", "Reuters")).unwrap();
    std::fs::write(dir.path().join("b.txt"), story.replace("{SRC}", "Xinhua")).unwrap();
    std::fs::write(
        dir.path().join("c.txt"),
        "Café\nsource: Xinhua| published: 1987-09-01\n\nle café brésilien: export quota talks.\n",
    )
    .unwrap();
    dir
}

fn search_json(args: &[&str]) -> Vec<serde_json::Value> {
    let out = newslens(args, b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn search_prints_kwic_json_lines_with_character_offsets() {
    let dir = search_folder();
    let folder = dir.path().to_str().unwrap();
    let hits = search_json(&["search", "\"export quota\"", folder, "--json"]);
    let paths: std::collections::BTreeSet<&str> =
        hits.iter().map(|h| h["path"].as_str().unwrap()).collect();
    assert_eq!(hits.len(), 5, "title and body of each copy, and c.txt");
    assert_eq!(
        paths.len(),
        3,
        "copies are reported unless hidden: {paths:?}"
    );
    let accented = hits
        .iter()
        .find(|h| h["path"].as_str().unwrap().ends_with("c.txt"))
        .unwrap();
    assert_eq!(accented["hit"], "export quota");
    assert_eq!(accented["title"], "Café");
    assert_eq!(accented["source"], "Xinhua");
    assert_eq!(accented["published"], "1987-09-01");
    let text = std::fs::read_to_string(dir.path().join("c.txt")).unwrap();
    let start = accented["start"].as_u64().unwrap() as usize;
    let end = accented["end"].as_u64().unwrap() as usize;
    let chars: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(chars, "export quota", "offsets count characters");
    assert_eq!(accented["left"], "le café brésilien: ");
    assert_eq!(accented["right"], " talks.");
}

#[test]
fn search_filters_scopes_and_duplicates() {
    let dir = search_folder();
    let folder = dir.path().to_str().unwrap();
    let reuters = search_json(&["search", "quota", folder, "--json", "--source", "reuters"]);
    assert_eq!(reuters.len(), 3, "title, body and quote of a.txt");
    assert!(reuters.iter().all(|h| h["source"] == "Reuters"));
    let hidden = search_json(&["search", "quota", folder, "--json", "--hide-duplicates"]);
    let files: std::collections::BTreeSet<&str> = hidden
        .iter()
        .map(|h| h["path"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(files.len(), 2, "one copy of the story and c.txt: {files:?}");
    let quoted = search_json(&["search", "quota", folder, "--json", "--scope", "quotes"]);
    assert_eq!(quoted.len(), 2, "the quote in each copy");
    let dated = search_json(&["search", "quota", folder, "--json", "--from", "1987-06-01"]);
    assert_eq!(dated.len(), 1);
    let regex = search_json(&[
        "search",
        "quota|tonnes",
        folder,
        "--json",
        "--regex",
        "--to",
        "1987-03-02",
    ]);
    assert_eq!(regex.len(), 8);
}

#[test]
fn search_csv_has_a_header_row() {
    let dir = search_folder();
    let out = newslens(
        &["search", "talks", dir.path().to_str().unwrap(), "--csv"],
        b"",
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut rows = csv.lines();
    assert_eq!(
        rows.next(),
        Some("path,title,source,published,start,end,left,hit,right,item")
    );
    assert!(rows.next().unwrap().contains(",talks,"));
    assert_eq!(rows.next(), None);
}

#[test]
fn search_without_hits_is_silent_and_bad_queries_exit_2() {
    let dir = search_folder();
    let folder = dir.path().to_str().unwrap();
    let none = newslens(&["search", "zinc", folder], b"");
    assert!(none.status.success());
    assert!(none.stdout.is_empty());
    for bad in ["/(/", "\"open phrase", "-quota", "tin OR"] {
        let out = newslens(&["search", bad, folder], b"");
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("error: "), "{bad}: {err}");
    }
    let out = newslens(&["search", "(", folder, "--regex"], b"");
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid regex /(/: unclosed group"));
}

#[test]
fn search_keeps_articles_quoting_a_speaker_or_with_a_measure() {
    let dir = search_folder();
    let folder = dir.path().to_str().unwrap();
    let quoted = search_json(&[
        "search",
        "quota",
        folder,
        "--json",
        "--speaker",
        "the minister",
    ]);
    let none = search_json(&[
        "search",
        "quota",
        folder,
        "--json",
        "--speaker",
        "nobody at all",
    ]);
    assert!(none.is_empty());
    let with_quota = search_json(&[
        "search",
        "quota",
        folder,
        "--json",
        "--measure",
        "export quota",
    ]);
    assert!(!with_quota.is_empty());
    assert!(
        with_quota
            .iter()
            .all(|h| !h["path"].as_str().unwrap().ends_with("c.txt"))
    );
    // the two copies quote "the minister" (title, body and quote of each hold "quota")
    assert_eq!(quoted.len(), 6);
    assert!(
        quoted
            .iter()
            .all(|h| !h["path"].as_str().unwrap().ends_with("c.txt"))
    );
}

#[test]
fn search_keeps_articles_with_a_figure_of_a_family_and_size() {
    let dir = search_folder();
    let folder = dir.path().to_str().unwrap();
    let search = |extra: &[&str]| {
        let mut args = vec!["search", "quota", folder, "--json"];
        args.extend_from_slice(extra);
        search_json(&args).len()
    };
    // 28,526 tonnes in a.txt and b.txt (3 hits each); c.txt has no figure
    assert_eq!(search(&["--family", "mass"]), 6);
    assert_eq!(search(&["--family", "currency"]), 0);
    assert_eq!(search(&["--family", "mass", "--min-value", "28,000"]), 6);
    assert_eq!(
        search(&["--family", "mass", "--max-value", "2 thousand"]),
        0
    );
    let bad = newslens(&["search", "quota", folder, "--min-value", "lots"], b"");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("an amount like"));
    let unknown = newslens(&["search", "quota", folder, "--family", "weight"], b"");
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown family"));
}
