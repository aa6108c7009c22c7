//! Lexicon files: the word lists under `assets/lexicon/` that both engines embed and load.
//!
//! One format for all of them: UTF-8 text, one entry per line, `#` starts a comment line,
//! blank lines are ignored. Word lists (`quotes/*.txt`) hold a word, optionally followed by
//! its class (`said say`); tables (`figures/*.tsv`) hold tab-separated fields.

/// The entry lines of a lexicon file, without comments and blank lines, `\r` removed.
fn entry_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
}

/// The entries of a word list, trimmed.
pub(crate) fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    entry_lines(src).map(str::trim)
}

/// The rows of a table: each entry line split at tabs, every field trimmed (empty fields kept).
pub(crate) fn tsv_rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    entry_lines(src).map(|line| line.split('\t').map(str::trim).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let src = "# a comment\n\nsaid say\r\n  # indented comment\n  says say  \n";
        assert_eq!(
            data_lines(src).collect::<Vec<_>>(),
            ["said say", "says say"]
        );
    }

    #[test]
    fn table_rows_keep_empty_fields() {
        let src = "# unit\tfamily\nkm\tlength\t\nmi\t\tlength\n";
        let rows: Vec<Vec<&str>> = tsv_rows(src).collect();
        assert_eq!(rows, [vec!["km", "length", ""], vec!["mi", "", "length"]]);
    }
}
