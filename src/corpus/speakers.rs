//! The speaker index: everyone quoted across the corpus, with roles, counts and sources.
//!
//! Only speakers the extraction resolved to a name are indexed: a bare pronoun, a group or a
//! generic `the company` stays with its quote, out of the index. Names are merged when they are
//! the same speaker written differently, case ignored:
//! - people by surname when their first names agree (`Shuichi Fujioka`, `S. Fujioka`); a bare
//!   surname is merged only inside its article, which the extraction already did;
//! - organisations by their normalised full name (`The U.S. Treasury`, `the U.S. Treasury`)
//!   or a known acronym (`USDA` for `U.S. Department of Agriculture`), never by a head noun or a
//!   legal suffix (`Inc`, `Ministry`, `Bank`).
//!
//! Users merge the rest by hand ([`ManualMerge`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::DupStatus;
use super::collection::ArticleSet;
use crate::extract::SpeakerKind;

/// A merge made by hand in the UI: `alias` is the same person as `into` (both as shown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManualMerge {
    pub alias: String,
    pub into: String,
}

/// Where one quote of a speaker is: article index and quote index within the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuoteRef {
    pub article: usize,
    pub quote: usize,
}

/// One person (or organisation) quoted in the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// The fullest form of the name.
    pub name: String,
    /// Other forms merged into this speaker.
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub quotes: usize,
    pub articles: usize,
    /// Sources that quote this speaker.
    pub sources: Vec<String>,
    #[serde(skip)]
    pub refs: Vec<QuoteRef>,
}

/// Every speaker, most quoted first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpeakerIndex {
    pub speakers: Vec<Speaker>,
}

/// Lower-cased words of a name, without titles and punctuation.
fn name_tokens(name: &str) -> Vec<String> {
    const TITLES: &[&str] = &["mr", "mrs", "ms", "dr", "prof", "sir", "dame", "sen", "rep"];
    name.split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| {
            t.trim_matches(|c: char| c == '.' || c == '\'')
                .to_lowercase()
        })
        .filter(|t| !t.is_empty() && !TITLES.contains(&t.as_str()))
        .collect()
}

/// `j` is compatible with `john`; `john` with `john`; not `john` with `jane`.
fn first_names_compatible(a: &str, b: &str) -> bool {
    a == b
        || (a.chars().count() == 1 && b.starts_with(a))
        || (b.chars().count() == 1 && a.starts_with(b))
}

/// Whether two multi-word names are the same person (same surname, compatible given names).
fn same_person(a: &[String], b: &[String]) -> bool {
    match (a.split_last(), b.split_last()) {
        (Some((sa, ga)), Some((sb, gb))) if sa == sb && !ga.is_empty() && !gb.is_empty() => {
            first_names_compatible(&ga[0], &gb[0])
        }
        _ => false,
    }
}

/// A speaker string that is a name: at least three letters, not a clause of a dozen words.
fn is_name(speaker: &str) -> bool {
    let speaker = speaker.trim();
    speaker.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && speaker.split_whitespace().count() <= 8
}

/// An organisation's name for merging: lower case, without a leading `the`, punctuation and
/// spacing normalised (`The U.S. Treasury` = `the US treasury`).
fn organisation_key(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '&')
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let start = usize::from(words.first().is_some_and(|w| w == "the"));
    words[start.min(words.len())..].join(" ")
}

