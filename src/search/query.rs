//! Stage 1 of a search: the query a user types, parsed into a tree of terms.
//!
//! Input: the query text. Output: a [`Query`], or a [`QueryError`] that says what is wrong.
//!
//! The syntax, as in web search engines:
//! - `copper tin`: both words (an implicit `AND`); `copper AND tin` says the same.
//! - `copper OR tin`: either word. `OR` binds tighter than `AND`: `copper OR tin price` is
//!   `(copper OR tin) AND price`. Parentheses group: `(copper price) OR tin`.
//! - `"export quota"`: the words one after the other; `-coffee`: articles without the word.
//! - `export*`: any word starting with `export`.
//! - `/quota[s]?/`: a regular expression (the `regex` crate: linear time, so no pattern can
//!   hang a search); `\/` stands for a slash inside it.
//!
//! `AND` and `OR` are operators only in capitals, so a lowercase `and` is a word to find.
//! Words are runs of letters and digits; everything else separates them (`u.s.` is the phrase
//! `u s`). Matching ignores case unless [`QueryOptions::case_sensitive`] is set.

use regex::{Regex, RegexBuilder};

/// How a query is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueryOptions {
    /// Match the case of words and regexes as typed (default: ignore case).
    pub case_sensitive: bool,
}

/// What a query is wrong about, as a message for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("the query is empty")]
    Empty,
    #[error("a quote opened at character {0} is never closed")]
    UnclosedQuote(usize),
    #[error("a /regex/ opened at character {0} is never closed")]
    UnclosedRegex(usize),
    #[error("invalid regex /{pattern}/: {reason}")]
    BadRegex { pattern: String, reason: String },
    #[error("a parenthesis is not matched")]
    Parenthesis,
    #[error("{0} needs a term on each side")]
    DanglingOperator(&'static str),
    #[error("nothing to find: every term is excluded with `-` (add a word to look for)")]
    OnlyExclusions,
}

/// A term: what one leaf of the query looks for.
#[derive(Debug, Clone)]
pub enum Term {
    /// Consecutive words (a single word is a phrase of one), lowercased unless the search is
    /// case-sensitive. With `prefix`, the last word only has to start with the one given.
    Words { words: Vec<String>, prefix: bool },
    /// A regular expression, matched in each searched stretch of text.
    Pattern(Regex),
}

/// The tree of a query. Leaves point into [`Query::terms`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Term(usize),
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
}

impl Node {
    /// Whether an article where exactly the terms in `present` occur matches.
    pub fn matches(&self, present: &[bool]) -> bool {
        match self {
            Node::Term(i) => present[*i],
            Node::And(nodes) => nodes.iter().all(|n| n.matches(present)),
            Node::Or(nodes) => nodes.iter().any(|n| n.matches(present)),
            Node::Not(node) => !node.matches(present),
        }
    }

    /// Whether every article this node matches must contain some term (so `-x` alone, or
    /// `a OR -b`, which match nearly everything, are refused).
    fn needs_a_term(&self) -> bool {
        match self {
            Node::Term(_) => true,
            Node::And(nodes) => nodes.iter().any(Node::needs_a_term),
            Node::Or(nodes) => nodes.iter().all(Node::needs_a_term),
            Node::Not(_) => false,
        }
    }

    /// Adds to `out` the terms that are looked for (not under a `-`).
    fn sought_terms(&self, out: &mut Vec<usize>) {
        match self {
            Node::Term(i) => out.push(*i),
            Node::And(nodes) | Node::Or(nodes) => nodes.iter().for_each(|n| n.sought_terms(out)),
            Node::Not(_) => {}
        }
    }
}

/// A parsed query.
#[derive(Debug, Clone)]
pub struct Query {
    pub root: Node,
    pub terms: Vec<Term>,
    /// Indices of the terms whose occurrences are hits (those not excluded with `-`).
    pub sought: Vec<usize>,
    pub options: QueryOptions,
}

impl Query {
    /// Parses `text`.
    pub fn parse(text: &str, options: QueryOptions) -> Result<Self, QueryError> {
        let tokens = lex(text, options)?;
        let mut parser = Parser {
            tokens,
            at: 0,
            terms: Vec::new(),
        };
        let root = parser.and_group()?.ok_or(QueryError::Empty)?;
        if parser.at < parser.tokens.len() {
            return Err(QueryError::Parenthesis);
        }
        if !root.needs_a_term() {
            return Err(QueryError::OnlyExclusions);
        }
        let mut sought = Vec::new();
        root.sought_terms(&mut sought);
        Ok(Self {
            root,
            terms: parser.terms,
            sought,
            options,
        })
    }
}

