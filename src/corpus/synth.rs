//! Synthetic folders for scale tests and benchmarks: N articles in the seed format, built by
//! recombining real paragraphs (so extraction sees real sentences), deterministic for a seed.

use std::io::Write as _;
use std::path::Path;

/// A small deterministic generator (xorshift64*), so runs are repeatable without a crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Writes `count` articles into `dest` (created if needed), 1,000 per sub-folder, each with
/// 2 to 6 paragraphs drawn from `paragraphs`. Returns the bytes written.
pub fn write_synthetic_folder(
    dest: &Path,
    count: usize,
    paragraphs: &[String],
    seed: u64,
) -> std::io::Result<u64> {
    if paragraphs.is_empty() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "no paragraphs to recombine",
        ));
    }
    let sources = ["Reuters", "BBC News", "cgtn", "Xinhua", "AP", "El País"];
    let mut rng = Rng(seed | 1);
    let mut bytes = 0u64;
    for i in 0..count {
        let dir = dest.join(format!("part-{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&dir)?;
        }
        let first = &paragraphs[rng.below(paragraphs.len())];
        let title: String = first
            .split_whitespace()
            .take(9)
            .collect::<Vec<_>>()
            .join(" ");
        let mut text = format!(
            "\n{title}\n\nsource: {}| published: {}-{:02}-{:02}\n\n",
            sources[rng.below(sources.len())],
            1987 + rng.below(35),
            1 + rng.below(12),
            1 + rng.below(28)
        );
        text.push_str(first);
        for _ in 0..1 + rng.below(5) {
            text.push_str("\n\n");
            text.push_str(&paragraphs[rng.below(paragraphs.len())]);
        }
        text.push('\n');
        let mut file = std::fs::File::create(dir.join(format!("{i:06}.txt")))?;
        file.write_all(text.as_bytes())?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

/// The paragraphs of the articles under `root` (for recombination).
pub fn paragraphs_of<A: std::borrow::Borrow<super::Article>>(articles: &[A]) -> Vec<String> {
    articles
        .iter()
        .map(A::borrow)
        .flat_map(|a| a.paragraphs().map(|p| a.text[p].to_string()))
        .filter(|p| p.len() > 40)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_loadable_deterministic_articles() {
        let (seeds, _) = crate::corpus::seeds::load();
        let paragraphs = paragraphs_of(&seeds);
        let dir = tempfile::tempdir().unwrap();
        let bytes = write_synthetic_folder(dir.path(), 1200, &paragraphs, 7).unwrap();
        let report = crate::corpus::load::load_paths(&[dir.path().to_path_buf()]);
        assert_eq!(report.articles.len(), 1200);
        assert_eq!(report.bytes, bytes);
        assert!(report.issues.is_empty());
        let again = tempfile::tempdir().unwrap();
        write_synthetic_folder(again.path(), 3, &paragraphs, 7).unwrap();
        let a = std::fs::read(dir.path().join("part-000/000002.txt")).unwrap();
        let b = std::fs::read(again.path().join("part-000/000002.txt")).unwrap();
        assert_eq!(a, b);
    }
}
