//! Loading a real folder: good articles load, broken files are listed with their reason, the
//! folder is left untouched.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benches: a panic is a failure report.

use std::fs;
use std::path::Path;

use newslens::corpus::load::{IssueReason, load_paths};

const ARTICLE: &str = "\nPeru signs trade deal\n\nsource: Andina| published: 2023-05-02\n\n\
Peru and China signed a deal worth about 2 billion dollars, the minister said.\n";

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.display().to_string(), fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn folder_with_good_empty_binary_and_nested_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("good.txt"), ARTICLE).unwrap();
    fs::write(root.join("empty.txt"), "").unwrap();
    fs::write(
        root.join("blob.txt"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xFF],
    )
    .unwrap();
    fs::write(root.join("photo.png"), [0x89, b'P', b'N', b'G', 0, 0]).unwrap();
    fs::write(root.join(".hidden.txt"), ARTICLE).unwrap();
    fs::create_dir_all(root.join("nested/deeper")).unwrap();
    fs::write(
        root.join("nested/deeper/second.txt"),
        ARTICLE.replace("Peru", "Chile"),
    )
    .unwrap();
    // Windows-1252 bytes (not UTF-8): “Sao” with curly quotes and a-tilde.
    let mut latin = b"Brasil e China\n\nsource: Folha| published: 2022-01-03\n\n".to_vec();
    latin.extend_from_slice(&[0x93, b'S', 0xE3, b'o', 0x94, b' ', b'o', b'k', b'\n']);
    fs::write(root.join("nested/latin1.txt"), &latin).unwrap();
    let before = snapshot(root);

    let report = load_paths(&[root.to_path_buf()]);

    let mut titles: Vec<&str> = report.articles.iter().map(|a| &*a.title).collect();
    titles.sort_unstable();
    assert_eq!(
        titles,
        [
            "Brasil e China",
            "Chile signs trade deal",
            "Peru signs trade deal"
        ]
    );
    let latin = report
        .articles
        .iter()
        .find(|a| &*a.title == "Brasil e China")
        .unwrap();
    assert_eq!(latin.encoding, "windows-1252");
    assert!(latin.text.contains("“São”"));
    let good = report
        .articles
        .iter()
        .find(|a| a.title.starts_with("Peru"))
        .unwrap();
    assert_eq!(good.source.as_deref(), Some("Andina"));
    assert_eq!(good.published.unwrap().to_string(), "2023-05-02");
    assert_eq!(good.paragraphs().count(), 1);

    let reason_of = |name: &str| {
        report
            .issues
            .iter()
            .find(|i| i.path.file_name().unwrap() == name)
            .map(|i| i.reason.clone())
            .unwrap_or_else(|| panic!("{name} not listed in {:?}", report.issues))
    };
    assert_eq!(reason_of("empty.txt"), IssueReason::Empty);
    assert!(matches!(reason_of("blob.txt"), IssueReason::Undecodable(_)));
    assert!(reason_of("blob.txt").to_string().contains("binary"));
    assert_eq!(
        reason_of("photo.png"),
        IssueReason::UnsupportedType(".png".into())
    );
    assert_eq!(reason_of(".hidden.txt"), IssueReason::Hidden);
    assert_eq!(report.failures().count(), 2);

    // Nothing was written into the folder.
    assert_eq!(snapshot(root), before);
}

#[cfg(unix)]
#[test]
fn fifos_and_symlink_loops_never_hang() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("a.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink(root, root.join("loop")).unwrap();
    std::os::unix::fs::symlink(root.join("missing.txt"), root.join("dangling.txt")).unwrap();
    let fifo = root.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let report = load_paths(&[root.to_path_buf()]);
    assert_eq!(report.articles.len(), 1);
    assert!(
        report
            .issues
            .iter()
            .any(|i| i.reason == IssueReason::FolderLink)
    );
    assert!(
        report
            .issues
            .iter()
            .any(|i| i.path.ends_with("dangling.txt"))
    );
    if made.is_ok_and(|s| s.success()) {
        assert!(
            report
                .issues
                .iter()
                .any(|i| i.path.ends_with("pipe.txt") && i.reason == IssueReason::NotRegular)
        );
    }
}

#[test]
fn html_json_and_json_lines_load_alongside_text() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(
        root.join("page.html"),
        r#"<html><head><title>Lima port opens</title>
        <meta property="og:site_name" content="Andina">
        <meta property="article:published_time" content="2023-04-05T10:00:00Z"></head>
        <body><nav>Home | World</nav><article><p>The new port cost 3.6 billion dollars.</p>
        <p>"It will change the region," the minister said.</p></article>
        <script>var x = "not text";</script></body></html>"#,
    )
    .unwrap();
    fs::write(
        root.join("export.json"),
        r#"[{"Title": "Copper output rises", "Body": "Output rose 5 pct in March.", "source": {"name": "Reuters"}, "publishedAt": "1987-04-01"},
            {"headline": "Soy exports", "content": "Exports reached 2 mln tonnes.", "date": "1987-04-02"}]"#,
    )
    .unwrap();
    fs::write(
        root.join("feed.jsonl"),
        "{\"title\": \"One\", \"text\": \"First body.\"}\nnot json at all\n{\"title\": \"Two\", \"text\": \"Second body.\"}\n",
    )
    .unwrap();

    let report = load_paths(&[root.to_path_buf()]);
    let mut titles: Vec<&str> = report.articles.iter().map(|a| &*a.title).collect();
    titles.sort_unstable();
    assert_eq!(
        titles,
        [
            "Copper output rises",
            "Lima port opens",
            "One",
            "Soy exports",
            "Two"
        ]
    );

    let page = report
        .articles
        .iter()
        .find(|a| &*a.title == "Lima port opens")
        .unwrap();
    assert_eq!(page.source.as_deref(), Some("Andina"));
    assert_eq!(page.published.unwrap().to_string(), "2023-04-05");
    assert!(!page.text.contains("Home | World") && !page.text.contains("not text"));
    assert_eq!(page.extraction.figures[0].value, 3.6e9);
    assert_eq!(page.extraction.quotes.len(), 1);

    let copper = report
        .articles
        .iter()
        .find(|a| &*a.title == "Copper output rises")
        .unwrap();
    assert_eq!(copper.source.as_deref(), Some("Reuters"));
    assert_eq!(copper.item, Some(0));
    // The bad JSON line is listed, the good ones load.
    assert!(
        report
            .issues
            .iter()
            .any(|i| i.path.ends_with("feed.jsonl") && i.reason.kind() == "part of a file skipped"),
        "{:?}",
        report.issues
    );
}