impl Query {
    /// The whole of `text` as one regular expression, slashes not needed
    /// (`newslens search --regex`).
    pub fn pattern(text: &str, options: QueryOptions) -> Result<Self, QueryError> {
        Ok(Self {
            root: Node::Term(0),
            terms: vec![Term::Pattern(build_regex(text, options)?)],
            sought: vec![0],
            options,
        })
    }
}

/// The words of `text`: runs of letters and digits, with their byte spans.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// One lexical token of a query.
#[derive(Debug)]
enum Token {
    Open,
    Close,
    And,
    Or,
    Not,
    Term(Term),
}

/// Splits the query into tokens, building each term.
fn lex(text: &str, options: QueryOptions) -> Result<Vec<Token>, QueryError> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let next_is_term = chars.get(i + 1).is_some_and(|&(_, n)| !n.is_whitespace());
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                tokens.push(Token::Open);
                i += 1;
            }
            ')' => {
                tokens.push(Token::Close);
                i += 1;
            }
            '-' if next_is_term && starts_token(&chars, i) => {
                tokens.push(Token::Not);
                i += 1;
            }
            '"' => {
                let close = find_char(&chars, i + 1, '"').ok_or(QueryError::UnclosedQuote(i))?;
                let inner = &text[chars[i + 1].0.min(text.len())..chars[close].0];
                push_words(&mut tokens, inner, options);
                i = close + 1;
            }
            '/' if starts_token(&chars, i) => {
                let close = regex_end(&chars, i + 1).ok_or(QueryError::UnclosedRegex(i))?;
                let pattern = &text[chars[i].0 + 1..chars[close].0];
                tokens.push(Token::Term(Term::Pattern(build_regex(pattern, options)?)));
                i = close + 1;
            }
            _ => {
                let end = (i..chars.len())
                    .find(|&k| chars[k].1.is_whitespace() || matches!(chars[k].1, '(' | ')'))
                    .unwrap_or(chars.len());
                let word = &text[at..chars.get(end).map_or(text.len(), |&(b, _)| b)];
                match word {
                    "AND" => tokens.push(Token::And),
                    "OR" => tokens.push(Token::Or),
                    _ => push_words(&mut tokens, word, options),
                }
                i = end;
            }
        }
    }
    Ok(tokens)
}

/// Whether the character at `i` begins a token (start of the query, or after a space, a `(`
/// or the `-` of an exclusion: `--tin` excludes the exclusion).
fn starts_token(chars: &[(usize, char)], i: usize) -> bool {
    i == 0 || chars[i - 1].1.is_whitespace() || matches!(chars[i - 1].1, '(' | '-')
}

fn find_char(chars: &[(usize, char)], from: usize, wanted: char) -> Option<usize> {
    (from..chars.len()).find(|&k| chars[k].1 == wanted)
}

/// The index of the `/` closing a regex whose pattern starts at `from` (`\/` does not close).
fn regex_end(chars: &[(usize, char)], from: usize) -> Option<usize> {
    let mut k = from;
    while k < chars.len() {
        match chars[k].1 {
            '\\' => k += 2,
            '/' => return Some(k),
            _ => k += 1,
        }
    }
    None
}

/// Compiles a regex with limits on its size, so a huge pattern fails fast instead of eating
/// memory. Matching itself is linear in the text whatever the pattern.
fn build_regex(pattern: &str, options: QueryOptions) -> Result<Regex, QueryError> {
    let bad = |reason: String| QueryError::BadRegex {
        pattern: pattern.to_string(),
        reason,
    };
    if pattern.is_empty() {
        return Err(bad("the pattern is empty".into()));
    }
    RegexBuilder::new(pattern)
        .case_insensitive(!options.case_sensitive)
        .size_limit(8 << 20)
        .dfa_size_limit(8 << 20)
        .build()
        .map_err(|e| {
            // the regex crate's message ends with a line `error: what is wrong`
            let message = e.to_string();
            let last = message.lines().last().unwrap_or_default().trim();
            bad(last.trim_start_matches("error:").trim().into())
        })
}