/// The initials of an organisation's name (`U.S. Department of Agriculture` → `usda`):
/// every letter of dotted abbreviations, the first letter of other words but `of`, `the`,
/// `and`, `for`, `&`.
fn initials(name: &str) -> String {
    let mut out = String::new();
    for word in name.split_whitespace() {
        let lower = word.to_lowercase();
        if matches!(lower.as_str(), "of" | "the" | "and" | "for" | "&" | "de") {
            continue;
        }
        if word.contains('.') {
            out.extend(
                word.chars()
                    .filter(|c| c.is_alphabetic())
                    .flat_map(char::to_lowercase),
            );
        } else if let Some(c) = word.chars().find(|c| c.is_alphanumeric()) {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Pairs of names (indices) that are the same speaker: people with the same surname and
/// agreeing first names, organisations with the same normalised name, and an acronym with the
/// one organisation whose initials it is.
fn merge_pairs(
    names: &[String],
    kinds: &[SpeakerKind],
    tokens: &[Vec<String>],
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_org_key: HashMap<String, usize> = HashMap::new();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        match kinds[i] {
            SpeakerKind::Person if tokens[i].len() >= 2 => {
                if let Some(last) = tokens[i].last() {
                    by_surname.entry(last.as_str()).or_default().push(i);
                }
            }
            SpeakerKind::Organisation => {
                let key = organisation_key(name);
                match by_org_key.get(&key) {
                    Some(&first) => pairs.push((first, i)),
                    None => {
                        by_org_key.insert(key, i);
                    }
                }
                if name.split_whitespace().count() >= 2 {
                    by_initials.entry(initials(name)).or_default().push(i);
                }
            }
            _ => {}
        }
    }
    for group in by_surname.values() {
        for (x, &i) in group.iter().enumerate() {
            for &j in &group[x + 1..] {
                if same_person(&tokens[i], &tokens[j]) {
                    pairs.push((i, j));
                }
            }
        }
    }
    for (i, name) in names.iter().enumerate() {
        let acronym = name.len() >= 2 && !name.contains(' ');
        if kinds[i] != SpeakerKind::Organisation || !acronym {
            continue;
        }
        let key: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
        if let Some([only]) = by_initials.get(&key).map(Vec::as_slice) {
            pairs.push((*only, i));
        }
    }
    pairs
}

/// Builds the index. Quotes of duplicate stories count once unless `count_copies`.
/// Distinct written names (lower-cased) of resolved speakers, with their kind and quotes.
/// Quotes of duplicate stories count once unless `count_copies`.
fn quotes_by_name(
    corpus: &impl ArticleSet,
    count_copies: bool,
) -> BTreeMap<String, (SpeakerKind, Vec<QuoteRef>)> {
    let mut by_name: BTreeMap<String, (SpeakerKind, Vec<QuoteRef>)> = BTreeMap::new();
    for ai in 0..corpus.article_count() {
        let article = corpus.article(ai);
        if !count_copies && corpus.status(ai) != DupStatus::Original {
            continue;
        }
        for (qi, q) in article.extraction.quotes.iter().enumerate() {
            if q.speaker_resolved && is_name(&q.speaker) {
                let entry = by_name
                    .entry(q.speaker.trim().to_lowercase())
                    .or_insert((q.speaker_kind, Vec::new()));
                entry.1.push(QuoteRef {
                    article: ai,
                    quote: qi,
                });
            }
        }
    }
    by_name
}

pub fn build(corpus: &impl ArticleSet, merges: &[ManualMerge], count_copies: bool) -> SpeakerIndex {
    let by_name = quotes_by_name(corpus, count_copies);
    // 2. Union-find over names: automatic merges, then manual ones.
    let names: Vec<String> = by_name.keys().cloned().collect();
    let kinds: Vec<SpeakerKind> = by_name.values().map(|v| v.0).collect();
    let position: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let mut parent: Vec<usize> = (0..names.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let tokens: Vec<Vec<String>> = names.iter().map(|n| name_tokens(n)).collect();
    for (i, j) in merge_pairs(&names, &kinds, &tokens) {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        parent[rj] = ri;
    }
    for m in merges {
        let (Some(&a), Some(&b)) = (
            position.get(m.alias.to_lowercase().as_str()),
            position.get(m.into.to_lowercase().as_str()),
        ) else {
            continue;
        };
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        parent[ra] = rb;
    }
    // 3. One speaker per group.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..names.len() {
        groups.entry(find(&mut parent, i)).or_default().push(i);
    }
    let mut speakers: Vec<Speaker> = groups
        .into_values()
        .map(|members| speaker_of(corpus, &members, &names, &tokens, &by_name))
        .collect();
    speakers.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
    SpeakerIndex { speakers }
}

/// One speaker from the names merged into it (`members`, indices into `names`): the fullest
/// written form as its name, the others as aliases, and its roles, sources and counts.
fn speaker_of(
    corpus: &impl ArticleSet,
    members: &[usize],
    names: &[String],
    tokens: &[Vec<String>],
    by_name: &BTreeMap<String, (SpeakerKind, Vec<QuoteRef>)>,
) -> Speaker {
    let refs: Vec<QuoteRef> = members
        .iter()
        .flat_map(|&i| by_name[&names[i]].1.iter().copied())
        .collect();
    // The display name: the written form of the most tokens, then the most quoted.
    let best = members
        .iter()
        .copied()
        .max_by_key(|&i| (tokens[i].len(), by_name[&names[i]].1.len()))
        .unwrap_or(members[0]);
    let display = |i: usize| {
        let r = by_name[&names[i]].1[0];
        corpus.article(r.article).extraction.quotes[r.quote]
            .speaker
            .trim()
            .to_string()
    };
    let mut roles = BTreeSet::new();
    let mut sources = BTreeSet::new();
    let mut articles = BTreeSet::new();
    for r in &refs {
        let a = corpus.article(r.article);
        let role = a.extraction.quotes[r.quote].role.trim();
        if !role.is_empty() {
            roles.insert(role.to_string());
        }
        sources.insert(a.source_label().to_string());
        articles.insert(r.article);
    }
    Speaker {
        name: display(best),
        aliases: members
            .iter()
            .filter(|&&i| i != best)
            .map(|&i| display(i))
            .collect(),
        roles: roles.into_iter().collect(),
        quotes: refs.len(),
        articles: articles.len(),
        sources: sources.into_iter().collect(),
        refs,
    }
}

impl SpeakerIndex {
    /// The speaker whose name or alias is `name` (case-insensitive).
    pub fn find(&self, name: &str) -> Option<&Speaker> {
        let name = name.trim();
        self.speakers.iter().find(|s| {
            s.name.eq_ignore_ascii_case(name)
                || s.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        })
    }

    /// The index as CSV: name, aliases, roles, quotes, articles, sources (lists `; `-joined).
    pub fn to_csv(&self) -> String {
        let field = |s: &str| {
            if s.contains([',', '"', '\n']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_string()
            }
        };
        let mut out = String::from("name,aliases,roles,quotes,articles,sources\n");
        for s in &self.speakers {
            out.push_str(&format!(
                "{},{},{},{},{},{}\n",
                field(&s.name),
                field(&s.aliases.join("; ")),
                field(&s.roles.join("; ")),
                s.quotes,
                s.articles,
                field(&s.sources.join("; "))
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, Corpus, Origin};

    fn corpus(texts: &[&str]) -> Corpus {
        let mut c = Corpus::default();
        let r = c.add_root("/t".into());
        for (i, t) in texts.iter().enumerate() {
            let a = Article::from_text(
                format!("/t/{i}.txt").into(),
                Origin::File,
                t.to_string(),
                "UTF-8",
            )
            .unwrap();
            c.insert(r, a);
        }
        c
    }

    #[test]
    fn names_merge_by_surname_and_initials() {
        let c = corpus(&[
            "Yen talks\n\nsource: Kyodo| published: 2020-01-01\n\n\"We will watch the markets very closely,\" said Shuichi Fujioka, a finance ministry official.\n\n\"There is no need to panic about the yen,\" Fujioka said.",
            "Yen again\n\nsource: Reuters| published: 2020-01-02\n\n\"The ministry stands ready to act if needed,\" S. Fujioka told reporters.",
        ]);
        let index = build(&c, &[], true);
        let f = index
            .find("shuichi fujioka")
            .unwrap_or_else(|| panic!("{:#?}", index.speakers));
        assert_eq!(f.name.to_lowercase(), "shuichi fujioka");
        assert_eq!(f.quotes, 3);
        assert_eq!(f.articles, 2);
        assert_eq!(f.sources, vec!["Kyodo".to_string(), "Reuters".to_string()]);
        assert!(index.find("S. Fujioka").is_some());
    }

    #[test]
    fn different_first_names_stay_apart_and_manual_merges_apply() {
        let c = corpus(&[
            "A\n\n\"Prices will keep rising this year,\" said John Smith, an analyst.\n\n\"Prices will fall by the summer,\" said Jane Smith, an economist.",
        ]);
        let index = build(&c, &[], true);
        assert_eq!(index.speakers.len(), 2);
        let merged = build(
            &c,
            &[ManualMerge {
                alias: "Jane Smith".into(),
                into: "John Smith".into(),
            }],
            true,
        );
        assert_eq!(merged.speakers.len(), 1);
        assert_eq!(merged.speakers[0].quotes, 2);
        let csv = merged.to_csv();
        assert!(csv.starts_with("name,aliases,roles,quotes,articles,sources\n"));
        assert_eq!(csv.lines().count(), 2);
    }

    #[test]
    fn organisations_merge_by_full_name_or_acronym_never_by_head_noun() {
        let c = corpus(&[
            "A\n\nThe U.S. Agriculture Department said wheat stocks rose in March.",
            "B\n\nthe U.S. Agriculture Department said corn stocks fell in April.",
            "C\n\nThe U.S. Commerce Department said exports rose by a tenth.",
            "G\n\nThe Finance Ministry said the budget was balanced again.",
            "D\n\nThe Federal Home Loan Bank Board said savings flows turned positive.",
            "E\n\nThe FHLBB said it would close two thrift units next week.",
            "F\n\nThe company said profits fell for a third quarter.",
        ]);
        let index = build(&c, &[], true);
        let names: Vec<&str> = index.speakers.iter().map(|s| s.name.as_str()).collect();
        let agriculture = index
            .find("U.S. Agriculture Department")
            .unwrap_or_else(|| panic!("{names:?}"));
        assert_eq!(agriculture.quotes, 2, "{names:?}");
        assert_eq!(
            index.find("U.S. Commerce Department").map(|s| s.quotes),
            Some(1)
        );
        let board = index.find("FHLBB").unwrap_or_else(|| panic!("{names:?}"));
        assert_eq!(board.name, "Federal Home Loan Bank Board");
        assert_eq!(board.quotes, 2);
        // A generic `the company` or a `Finance Ministry` of no country names no one: they
        // stay out of the index.
        assert!(index.find("The company").is_none(), "{names:?}");
        assert!(index.find("Finance Ministry").is_none(), "{names:?}");
        assert_eq!(index.speakers.len(), 3, "{names:?}");
    }

    #[test]
    fn a_bare_surname_in_another_article_stays_apart() {
        let c = corpus(&[
            "A\n\nJohn Kerrigan said the harbour would reopen in May.",
            "B\n\nKerrigan said the talks had stalled again.",
        ]);
        let index = build(&c, &[], true);
        assert_eq!(index.speakers.len(), 2, "{:#?}", index.speakers);
        assert!(index.speakers.iter().all(|s| s.aliases.is_empty()));
    }

    #[test]
    fn fragments_are_not_names() {
        assert!(is_name("Clayton Yeutter"));
        assert!(is_name("Fed"));
        assert!(!is_name("P"));
        assert!(!is_name("Co"));
        assert_eq!(
            organisation_key("The U.S.  Treasury"),
            organisation_key("the US treasury")
        );
        assert_eq!(initials("U.S. Department of Agriculture"), "usda");
    }
}