/// Pushes the term of a word or quoted phrase (nothing if it holds no letter or digit).
fn push_words(tokens: &mut Vec<Token>, text: &str, options: QueryOptions) {
    let prefix = text.ends_with('*');
    let words: Vec<String> = words(text)
        .map(|(_, w)| {
            if options.case_sensitive {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect();
    if !words.is_empty() {
        tokens.push(Token::Term(Term::Words { words, prefix }));
    }
}

/// A recursive-descent parser over the tokens; terms are moved into `terms` as they come.
struct Parser {
    tokens: Vec<Token>,
    at: usize,
    terms: Vec<Term>,
}

impl Parser {
    /// `or_group ([AND] or_group)*`, up to a `)` or the end.
    fn and_group(&mut self) -> Result<Option<Node>, QueryError> {
        let mut nodes = Vec::new();
        loop {
            match self.tokens.get(self.at) {
                None | Some(Token::Close) => break,
                Some(Token::And) => {
                    if nodes.is_empty() {
                        return Err(QueryError::DanglingOperator("AND"));
                    }
                    self.at += 1;
                    nodes.push(
                        self.or_group()?
                            .ok_or(QueryError::DanglingOperator("AND"))?,
                    );
                }
                Some(_) => match self.or_group()? {
                    Some(node) => nodes.push(node),
                    None => break,
                },
            }
        }
        Ok(match nodes.len() {
            0 => None,
            1 => nodes.pop(),
            _ => Some(Node::And(nodes)),
        })
    }

    /// `unary (OR unary)*`.
    fn or_group(&mut self) -> Result<Option<Node>, QueryError> {
        let Some(first) = self.unary()? else {
            return match self.tokens.get(self.at) {
                Some(Token::Or) => Err(QueryError::DanglingOperator("OR")),
                _ => Ok(None),
            };
        };
        let mut nodes = vec![first];
        while matches!(self.tokens.get(self.at), Some(Token::Or)) {
            self.at += 1;
            nodes.push(self.unary()?.ok_or(QueryError::DanglingOperator("OR"))?);
        }
        Ok(Some(if nodes.len() == 1 {
            nodes.remove(0)
        } else {
            Node::Or(nodes)
        }))
    }

    /// `-unary`, `( and_group )` or a term.
    fn unary(&mut self) -> Result<Option<Node>, QueryError> {
        let Some(token) = self.tokens.get_mut(self.at) else {
            return Ok(None);
        };
        match token {
            Token::Not => {
                self.at += 1;
                Ok(self.unary()?.map(|n| Node::Not(Box::new(n))))
            }
            Token::Open => {
                self.at += 1;
                let inner = self.and_group()?;
                if !matches!(self.tokens.get(self.at), Some(Token::Close)) {
                    return Err(QueryError::Parenthesis);
                }
                self.at += 1;
                Ok(inner)
            }
            Token::Term(term) => {
                let term = std::mem::replace(
                    term,
                    Term::Words {
                        words: Vec::new(),
                        prefix: false,
                    },
                );
                self.at += 1;
                self.terms.push(term);
                Ok(Some(Node::Term(self.terms.len() - 1)))
            }
            Token::Close | Token::And | Token::Or => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Query {
        Query::parse(text, QueryOptions::default()).unwrap()
    }

    fn words_of(q: &Query, i: usize) -> (Vec<String>, bool) {
        match &q.terms[i] {
            Term::Words { words, prefix } => (words.clone(), *prefix),
            Term::Pattern(r) => (vec![format!("/{}/", r.as_str())], false),
        }
    }

    #[test]
    fn words_are_anded_and_lowercased() {
        let q = parse("Copper  TIN");
        assert_eq!(q.root, Node::And(vec![Node::Term(0), Node::Term(1)]));
        assert_eq!(words_of(&q, 0), (vec!["copper".to_string()], false));
        assert_eq!(words_of(&q, 1), (vec!["tin".to_string()], false));
        assert_eq!(q.sought, vec![0, 1]);
    }

    #[test]
    fn case_sensitive_keeps_the_case() {
        let q = Query::parse(
            "Sarney",
            QueryOptions {
                case_sensitive: true,
            },
        )
        .unwrap();
        assert_eq!(words_of(&q, 0).0, vec!["Sarney".to_string()]);
    }

    #[test]
    fn or_binds_tighter_than_and() {
        let q = parse("copper OR tin price");
        assert_eq!(
            q.root,
            Node::And(vec![
                Node::Or(vec![Node::Term(0), Node::Term(1)]),
                Node::Term(2)
            ])
        );
        let q = parse("copper AND tin OR zinc");
        assert_eq!(
            q.root,
            Node::And(vec![
                Node::Term(0),
                Node::Or(vec![Node::Term(1), Node::Term(2)])
            ])
        );
    }

    #[test]
    fn parentheses_group() {
        let q = parse("(copper price) OR tin");
        assert_eq!(
            q.root,
            Node::Or(vec![
                Node::And(vec![Node::Term(0), Node::Term(1)]),
                Node::Term(2)
            ])
        );
    }

    #[test]
    fn phrases_prefixes_and_punctuation() {
        let q = parse("\"Export  quota\" export* u.s.");
        assert_eq!(
            words_of(&q, 0),
            (vec!["export".into(), "quota".into()], false)
        );
        assert_eq!(words_of(&q, 1), (vec!["export".into()], true));
        assert_eq!(words_of(&q, 2), (vec!["u".into(), "s".into()], false));
    }

    #[test]
    fn lowercase_and_or_are_words() {
        let q = parse("trade and investment");
        assert_eq!(q.terms.len(), 3);
        assert_eq!(words_of(&q, 1).0, vec!["and".to_string()]);
    }

    #[test]
    fn exclusions_are_not_hits() {
        let q = parse("coffee -brazil");
        assert_eq!(
            q.root,
            Node::And(vec![Node::Term(0), Node::Not(Box::new(Node::Term(1)))])
        );
        assert_eq!(q.sought, vec![0]);
        let q = parse("tin --zinc");
        let not_zinc = Node::Not(Box::new(Node::Term(1)));
        assert_eq!(
            q.root,
            Node::And(vec![Node::Term(0), Node::Not(Box::new(not_zinc))])
        );
        // a hyphen inside a word is not an exclusion
        let q = parse("cross-border");
        assert_eq!(words_of(&q, 0).0, vec!["cross", "border"]);
    }

    #[test]
    fn regexes_keep_their_slashes_and_spaces() {
        let q = parse(r"/quota s?/ /a\/b/");
        assert_eq!(words_of(&q, 0).0, vec!["/quota s?/".to_string()]);
        assert_eq!(words_of(&q, 1).0, vec![r"/a\/b/".to_string()]);
        let Term::Pattern(r) = &q.terms[0] else {
            panic!("not a pattern")
        };
        assert!(r.is_match("QUOTA S"), "regexes ignore case by default");
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let err = |t: &str| Query::parse(t, QueryOptions::default()).unwrap_err();
        assert_eq!(err(""), QueryError::Empty);
        assert_eq!(err("  ,; "), QueryError::Empty);
        assert_eq!(err("\"tin quota"), QueryError::UnclosedQuote(0));
        assert_eq!(err("tin /quo"), QueryError::UnclosedRegex(4));
        assert_eq!(err("(tin"), QueryError::Parenthesis);
        assert_eq!(err("tin)"), QueryError::Parenthesis);
        assert_eq!(err("OR tin"), QueryError::DanglingOperator("OR"));
        assert_eq!(err("tin OR"), QueryError::DanglingOperator("OR"));
        assert_eq!(err("AND tin"), QueryError::DanglingOperator("AND"));
        assert_eq!(err("-tin"), QueryError::OnlyExclusions);
        assert_eq!(err("tin OR -zinc"), QueryError::OnlyExclusions);
        assert!(matches!(err("/(/"), QueryError::BadRegex { .. }));
        assert!(err("/(/").to_string().starts_with("invalid regex /(/: "));
    }

    #[test]
    fn a_huge_regex_is_refused_not_built() {
        // a pattern whose automaton would take gigabytes
        let e = Query::parse(r"/\w{1000}\w{1000}\w{1000}/", QueryOptions::default());
        assert!(matches!(e, Err(QueryError::BadRegex { .. })), "{e:?}");
    }

    #[test]
    fn words_gives_byte_offsets() {
        let got: Vec<_> = words("Ça va, 12.5%").collect();
        assert_eq!(got, vec![(0, "Ça"), (4, "va"), (8, "12"), (11, "5")]);
    }
}
