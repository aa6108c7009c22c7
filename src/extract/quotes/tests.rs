//! Unit tests of the quotes engine, on sentences written for them.

use super::*;

const SEED: &str = include_str!("../../../seeds/000_bb29dedac36967df.txt");

#[test]
fn precomputed_role_flags_match_the_lexicon() {
    let lex: &Lexicon = &LEX;
    let plural_role = |b: &str| {
        b.strip_suffix("ies")
            .is_some_and(|r| lex.roles.contains(format!("{r}y").as_str()))
            || b.strip_suffix('s').is_some_and(|r| lex.roles.contains(r))
    };
    let mut words: Vec<String> = Vec::new();
    for &r in &lex.roles {
        words.extend([
            r.to_string(),
            format!("{r}s"),
            format!("{r}es"),
            format!("x{r}s"),
        ]);
        if let Some(stem) = r.strip_suffix('y') {
            words.push(format!("{stem}ies"));
        }
    }
    words.extend(["ies", "s", "companies", "says", "its", "bus", ""].map(String::from));
    for w in &words {
        let f = lex.info(w).flags;
        assert_eq!(f & F_ROLE_PLURAL != 0, plural_role(w), "{w}");
        assert_eq!(f & F_ROLE != 0, lex.roles.contains(w.as_str()), "{w}");
    }
    // Per-token flags: a hyphenated role, and the base of a possessive.
    let mut arena = String::new();
    let text = "The vice-premier's aides and the Minister's deputies.";
    let doc = Doc::new(text, &mut arena);
    let toks = &doc.paras[0].toks;
    let find = |w: &str| toks.iter().find(|t| t.low == w);
    assert!(find("vice-premier's").is_some_and(|t| t.bf(F_ROLE_HYPHEN)));
    assert!(find("vice-premier's").is_some_and(|t| t.base() == "vice-premier"));
    assert!(find("deputies").is_some_and(|t| t.bf(F_ROLE_PLURAL) && !t.bf(F_ROLE_HYPHEN)));
    assert!(find("minister's").is_some_and(|t| t.base() == "minister" && t.bf(F_ROLE)));
}

fn valid_spans(text: &str, qs: &[Quote]) {
    for q in qs {
        assert!(q.start <= q.end && q.span().end <= text.len(), "{q:?}");
        assert!(text.get(q.span()).is_some(), "{q:?}");
        if let Some(r) = q.speaker_range() {
            assert_eq!(&text[r], q.speaker_mention);
        }
        assert!((0.0..=1.0).contains(&q.confidence));
    }
    for w in qs.windows(2) {
        assert!(w[0].start <= w[1].start);
    }
}

/// (kind, speaker, cue, text prefix), checked on the passage as written and lower-cased.
type Exp<'a> = (QuoteKind, &'a str, &'a str, &'a str);

fn check(text: &str, exp: &[Exp]) {
    for t in [text.to_string(), text.to_lowercase()] {
        let qs = extract_quotes(&t);
        valid_spans(&t, &qs);
        let got: Vec<String> = qs
            .iter()
            .map(|q| format!("{:?} | {} | {} | {}", q.kind, q.speaker, q.cue, q.text(&t)))
            .collect();
        assert_eq!(qs.len(), exp.len(), "{t}\n{got:#?}");
        for (q, e) in qs.iter().zip(exp) {
            assert_eq!(q.kind, e.0, "{got:#?}");
            assert!(
                q.speaker.eq_ignore_ascii_case(e.1),
                "speaker {:?} != {:?}\n{got:#?}",
                q.speaker,
                e.1
            );
            assert!(
                q.cue.eq_ignore_ascii_case(e.2),
                "cue {:?} != {:?}\n{got:#?}",
                q.cue,
                e.2
            );
            assert!(
                q.text(&t).to_lowercase().starts_with(&e.3.to_lowercase()),
                "text {:?} !~ {:?}",
                q.text(&t),
                e.3
            );
        }
    }
}

use QuoteKind::{Direct as D, Reported as R};

#[test]
fn seed_article() {
    let qs = extract_quotes(SEED);
    valid_spans(SEED, &qs);
    let got: Vec<String> = qs
        .iter()
        .map(|q| {
            format!(
                "{:?} | {} | {} | {} | {}",
                q.kind,
                q.speaker,
                q.role,
                q.cue,
                q.text(SEED)
            )
        })
        .collect();
    assert_eq!(qs.len(), 6, "{got:#?}");

    assert_eq!(qs[0].kind, R);
    assert_eq!(qs[0].speaker, "organizers of the forum");
    assert!(!qs[0].speaker_resolved);
    assert_eq!(qs[0].cue, "say");
    assert!(
        qs[0]
            .text(SEED)
            .starts_with("19 latin american countries have joined")
    );
    assert!(qs[0].text(SEED).ends_with("three years in a row"));

    assert_eq!(qs[1].kind, D);
    assert_eq!(qs[1].speaker, "lin songtian");
    assert_eq!(
        qs[1].role,
        "president, chinese people's association for friendship with foreign countries"
    );
    assert_eq!(qs[1].cue, "caption");
    assert!(qs[1].text(SEED).starts_with("china and latin america"));
    assert!(qs[1].text(SEED).ends_with("industrial internet."));

    assert_eq!(qs[2].kind, R);
    assert_eq!(qs[2].speaker, "fernando lugris");
    assert_eq!(qs[2].speaker_mention, "he");
    assert!(qs[2].speaker_resolved);
    assert_eq!(qs[2].cue, "says");
    assert!(
        qs[2]
            .role
            .starts_with("current head of the diplomatic mission")
    );
    assert!(qs[2].text(SEED).starts_with("more countries in the region"));

    assert_eq!(qs[3].kind, R);
    assert_eq!(qs[3].speaker, "luis schmidt");
    assert_eq!(qs[3].speaker_mention, "the chilean ambassador");
    assert_eq!(qs[3].cue, "told us");
    assert_eq!(
        qs[3].text(SEED),
        "he is looking forward to more diversified business opportunities"
    );

    assert_eq!(qs[4].kind, D);
    assert_eq!(qs[4].speaker, "luis schmidt");
    assert_eq!(qs[4].role, "chile's ambassador to china");
    assert_eq!(qs[4].cue, "caption");
    assert!(qs[4].text(SEED).starts_with("topics we're working"));
    assert!(qs[4].text(SEED).ends_with("for china."));

    assert_eq!(qs[5].kind, D);
    assert_eq!(qs[5].speaker, "xie hongzhou");
    assert_eq!(qs[5].role, "cgtn reporter, beijing");
    assert_eq!(qs[5].cue, "caption");
    assert!(qs[5].text(SEED).starts_with("but ties between"));
    assert!(qs[5].text(SEED).ends_with("economic recovery."));

    for q in &qs {
        if q.kind == D {
            assert!(q.confidence >= 0.7, "{q:?}");
        }
    }
}

#[test]
fn seed_variants_crlf_and_caps() {
    let crlf = SEED.replace('\n', "\r\n");
    let a = extract_quotes(&crlf);
    valid_spans(&crlf, &a);
    assert_eq!(a.len(), 6);
    let up = SEED.to_uppercase();
    let b = extract_quotes(&up);
    valid_spans(&up, &b);
    assert_eq!(b.len(), 6);
    assert_eq!(b[1].speaker, "LIN SONGTIAN");
    assert_eq!(b[3].speaker, "LUIS SCHMIDT");
}

#[test]
fn direct_said_after() {
    check(
        "Prices will keep rising. \"We expect the market to recover by the end of the year,\" Maria Gonzalez said.",
        &[(D, "Maria Gonzalez", "said", "We expect the market")],
    );
}

#[test]
fn direct_inverted_with_role() {
    let t = "\"The deal is good for both countries and for our workers,\" said John Okafor, chairman of the Lagos Trade Council.";
    check(t, &[(D, "John Okafor", "said", "The deal is good")]);
    let qs = extract_quotes(t);
    assert_eq!(qs[0].role, "chairman of the Lagos Trade Council");
}

#[test]
fn direct_apposition() {
    let t = "\"Exports have held up better than anyone predicted,\" Anna Berg, the chief economist of Nordbank, said on Monday.";
    check(t, &[(D, "Anna Berg", "said", "Exports have held up")]);
    assert_eq!(extract_quotes(t)[0].role, "chief economist of Nordbank");
}

#[test]
fn direct_said_colon_before() {
    check(
        "Minister Paolo Ricci said: \"We will not raise taxes this year, whatever happens.\"",
        &[(D, "Paolo Ricci", "said", "We will not raise taxes")],
    );
    check(
        "Karen Lloyd said that \"the new rules will hurt small farmers most of all.\"",
        &[(D, "Karen Lloyd", "said", "the new rules will hurt")],
    );
}

#[test]
fn direct_according_to() {
    check(
        "\"The bridge will open to traffic in the spring of next year\", according to Tomas Weber.",
        &[(D, "Tomas Weber", "according to", "The bridge will open")],
    );
}

#[test]
fn direct_pronoun_told_reporters() {
    check(
        "Ahmed Karimi arrived in Geneva on Sunday. \"Nobody here wants another long delay,\" he told reporters.",
        &[(D, "Ahmed Karimi", "told reporters", "Nobody here wants")],
    );
}

#[test]
fn direct_split_by_attribution() {
    check(
        "\"We have done our part,\" Helen Marsh said. \"Now it is up to the other side to respond.\"",
        &[
            (D, "Helen Marsh", "said", "We have done our part"),
            (D, "Helen Marsh", "said", "Now it is up to"),
        ],
    );
}

#[test]
fn direct_inverted_verb_subject() {
    check(
        "\"I love working with young players!\" insists Burton Hale. \"I really do love them.\"",
        &[
            (D, "Burton Hale", "insists", "I love working"),
            (D, "Burton Hale", "insists", "I really do love"),
        ],
    );
}

#[test]
fn direct_multi_paragraph() {
    let t = "Sara Lind, the mayor of Umea, said the plan was ready.\n\n\"The first phase starts in May and will take two years.\n\n\"After that we will build the northern section of the line,\" she said.";
    check(
        t,
        &[
            (R, "Sara Lind", "said", "the plan was ready"),
            (D, "Sara Lind", "said", "The first phase starts"),
            (D, "Sara Lind", "said", "After that we will build"),
        ],
    );
}

#[test]
fn direct_paragraph_only_quote() {
    let t = "Coach Ivan Petrov said the team had trained hard all week.\n\n\"We are ready for the final and we respect our opponents.\"";
    check(
        t,
        &[
            (R, "Ivan Petrov", "said", "the team had trained"),
            (D, "Ivan Petrov", "said", "We are ready for the final"),
        ],
    );
}

#[test]
fn nested_single_quotes_and_curly() {
    check(
        "“They told us ‘wait and see’ for three long years,” said Lucia Moreno.",
        &[(D, "Lucia Moreno", "said", "They told us")],
    );
}

#[test]
fn scare_quotes_are_not_quotes() {
    check(
        "The so-called \"belt and road\" plan was described as \"truly asian\" by the paper.",
        &[],
    );
    check(
        "The group calls itself \"the new wave of artists\" on its website.",
        &[],
    );
}

#[test]
fn caption_with_role() {
    let t = "Luis Navarro Chile's ambassador to China \"We have a lot of seafood and a big supply of salmon for export.\"";
    check(t, &[(D, "Luis Navarro", "caption", "We have a lot")]);
    assert_eq!(extract_quotes(t)[0].role, "Chile's ambassador to China");
}

#[test]
fn reported_says_that_and_told() {
    check(
        "Fernanda Costa says that the harvest will be smaller this year.",
        &[(R, "Fernanda Costa", "says", "the harvest will be smaller")],
    );
    check(
        "The company told Reuters it would close two plants in Ohio next year.",
        &[(
            R,
            "The company",
            "told reuters",
            "it would close two plants",
        )],
    );
}

#[test]
fn reported_sentence_final_attribution() {
    check(
        "Output fell five percent in the third quarter, officials said.",
        &[(R, "officials", "said", "Output fell five percent")],
    );
    check(
        "Exports to Asia will double by 2030, according to the trade ministry.",
        &[(
            R,
            "the trade ministry",
            "according to",
            "Exports to Asia will double",
        )],
    );
}

#[test]
fn reported_time_expression_and_org() {
    check(
        "The ministry said on Tuesday that rice imports would be cut by half.",
        &[(R, "The ministry", "said", "rice imports would be cut")],
    );
    check(
        "Shuichi Fujioka, the head of the Tokyo office, said demand was weak. Fujioka added that prices could fall further.",
        &[
            (R, "Shuichi Fujioka", "said", "demand was weak"),
            (R, "Shuichi Fujioka", "added", "prices could fall further"),
        ],
    );
}

#[test]
fn role_description_resolves_to_person() {
    let t = "Kenji Sato is the Japanese ambassador to Peru. Trade has grown fast. The Japanese ambassador told us he expects more investment next year.";
    check(
        t,
        &[(R, "Kenji Sato", "told us", "he expects more investment")],
    );
}

#[test]
fn not_a_quote() {
    check(
        "Fernando Lugris is the current head of the mission to China.",
        &[],
    );
    check("He said.", &[]);
}

#[test]
fn quoted_as_saying_and_coordination() {
    check(
        "The newspaper quoted Omar Farouk as saying the port would reopen within a week.",
        &[(
            R,
            "Omar Farouk",
            "quoted as saying",
            "the port would reopen",
        )],
    );
    check(
        "Lena Fischer admitted the budget was tight but said she expected a surplus next year.",
        &[
            (R, "Lena Fischer", "admitted", "the budget was tight"),
            (R, "Lena Fischer", "said", "she expected a surplus"),
        ],
    );
}

#[test]
fn titles_in_quotes_are_not_quotes() {
    let t = "Nadia argues that her favourite novel is \"The House by the Lake\".";
    let qs = extract_quotes(t);
    valid_spans(t, &qs);
    assert!(qs.iter().all(|q| q.kind == R), "{qs:#?}");
}

#[test]
fn pronoun_prefers_person_named_after_last_speaker() {
    // Cased only: in lower case `price` is indistinguishable from the common noun.
    let t = "\"Prices are too high for families,\" said Ruth Adeyemi. Store manager Colin Price disagreed. \"Our prices are the lowest in town,\" he said.";
    let qs = extract_quotes(t);
    valid_spans(t, &qs);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[0].speaker, "Ruth Adeyemi");
    assert_eq!(qs[1].speaker, "Colin Price");
    assert_eq!(qs[1].speaker_mention, "he");
}

#[test]
fn wire_dateline_and_final_attribution() {
    check(
        "LIMA, March 3 - Peru will resume talks with its creditor banks next month, Finance Minister Luis Alva said.",
        &[(R, "Luis Alva", "said", "Peru will resume talks")],
    );
}

#[test]
fn odd_inputs_never_panic() {
    let mut inputs: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\"".into(),
        "“".into(),
        "\"\"\"\"".into(),
        "\"a\"b\"c\"d".into(),
        "x said \"".into(),
        "said said said, said \"said\" said".into(),
        "é\"ü“ñ”ß’‘".into(),
        "\r\n\r\n\"\r\n".into(),
        "«Bonjour à tous les amis de la France», a dit Pierre.".into(),
    ];
    inputs.push("\"".repeat(2000));
    inputs.push("He said \"it is fine. ".repeat(2000));
    inputs.push("\u{1F600}\"\u{0301}x\"".repeat(500));
    inputs.push(format!("{}\n\nShe said \"unclosed", "word ".repeat(50_000)));
    for t in &inputs {
        let qs = extract_quotes(t);
        valid_spans(t, &qs);
    }
    // A quote that never closes does not swallow the next paragraphs.
    let t = "Ana Silva said: \"This will not work at all for us\n\nThe council met on Friday. Ben Cole said the vote was delayed.";
    let qs = extract_quotes(t);
    valid_spans(t, &qs);
    assert!(qs.iter().all(|q| !q.text(t).contains("council")), "{qs:#?}");
    assert!(
        qs.iter()
            .any(|q| q.speaker.eq_ignore_ascii_case("ben cole"))
    );
}

#[test]
fn a_big_line_keeps_every_quote() {
    // Its speed is measured by `cargo bench --bench corpus`, never timed here.
    let t = "The minister said \"we will win this fight\" and left. ".repeat(50_000);
    let qs = extract_quotes(&t);
    valid_spans(&t, &qs);
    assert!(qs.len() >= 49_000, "{} quotes", qs.len());
}

#[test]
fn short_direct_quotes_with_a_cue_beside_them() {
    check(
        "Maria Garcia said, \"We won!\"",
        &[(D, "Maria Garcia", "said", "We won!")],
    );
    check(
        "Ana Ruiz spoke at the rally. \"Too much hate,\" she said.",
        &[(D, "Ana Ruiz", "said", "Too much hate,")],
    );
    check(
        "\"Will the plant close?\" Pavel Novak asked. \"It will not,\" he said. \"We will.\"",
        &[
            (D, "Pavel Novak", "asked", "Will the plant close?"),
            (D, "Pavel Novak", "said", "It will not,"),
            (D, "Pavel Novak", "said", "We will."),
        ],
    );
    // Without a cue, three words or fewer stay scare quotes.
    check("The \"peace plan\" failed again this week.", &[]);
    check("Talks on the \"new deal\" went on.", &[]);
}

#[test]
fn quote_split_by_its_attribution_is_two_quotes() {
    check(
        "\"The port is closed,\" Ines Duarte said. \"It will reopen next week.\"",
        &[
            (D, "Ines Duarte", "said", "The port is closed,"),
            (D, "Ines Duarte", "said", "It will reopen next week."),
        ],
    );
}

#[test]
fn pronoun_speakers_are_kept_and_resolved_across_paragraphs() {
    let lone = "\"We are ready for the storm,\" she said.";
    let qs = extract_quotes(lone);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].speaker, "she");
    assert!(!qs[0].speaker_resolved);
    check(
        "Tomas Berg runs the harbour authority.\n\n\"Ships will dock again on Monday,\" he said.",
        &[(D, "Tomas Berg", "said", "Ships will dock again")],
    );
}

#[test]
fn speakers_with_appositives_and_possessives() {
    let t = "Sanders's campaign manager, Jeff Weaver, said the race was far from over.";
    check(
        t,
        &[(R, "Jeff Weaver", "said", "the race was far from over")],
    );
    assert_eq!(extract_quotes(t)[0].role, "Sanders's campaign manager");
    let t = "\"We need more nurses,\" said Paula Mendes, the hospital director.";
    check(t, &[(D, "Paula Mendes", "said", "We need more nurses")]);
    assert_eq!(extract_quotes(t)[0].role, "hospital director");
    check(
        "Omar Haddad, who chairs the council, said the budget would pass.",
        &[(R, "Omar Haddad", "said", "the budget would pass")],
    );
    check(
        "As Clara Voss pointed out, \"the bridge is older than the town itself.\"",
        &[(D, "Clara Voss", "pointed", "the bridge is older")],
    );
    check(
        "Rep. Lena Ortiz (D-Texas) said the vote would be close.",
        &[(R, "Lena Ortiz", "said", "the vote would be close")],
    );
}

#[test]
fn mixed_quotes_are_one_reported_quote() {
    // Whatever the verb, an object characterised `as` quoted words is the subject's words.
    check(
        "Mara Velez openly admires the governor as a \"strong leader,\" comparing him to Lincoln.",
        &[(
            R,
            "Mara Velez",
            "admires",
            "the governor as a \"strong leader",
        )],
    );
    check(
        "Senator Hal Pruitt has been steadily pounding his rival as a \"con artist\" for weeks.",
        &[(R, "Hal Pruitt", "pounding", "his rival as a \"con artist\"")],
    );
    // After quoted words closing on a comma, `but` hands back to the writer.
    check_exact(
        "The fact-checkers ruled that the claim about \"thousands of shootings\" is \"true,\" but in fact the toll was lower than claimed.",
        &[(
            R,
            "The fact-checkers",
            "ruled",
            "the claim about \"thousands of shootings\" is \"true,\"",
        )],
    );
    // ... but not when no one speaks.
    check("The museum opened as a \"place of memory\" in 2016.", &[]);
    // A verb of intent with a noun-phrase object holding quoted words; after the quoted words
    // close on a comma, a clause with its own subject is the writer's.
    check_exact(
        "Kemp is promising lower taxes and \"jobs, jobs, jobs,\" but he has also sharpened his attacks.",
        &[(
            R,
            "Kemp",
            "promising",
            "lower taxes and \"jobs, jobs, jobs,\"",
        )],
    );
    // After the quoted words, `during` opens the writer's circumstance.
    check_exact(
        "Ana Ruiz criticized the law as a \"crazy system\" during a campaign stop in Flint.",
        &[(R, "Ana Ruiz", "criticized", "the law as a \"crazy system\"")],
    );
    let t = "The senator insists the deal was \"reckless\" and \"a gift to lobbyists.\"";
    check(
        t,
        &[(
            R,
            "The senator",
            "insists",
            "the deal was \"reckless\" and \"a gift",
        )],
    );
    check(
        "Ruth Adler said the plan would \"change everything\" for farmers.",
        &[(
            R,
            "Ruth Adler",
            "said",
            "the plan would \"change everything\" for farmers",
        )],
    );
}

#[test]
fn reported_speech_beyond_say() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "Maya Lind warned that rents would rise again.",
            "Maya Lind",
            "warned",
            "rents would rise",
        ),
        (
            "Ivo Petrov argued the tax was unfair to farmers.",
            "Ivo Petrov",
            "argued",
            "the tax was unfair",
        ),
        (
            "Nora Quist claimed the count was rigged from the start.",
            "Nora Quist",
            "claimed",
            "the count was rigged",
        ),
        (
            "Sam Okafor noted that exports had doubled.",
            "Sam Okafor",
            "noted",
            "exports had doubled",
        ),
        (
            "Lia Moreau acknowledged the rollout had been slow.",
            "Lia Moreau",
            "acknowledged",
            "the rollout had been slow",
        ),
        (
            "Tariq Aziz conceded that the plan had failed.",
            "Tariq Aziz",
            "conceded",
            "the plan had failed",
        ),
        (
            "Eva Stone denied that she had seen the letter.",
            "Eva Stone",
            "denied",
            "she had seen the letter",
        ),
        (
            "Jon Park accused the mayor of hiding the report.",
            "Jon Park",
            "accused",
            "the mayor of hiding",
        ),
        (
            "Rosa Lee called the decision a disgrace for the city.",
            "Rosa Lee",
            "called",
            "the decision a disgrace",
        ),
        (
            "Ken Ito described the talks as frank and useful.",
            "Ken Ito",
            "described",
            "the talks as frank",
        ),
        (
            "Ada Vance predicted that prices would fall by spring.",
            "Ada Vance",
            "predicted",
            "prices would fall",
        ),
        (
            "Milo Grant promised that the school would stay open.",
            "Milo Grant",
            "promised",
            "the school would stay open",
        ),
        (
            "Dana Cruz vowed that she would fight the ruling.",
            "Dana Cruz",
            "vowed",
            "she would fight",
        ),
        (
            "Leo Marsh urged voters to turn out early.",
            "Leo Marsh",
            "urged",
            "voters to turn out",
        ),
        (
            "Ines Vega announced that the mine would close.",
            "Ines Vega",
            "announced",
            "the mine would close",
        ),
        (
            "Hugo Brandt confirmed the deal had been signed.",
            "Hugo Brandt",
            "confirmed",
            "the deal had been signed",
        ),
        (
            "Zara Khan wrote that the election was a turning point.",
            "Zara Khan",
            "wrote",
            "the election was a turning point",
        ),
        (
            "Otto Klein tweeted that the vote had been delayed.",
            "Otto Klein",
            "tweeted",
            "the vote had been delayed",
        ),
        (
            "Amy Shore believes the union will accept the offer.",
            "Amy Shore",
            "believes",
            "the union will accept",
        ),
        (
            "Raj Patel expects that demand will recover next year.",
            "Raj Patel",
            "expects",
            "demand will recover",
        ),
        (
            "Lucia Roma hopes the bridge will reopen soon.",
            "Lucia Roma",
            "hopes",
            "the bridge will reopen",
        ),
    ];
    for &(text, speaker, cue, clause) in cases {
        check(text, &[(R, speaker, cue, clause)]);
    }
}

#[test]
fn reported_speech_with_noun_cues_and_non_person_sources() {
    check(
        "There was no evidence for Marco Bellini's claim that the vote was rigged.",
        &[(R, "Marco Bellini", "claim", "the vote was rigged")],
    );
    check(
        "The board denied Vera Holm's allegations of fraud at the plant.",
        &[(R, "Vera Holm", "allegations", "fraud at the plant")],
    );
    check(
        "According to the survey, most tenants pay more than a third of their income in rent.",
        &[(R, "the survey", "according to", "most tenants pay more")],
    );
    check(
        "The report said water levels had fallen for a third year.",
        &[(R, "The report", "said", "water levels had fallen")],
    );
    check(
        "Documents show the company knew about the leak in March.",
        &[(R, "Documents", "show", "the company knew about the leak")],
    );
    // `calls itself` names; it does not attribute.
    check(
        "The band calls itself \"the loudest in town\" on its posters.",
        &[],
    );
}

#[test]
fn coordinated_and_mid_sentence_attributions() {
    check(
        "His aides say it is too early to discuss a run, but noted that he won twice before.",
        &[
            (R, "His aides", "say", "it is too early to discuss a run"),
            (R, "His aides", "noted", "he won twice before"),
        ],
    );
    check(
        "But the new rules, Kurt Adler added, are far too weak to matter.",
        &[(R, "Kurt Adler", "added", "But the new rules")],
    );
    check(
        "Listeners called the station. Many listeners who said they were angry asked for a refund.",
        &[(R, "Many listeners", "said", "they were angry")],
    );
}

#[test]
fn transcript_and_dash_attributions() {
    let t = "PENCE: Well, look, the debate tomorrow night is about the economy.\n\nWALLACE: Governor, thank you for joining us this morning.";
    let qs = extract_quotes(t);
    assert_eq!(qs.len(), 2, "{qs:?}");
    assert_eq!(qs[0].speaker, "PENCE");
    assert!(qs[0].text(t).starts_with("Well, look"));
    assert_eq!(qs[1].speaker, "WALLACE");
    check(
        "\u{201c}We want a fair shot at the same jobs as everyone else.\u{201d} \u{2015} Rosa Delgado",
        &[(D, "Rosa Delgado", "\u{2014}", "We want a fair shot")],
    );
    // A label that is not a speaker stays text.
    check(
        "Note: the figures for May are provisional and may change.",
        &[],
    );
}

#[test]
fn generic_organisations_resolve_to_the_named_one_or_stay_unresolved() {
    let t =
        "Chrysler Corp said sales rose in March.\n\nThe company said it would hire 500 workers.";
    let qs = extract_quotes(t);
    assert_eq!(qs.len(), 2, "{qs:?}");
    for q in &qs {
        assert_eq!(q.speaker, "Chrysler Corp");
        assert_eq!(q.speaker_kind, SpeakerKind::Organisation);
        assert!(q.speaker_resolved);
    }
    let qs = extract_quotes("The company said it would hire 500 workers next year.");
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].speaker, "The company");
    assert!(!qs[0].speaker_resolved);
    let qs = extract_quotes("The official New China News Agency said the harvest was good.");
    assert_eq!(qs[0].speaker, "New China News Agency");
    let qs = extract_quotes("\"Prices will rise,\" said Anna Berg, a trader.");
    assert_eq!(qs[0].speaker_kind, SpeakerKind::Person);
}

#[test]
fn roles_are_titles_not_clauses_or_other_peoples_titles() {
    let mut arena = String::new();
    let doc = Doc::new(
        "Prices rose in Brazil on Monday, the Finance Ministry said.",
        &mut arena,
    );
    assert!(doc.cased);
    for role in [
        "Brazil's Finance Minister",
        "chief economist at Fjord Bank",
        "White House spokesman",
        "U.S. Trade Representative",
    ] {
        assert!(doc.plausible_role(role), "{role}");
    }
    for role in [
        "Mexican Finance Minister Gustavo Petricioli",
        "Congress hailed President",
        "speaking to reporters in Paris",
        "Government officials including Finance Minister",
        "persuade President",
        "Japanese Prime Minister last week",
    ] {
        assert!(!doc.plausible_role(role), "{role}");
    }
}

#[test]
fn party_groups_and_long_according_to_attributions() {
    check(
        "Republicans said the timing of the vote was not a coincidence.",
        &[(R, "Republicans", "said", "the timing of the vote")],
    );
    check(
        "Senator Mara Quinn, Democrat of Oregon, said the bill would pass.",
        &[(R, "Mara Quinn", "said", "the bill would pass")],
    );
    check(
        "According to exit polls, the mayor had a narrow lead, but lost the runoff.",
        &[(
            R,
            "exit polls",
            "according to",
            "the mayor had a narrow lead, but lost",
        )],
    );
    check(
        "Such training can cut the risk by half, according to Paul Ode, head of the Centre for Veterans Studies at the University of Leeds, and other scientists.",
        &[(
            R,
            "Paul Ode",
            "according to",
            "Such training can cut the risk",
        )],
    );
}

#[test]
fn a_quote_ending_its_sentence_is_not_mixed_with_the_next() {
    check(
        "Ana Lopes said prices rose sharply in March, adding \"This is not fair to our farmers.\" The board met later that day.",
        &[
            (R, "Ana Lopes", "said", "prices rose sharply"),
            (D, "Ana Lopes", "adding", "This is not fair to our farmers."),
        ],
    );
}

#[test]
fn speech_verbs_after_phrases_adverbs_and_in_progressive_form() {
    check(
        "Maria Okafor said during a town hall in Dayton, Ohio, that the plant would stay open.",
        &[(R, "Maria Okafor", "said", "the plant would stay open")],
    );
    check(
        "Petra Novak this week announced she would step down.",
        &[(R, "Petra Novak", "announced", "she would step down")],
    );
    check(
        "Oskar Lind quietly conceded the budget would not balance.",
        &[(R, "Oskar Lind", "conceded", "the budget would not balance")],
    );
    check(
        "Governor Ray Duval is warning that the levees may fail.",
        &[(R, "Ray Duval", "warning", "the levees may fail")],
    );
}

#[test]
fn participles_take_the_subject_of_the_sentence() {
    check(
        "Senator Ana Ruiz criticised the bill, saying it would raise rents.",
        &[
            (R, "Ana Ruiz", "criticised", "the bill"),
            (R, "Ana Ruiz", "saying", "it would raise rents"),
        ],
    );
    check(
        "Mayor Lena Berg defended the budget on Monday, arguing that the cuts were needed.",
        &[
            (R, "Lena Berg", "defended", "the budget"),
            (R, "Lena Berg", "arguing", "the cuts were needed"),
        ],
    );
    check(
        "Dr. Omar Sy appeared on the radio and began by saying he would never diagnose anyone.",
        &[(R, "Omar Sy", "saying", "he would never diagnose anyone")],
    );
}

#[test]
fn intentions_take_a_to_infinitive() {
    check(
        "Mayor Lena Berg refused to comment on the report.",
        &[(R, "Lena Berg", "refused", "to comment on the report")],
    );
    check(
        "The union vowed not to return to work before Monday.",
        &[(R, "The union", "vowed", "not to return to work")],
    );
    // Not an intention: `intended` as an adjective, `declined` + a number or a noun phrase.
    check(
        "Her hips were still sore from injections intended to calm her.",
        &[],
    );
    check(
        "Prices declined to 1.50 dollars a barrel from 1.60 dollars.",
        &[],
    );
    check(
        "The ministry agreed to the terms of the loan last week.",
        &[],
    );
}

#[test]
fn a_full_stop_in_a_quote_ends_the_sentence_unless_a_short_cue_closes_it() {
    check(
        "Lena Berg says the plan is \"a disaster.\" She adds, \"We will fight it in court.\"",
        &[
            (R, "Lena Berg", "says", "the plan is \"a disaster"),
            (D, "Lena Berg", "adds", "We will fight it in court."),
        ],
    );
    check(
        "Tom Reyes said: \"We are ready.\" The Tories criticised the plan, saying it was late.",
        &[
            (D, "Tom Reyes", "said", "We are ready."),
            (R, "The Tories", "criticised", "the plan"),
            (R, "The Tories", "saying", "it was late"),
        ],
    );
    check(
        "\"We will not move an inch.\" the mayor said.",
        &[(D, "the mayor", "said", "We will not move an inch.")],
    );
}

#[test]
fn contractions_and_dates_are_never_names() {
    check(
        "Senator Dana Whitfield said she didn't believe the polls. \"It is not what worked in 2012,\" she said.",
        &[
            (R, "Dana Whitfield", "said", "she didn't believe the polls"),
            (
                D,
                "Dana Whitfield",
                "said",
                "It is not what worked in 2012,",
            ),
        ],
    );
    check(
        "\"The veto does not hold,\" said 9/11 widow Carla Mendes.",
        &[(D, "Carla Mendes", "said", "The veto does not hold,")],
    );
    // A speaker who did not say something is not its speaker.
    check("The minister didn't say the plan would fail.", &[]);
}

#[test]
fn an_object_complement_ends_where_a_participle_goes_on() {
    check(
        "The union called Senator Ruth Ames a \"champion\" of its members, citing her work after the crash.",
        &[
            (
                R,
                "The union",
                "called",
                "Senator Ruth Ames a \"champion\" of its members",
            ),
            (R, "The union", "citing", "her work after the crash"),
        ],
    );
}

#[test]
fn a_title_makes_one_word_a_name_and_a_past_tense_ends_it() {
    // `she` resolves to the titled surname, not to `Okoro enjoyed strong` (lower case).
    check(
        "During the race, Mrs. Okoro enjoyed strong support from nurses. \"We must act now,\" she said.",
        &[(D, "Okoro", "said", "We must act now,")],
    );
}

#[test]
fn participles_after_adverbs_and_before_that() {
    check(
        "Governor Ray Duval is once again questioning the count in Marion County.",
        &[(R, "Ray Duval", "questioning", "the count in Marion County")],
    );
    check(
        "Halvorsen Shipping Inc is saying that the tax records show the need for reform.",
        &[(
            R,
            "Halvorsen Shipping Inc",
            "saying",
            "the tax records show the need",
        )],
    );
    check(
        "Senator Ana Ruiz complained about the microphone, even suggesting it had been tampered with.",
        &[
            (R, "Ana Ruiz", "complained about", "the microphone"),
            (R, "Ana Ruiz", "suggesting", "it had been tampered with"),
        ],
    );
    check(
        "Senator Ana Ruiz issued a statement on Friday saying that the vote was rigged.",
        &[(R, "Ana Ruiz", "saying", "the vote was rigged")],
    );
}

#[test]
fn a_closing_relative_clause_is_the_writers() {
    check(
        "Governor Ray Duval urged the president to rule out a pardon for Tom Reyes, who has not been charged with any crime.",
        &[(
            R,
            "Ray Duval",
            "urged",
            "the president to rule out a pardon for Tom Reyes",
        )],
    );
}

#[test]
fn a_cue_ending_the_paragraph_before_a_quote_paragraph() {
    check(
        "Senator Ana Ruiz told reporters:\n\n\"Just 24 percent of the donors gave 200 dollars or less this year.\"",
        &[(
            D,
            "Ana Ruiz",
            "told reporters",
            "Just 24 percent of the donors",
        )],
    );
    // A colon with no speech verb before it is not a cue.
    check(
        "The figures for the year:\n\n\"Just 24 percent of the donors gave 200 dollars or less this year.\"",
        &[(D, "", "", "Just 24 percent of the donors")],
    );
}

#[test]
fn a_long_apposition_before_the_verb() {
    check(
        "Marta Quiroga, an outside adviser to the campaign on tax and budget issues and an associate professor at the state university law school, said that the campaign was reviewing the plan.",
        &[(
            R,
            "Marta Quiroga",
            "said",
            "the campaign was reviewing the plan",
        )],
    );
}

#[test]
fn a_transcript_quoted_whole_takes_its_speaker_label() {
    check(
        "Vice presidential nominee Dana Whitfield spoke with host Omar Reyes on Sunday.\n\n\"REYES: But, senator, I have to ask you about the tweet this morning.\n\n\"WHITFIELD: Well, the real question is why the campaign keeps doing this.\"",
        &[
            (D, "Omar Reyes", ":", "But, senator, I have to ask you"),
            (D, "Dana Whitfield", ":", "Well, the real question is why"),
        ],
    );
}

#[test]
fn according_to_a_long_source_or_one_led_by_a_verb_form() {
    check(
        "According to a civil complaint filed by the state securities regulator, the developers looted millions from investors.",
        &[(
            R,
            "a civil complaint filed by the state securities regulator",
            "according to",
            "the developers looted millions",
        )],
    );
    check(
        "The host repeatedly mocked the contestants, according to show insiders.",
        &[(
            R,
            "show insiders",
            "according to",
            "The host repeatedly mocked",
        )],
    );
}

#[test]
fn a_headline_verb_is_not_part_of_a_name() {
    check(
        "Wells seeks more money for rural schools\n\n\"We cannot wait another year,\" Wells said on Monday.",
        &[(D, "Wells", "said", "We cannot wait another year")],
    );
    check(
        "Mayor Dana Wells questions the budget\n\n\"We cannot wait another year,\" Wells said on Monday.",
        &[(D, "Dana Wells", "said", "We cannot wait another year")],
    );
    // A headline in title case: every word is capitalised, none of them makes a name.
    check(
        "Union Chief Corners Wells On School Funding\n\n\"We cannot wait another year,\" Wells said on Monday.",
        &[(D, "Wells", "said", "We cannot wait another year")],
    );
}

#[test]
fn an_abbreviation_in_a_party_label_does_not_end_the_sentence() {
    check(
        "Rep. Lena Ortiz (D-Calif.) said she didn't expect the bill to pass this year.",
        &[(
            R,
            "Lena Ortiz",
            "said",
            "she didn't expect the bill to pass",
        )],
    );
}

#[test]
fn a_subject_after_an_opening_phrase_without_a_comma() {
    check(
        "In an interview with the editorial board of The Harbour Post Ortiz said that the port would need new cranes.",
        &[(R, "Ortiz", "said", "the port would need new cranes")],
    );
    check(
        "During a visit last week Mayor Hana Ortiz said the port would need new cranes.",
        &[(R, "Hana Ortiz", "said", "the port would need new cranes")],
    );
}

#[test]
fn a_verb_form_inside_a_capitalised_name_is_not_a_verb() {
    check(
        "Meanwhile, in the United States, both candidates have rejected the trade deal.",
        &[(R, "both candidates", "rejected", "the trade deal")],
    );
}

#[test]
fn a_relative_clause_speaks_for_its_antecedent() {
    check(
        "The delay will worry some economists who argue that the port needs new cranes.",
        &[(R, "some economists", "argue", "the port needs new cranes")],
    );
    check(
        "Mitch Harlan, the majority leader, who in 2010 said the budget was a disgrace, stayed home.",
        &[(R, "Mitch Harlan", "said", "the budget was a disgrace")],
    );
}

#[test]
fn party_labels_after_a_name() {
    check(
        "\"This bill is a gift to lobbyists,\" Rep. Ana Ruiz (D-Wis.) said Friday.",
        &[(D, "Ana Ruiz", "said", "This bill is a gift to lobbyists,")],
    );
    check(
        "\"The veto will be overridden,\" Senate leader Tom Hale, R-Ky., said.",
        &[(D, "Tom Hale", "said", "The veto will be overridden,")],
    );
    check(
        "House Speaker Paul Ridley, R-Wis., said the families needed their day in court.",
        &[(R, "Paul Ridley", "said", "the families needed their day")],
    );
    check(
        "\"This is a waste of time,\" said Del. Stacey Moran of the Virgin Islands.",
        &[(D, "Stacey Moran", "said", "This is a waste of time,")],
    );
}

#[test]
fn documents_and_newspapers_as_speakers_after_a_quote() {
    check(
        "\"We see charter schools offering parents hope,\" the letter reads.",
        &[(D, "the letter", "reads", "We see charter schools")],
    );
    // A newspaper whose name is a common word (`times`) speaks in both casings.
    let text = "\"The company was left holding $8 billion in debt,\" The Times wrote.";
    for t in [text.to_string(), text.to_lowercase()] {
        let qs = extract_quotes(&t);
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert!(qs[0].speaker.to_lowercase().ends_with("times"), "{qs:?}");
        assert_eq!(qs[0].cue, "wrote");
    }
}

#[test]
fn a_role_then_the_name_in_commas_after_a_quote() {
    check(
        "\"By December, Ohio stuck out as a place to compete,\" Ruiz's campaign manager, Jeff Walton, said in an interview.",
        &[(D, "Jeff Walton", "said", "By December, Ohio stuck out")],
    );
}

#[test]
fn an_infinitive_speech_verb_takes_the_subject_of_its_governing_verb() {
    check(
        "Mara Voss went on to say, \"From the bottom of my heart, I know this to be true.\"",
        &[(D, "Mara Voss", "say", "From the bottom of my heart")],
    );
    check(
        "The senator took to Twitter to say the plan was dead.",
        &[(R, "The senator", "say", "the plan was dead")],
    );
    // Declining to say is not saying.
    check(
        "The senator declined to say whether the plan was dead.",
        &[],
    );
}

#[test]
fn a_second_speech_verb_ends_the_first_clause() {
    check(
        "Ortiz said he would order a review of the port's defenses and warned against hackers from abroad.",
        &[
            (
                R,
                "Ortiz",
                "said",
                "he would order a review of the port's defenses",
            ),
            (R, "Ortiz", "warned against", "hackers from abroad"),
        ],
    );
}

#[test]
fn a_participle_after_a_name_is_that_persons_words() {
    check(
        "Mara Voss spoke at noon. The advert closes with footage of Voss saying during the debate, \"That makes me a winner.\"",
        &[(D, "Mara Voss", "saying", "That makes me a winner")],
    );
    // After a comma the participle has the clause's subject.
    check(
        "Ortiz praised the port, adding, \"We will defend it with everything we have.\"",
        &[(D, "Ortiz", "adding", "We will defend it")],
    );
}

#[test]
fn two_appositions_between_the_quote_and_its_verb() {
    check(
        "\"It is a raid on the powers of the states,\" Dana Kell, the attorney general of Nevada, one of the states suing the agency, said at a forum.",
        &[(D, "Dana Kell", "said", "It is a raid on the powers")],
    );
}

#[test]
fn she_skips_a_man_named_by_his_given_name() {
    check(
        "Kaur said the vote was close. Brian Teller, her aide, said the count was over.\n\n\"We will win the recount and then we will govern,\" she said.",
        &[
            (R, "Kaur", "said", "the vote was close"),
            (R, "Brian Teller", "said", "the count was over"),
            (D, "Kaur", "said", "We will win the recount"),
        ],
    );
}

#[test]
fn the_writer_takes_over_after_a_participle_phrase_or_a_dash() {
    check(
        "Democrats said the waiver was only \"partial,\" meaning it covered the laptops and nothing else.",
        &[(R, "Democrats", "said", "the waiver was only \"partial,\"")],
    );
    let text = "Voss dismissed the island as a \"distant outpost\" — a sign of how little the party cares.";
    let qs = extract_quotes(text);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].text(text), "the island as a \"distant outpost\"");
}

#[test]
fn evaluation_verbs_attribute_the_quoted_words_they_govern() {
    check(
        "Governor Ada Lind lauded the mayor for helping build \"new and daring schools.\"",
        &[(R, "Ada Lind", "lauded", "the mayor for helping build")],
    );
    check(
        "Ortiz likened the rules to \"burning the charter.\"",
        &[(R, "Ortiz", "likened", "the rules to")],
    );
    check(
        "Kell boasted, \"Nobody builds bridges like we do.\"",
        &[(D, "Kell", "boasted", "Nobody builds bridges")],
    );
}

#[test]
fn a_speaker_phrase_keeps_its_head_before_a_modifier() {
    check(
        "The scholars on the region said the border talks could stall again.",
        &[(
            R,
            "The scholars on the region",
            "said",
            "the border talks could stall",
        )],
    );
    check(
        "A solicitor for the two papers, Ines Varga, said no ruling had been issued yet.",
        &[(R, "Ines Varga", "said", "no ruling had been issued yet")],
    );
    let text = "Asked about the vote, Perrin said no.";
    assert!(
        extract_quotes(text).is_empty(),
        "{:?}",
        extract_quotes(text)
    );
}

#[test]
fn shares_of_poll_respondents_speak() {
    check(
        "Another 31 percent said they would stay home. In the same survey, 12% say they never vote. Three in five said the tram line should close. Nearly six of 10 renters say they fear eviction.",
        &[
            (R, "Another 31 percent", "said", "they would stay home"),
            (R, "12%", "say", "they never vote"),
            (R, "Three in five", "said", "the tram line should close"),
            (R, "Nearly six of 10 renters", "say", "they fear eviction"),
        ],
    );
}

#[test]
fn a_verb_before_an_object_is_not_an_inverted_attribution() {
    check(
        "Mara Dunne, the council's treasurer, noted the deficit in a letter last week. She said pensions would be frozen for two years, and when asked why, she answered, \"The fund is empty.\"",
        &[
            (R, "Mara Dunne", "noted", "the deficit"),
            (R, "Mara Dunne", "said", "pensions would be frozen"),
            (D, "Mara Dunne", "answered", "The fund is empty."),
        ],
    );
}

#[test]
fn a_particle_belongs_to_the_cue_and_circumstances_to_the_writer() {
    check(
        "Nadia Rusk, head of the tenants' union, called for a rent freeze in a statement on Thursday.",
        &[(R, "Nadia Rusk", "called for", "a rent freeze")],
    );
    let text = "Nadia Rusk railed against the landlords during a rally Monday night.";
    let qs = extract_quotes(text);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].text(text), "the landlords");
    check(
        "Mayor Hal Brandt criticized the board in a letter Saturday, accusing it of hiding the audit.",
        &[
            (R, "Hal Brandt", "criticized", "the board"),
            (R, "Hal Brandt", "accusing", "it of hiding the audit"),
        ],
    );
    let text = "Brandt hailed a streak of 40 months of rising wages.";
    let qs = extract_quotes(text);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].text(text), "a streak of 40 months of rising wages");
}

#[test]
fn a_capital_dateline_and_a_clause_of_time_after_the_attribution_are_the_writers() {
    check(
        "LISBON ― The new toll is a tax on commuters, local drivers said Friday, as they blocked the bridge for an hour.",
        &[(
            R,
            "local drivers",
            "said",
            "The new toll is a tax on commuters",
        )],
    );
}

#[test]
fn a_short_phrase_before_the_clause_is_skipped_to_its_subject() {
    check(
        "Okafor said after the primary she would not back the nominee.",
        &[(R, "Okafor", "said", "she would not back the nominee")],
    );
    check(
        "Lund admitted under questioning he had never read the contract.",
        &[(R, "Lund", "admitted", "he had never read the contract")],
    );
    let text = "Okafor said after Lund failed to show up at the hearing.";
    assert!(
        extract_quotes(text).is_empty(),
        "{:?}",
        extract_quotes(text)
    );
}

#[test]
fn a_new_attribution_after_a_comma_inside_a_closing_mark() {
    check(
        "Chief Ada Moss said the video did not show \"a clear threat to anyone,\" but she said the other evidence \"fits what we heard\" from witnesses.",
        &[
            (R, "Ada Moss", "said", "the video did not show"),
            (R, "Ada Moss", "said", "the other evidence"),
        ],
    );
}

#[test]
fn a_role_before_a_titled_name_after_the_quote() {
    check(
        "\"Summonses are not a request,\" committee Chairwoman Sen. Ruth Ekland (D-Minn.) said after the witness failed to appear.",
        &[(D, "Ruth Ekland", "said", "Summonses are not a request")],
    );
}

#[test]
fn a_closing_mark_typed_at_the_start_opens_the_quote() {
    check(
        "”The river is our road and our larder. Nobody asked us before they dammed it.” ― Tomas Ek",
        &[(D, "Tomas Ek", "—", "The river is our road")],
    );
}

#[test]
fn a_middle_initial_belongs_to_a_signature_name() {
    check(
        "“Nobody asked the valley before the dam was planned.” ― Rosa M. Quintero.",
        &[(D, "Rosa M. Quintero", "—", "Nobody asked the valley")],
    );
}

#[test]
fn the_subject_of_a_coordinated_speech_verb_is_found_past_time_and_relatives() {
    check(
        "Greenpeace on Monday issued a report on the melt and pledged to fund new stations.",
        &[(R, "Greenpeace", "pledged", "to fund new stations")],
    );
    check(
        "The clip angered commuters, who have crowded the depot and called for the line to reopen.",
        &[(R, "commuters", "called for", "the line to reopen")],
    );
}

#[test]
fn people_before_a_participle_phrase_are_the_subject() {
    check(
        "Farmers driving tractors into the square chanted \"No land, no bread!\" until dusk.",
        &[(D, "Farmers", "chanted", "No land, no bread!")],
    );
}

#[test]
fn a_service_or_a_website_reports() {
    check(
        "The weather service said the storm would reach the coast by noon.",
        &[(R, "The weather service", "said", "the storm would reach")],
    );
    check(
        "The fan website reported that the striker had signed for two seasons.",
        &[(R, "The fan website", "reported", "the striker had signed")],
    );
}

#[test]
fn a_document_with_a_participle_phrase_is_the_subject() {
    check(
        "The harbour survey published Monday shows that silt has doubled since 2010.",
        &[(R, "The harbour survey", "shows", "silt has doubled")],
    );
    check(
        "A census commissioned by the council found that one flat in five stands empty.",
        &[(
            R,
            "A census commissioned by the council",
            "found",
            "one flat in five stands empty",
        )],
    );
}

#[test]
fn a_document_does_not_speak_after_its_verb() {
    // Not `crossings falling` speaking the count: `shows` is the verb of the long subject.
    check(
        "A count of the ferries that have sailed since May 2, 2019, shows crossings falling in every month.",
        &[],
    );
}

#[test]
fn responded_and_pointed_out_take_a_that_clause() {
    check(
        "The ferry operator responded that the timetable had been agreed in March.",
        &[(
            R,
            "The ferry operator",
            "responded",
            "the timetable had been agreed",
        )],
    );
    check(
        "The Greens campaign has pointed out that the levy funds the night buses.",
        &[(
            R,
            "The Greens campaign",
            "pointed",
            "the levy funds the night buses",
        )],
    );
}

#[test]
fn an_age_or_a_relative_clause_between_commas_is_skipped_to_the_subject() {
    check(
        "Ostrova, 61, who has sailed the route for decades, told the inquiry that the buoys were moved.",
        &[(R, "Ostrova", "told the inquiry", "the buoys were moved")],
    );
    check(
        "The harbour survey, which is repeated every spring, showed that silt has doubled since 2010.",
        &[(R, "The harbour survey", "showed", "silt has doubled")],
    );
}

#[test]
fn a_participle_after_a_phrase_of_time_has_the_sentence_subject() {
    check(
        "At a rally earlier in the day, Ostrova attacked the mayor over the closures, saying, \"He has sold the harbour.\"",
        &[
            (R, "Ostrova", "attacked", "the mayor over the closures"),
            (D, "Ostrova", "saying", "He has sold the harbour."),
        ],
    );
    check(
        "Ostrova was defensive when asked about a pilot who said he was never paid, saying, \"He did not finish the job.\"",
        &[
            (R, "a pilot", "said", "he was never paid"),
            (D, "Ostrova", "saying", "He did not finish the job."),
        ],
    );
}

#[test]
fn a_closing_mark_opening_a_paragraph_before_an_ellipsis_opens_the_quote() {
    check(
        "Title\n\n” … and what the valley taught me is that a river keeps its own accounts,” Ostrova said.",
        &[(D, "Ostrova", "said", "… and what the valley taught me")],
    );
}

#[test]
fn an_infinitive_ends_before_a_clause_with_its_own_subject() {
    check(
        "The port authority has vowed to dredge the channel by May, and the ferry union is promising to strike in June.",
        &[
            (
                R,
                "The port authority",
                "vowed",
                "to dredge the channel by May",
            ),
            (R, "the ferry union", "promising", "to strike in June"),
        ],
    );
}

#[test]
fn a_dash_before_a_participle_or_around_an_aside() {
    check(
        "The mayor changed her mind on the spot – saying the tide would not wait for the council.",
        &[(R, "The mayor", "saying", "the tide would not wait")],
    );
    check(
        "Ostrova said — on the radio, as it happens — that the dredger had left the port.",
        &[(R, "Ostrova", "said", "the dredger had left the port")],
    );
}

#[test]
fn a_message_then_saying_reports_the_sentence_subject() {
    check(
        "The council released a statement on Wednesday saying the ferry fares would rise in May.",
        &[(R, "The council", "saying", "the ferry fares would rise")],
    );
    check(
        "The mayor posted a video saying the bridge would reopen before the winter.",
        &[(R, "The mayor", "saying", "the bridge would reopen")],
    );
}

#[test]
fn a_participle_after_a_direct_attribution_reports_its_complement() {
    check(
        "\"Too many empty berths,\" Ostrova said, blaming some of it on the new toll at the lock.",
        &[
            (D, "Ostrova", "said", "Too many empty berths"),
            (R, "Ostrova", "blaming", "some of it on the new toll"),
        ],
    );
}

#[test]
fn a_surname_that_is_also_a_title_word() {
    check(
        "Rosa King, the ferry captain, said the tide was late.\n\n\"We sail at dawn,\" Ms. King said.",
        &[
            (R, "Rosa King", "said", "the tide was late"),
            (D, "Rosa King", "said", "We sail at dawn"),
        ],
    );
}

#[test]
fn a_title_word_after_a_courtesy_title_or_given_name_is_a_surname() {
    // `Mr. King` names a person, not a king to be found in someone's role.
    check(
        "John Dickey, the chief executive of the company that owns Mr. King's show, said the deal was fair.\n\nMr. King said that he rarely watched the network.",
        &[
            (R, "John Dickey", "said", "the deal was fair"),
            (R, "King", "said", "he rarely watched the network"),
        ],
    );
    // A given name before the title word makes it a name too.
    check(
        "I watched Larry King on his new network.\n\nJohn Dickey, the chief executive of the company that owns the show, said the deal was fair.\n\nMr. King said that he rarely watched the network.",
        &[
            (R, "John Dickey", "said", "the deal was fair"),
            (R, "Larry King", "said", "he rarely watched the network"),
        ],
    );
}

#[test]
fn an_aside_between_dashes_before_the_verb_is_skipped() {
    // The name inside the aside does not speak; the apposition before it does.
    check(
        "John Dickey, the chief executive of Ora Media -- the company that owns Mr. Lind's show, which also streams online -- told me, \"We're a content provider.\"",
        &[(D, "John Dickey", "told me", "We're a content provider.")],
    );
    check(
        "Ada Lind -- whose father, Mr. Okafor, founded the firm -- said the firm would grow.",
        &[(R, "Ada Lind", "said", "the firm would grow")],
    );
}

#[test]
fn documents_speak_with_any_verb_of_saying_and_mojibake_keeps_a_name_whole() {
    check(
        "The statement noted they would take further measures if the test went ahead.",
        &[(
            R,
            "The statement",
            "noted",
            "they would take further measures",
        )],
    );
    check(
        "In a Facebook message posted Friday, Cruz said he would vote for the nominee.",
        &[(R, "Cruz", "said", "he would vote for the nominee")],
    );
    // UTF-8 read as Latin-1 leaves symbols and control characters inside a name.
    let text = "\"Europe must be able to defend itself,\" French President Fran\u{c3}\u{83}\u{c2}\u{a7}ois Hollande said Friday.";
    let quotes = extract_quotes(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        quotes[0].speaker.as_ref(),
        "Fran\u{c3}\u{83}\u{c2}\u{a7}ois Hollande"
    );
    // Decomposed accents (a letter, then a combining mark) stay inside the word.
    let text = "\"Europe must act,\" Jose\u{301} Mari\u{301}a Ruiz said. \"We are ready,\" Fran\u{41}\u{303}\u{83}\u{41}\u{302}\u{a7}ois Lenoir said Friday.";
    let quotes = extract_quotes(text);
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0].speaker.as_ref(), "Jose\u{301} Mari\u{301}a Ruiz");
    assert_eq!(
        quotes[1].speaker.as_ref(),
        "Fran\u{41}\u{303}\u{83}\u{41}\u{302}\u{a7}ois Lenoir"
    );
}

/// As [`check`], with each quote's whole text given (not only its start).
fn check_exact(text: &str, exp: &[Exp]) {
    check(text, exp);
    for t in [text.to_string(), text.to_lowercase()] {
        for (q, e) in extract_quotes(&t).iter().zip(exp) {
            assert!(
                q.text(&t).eq_ignore_ascii_case(e.3),
                "{:?} != {:?}",
                q.text(&t),
                e.3
            );
        }
    }
}

#[test]
fn reported_clauses_end_where_another_clause_or_attribution_starts() {
    // A subordinate clause opening the sentence ends at its comma.
    check_exact(
        "When Ms. Reyes noted that the mayor had not paid the fee, the mayor laughed it off.",
        &[(R, "Reyes", "noted", "the mayor had not paid the fee")],
    );
    // ... and the main clause after it may report too.
    check_exact(
        "Although Ms. Reyes conceded the fee was late, the mayor insisted the city had lost nothing.",
        &[
            (R, "Reyes", "conceded", "the fee was late"),
            (R, "the mayor", "insisted", "the city had lost nothing"),
        ],
    );
    // `, though` + an attribution of its own is a second quote.
    check_exact(
        "Okafor said the rules erase some barriers, though she noted clients now demand more.",
        &[
            (R, "Okafor", "said", "the rules erase some barriers"),
            (R, "Okafor", "noted", "clients now demand more"),
        ],
    );
    // `but has said`: auxiliaries between the conjunction and the speech verb.
    check_exact(
        "Lindqvist has urged the allies to spend more but has said he will keep every pledge.",
        &[
            (R, "Lindqvist", "urged", "the allies to spend more"),
            (R, "Lindqvist", "said", "he will keep every pledge"),
        ],
    );
    // A verb in another tense, with no comma, belongs to the reported clause.
    check_exact(
        "Officers say the driver ignored the lights and refused to stop.",
        &[(
            R,
            "Officers",
            "say",
            "the driver ignored the lights and refused to stop",
        )],
    );
}

#[test]
fn reported_speech_with_counts_adverbs_and_long_speaker_descriptions() {
    // `about 20 people`: an approximated count can open a clause without `that`.
    check_exact(
        "Governor Tamsin Hale has said about 20 people have asked for the seat.",
        &[(
            R,
            "Tamsin Hale",
            "said",
            "about 20 people have asked for the seat",
        )],
    );
    // `-fully` adverbs are not part of the speaker.
    check(
        "Democrats successfully argued that the map split the district.",
        &[(R, "Democrats", "argued", "the map split the district")],
    );
    // `CLAUSE, said X, a ... who ...` and `CLAUSE, said X in the room`.
    check_exact(
        "The first ads could run this week, said Dana Ruiz, a longtime adviser to the family who runs the fund.",
        &[(R, "Dana Ruiz", "said", "The first ads could run this week")],
    );
    check_exact(
        "The meeting went badly from there, said one aide in the room.",
        &[(R, "one aide", "said", "The meeting went badly from there")],
    );
    // The clause continuing after the speaker is still the speaker's (`A, said X, B`).
    check(
        "The plan, said Okafor, is a disaster for the city and its people.",
        &[(R, "Okafor", "said", "The plan")],
    );
}

#[test]
fn participle_after_a_quote_and_titled_appositives() {
    // `X said: "...," adding that ...`: the participle reports for the same speaker.
    check(
        "In a statement, Peabody said: \"The deal was good,\" adding that its value doubled in a year.",
        &[
            (D, "Peabody", "said", "The deal was good"),
            (R, "Peabody", "adding", "its value doubled in a year"),
        ],
    );
    // A courtesy title before the name in an apposition is not part of the speaker.
    check_exact(
        "The minister, Mr. Guajardo Villarreal, argues the plan will fail.",
        &[(R, "Guajardo Villarreal", "argues", "the plan will fail")],
    );
}

#[test]
fn attributions_inside_relative_clauses() {
    // `in which X argued that ...`: a relative clause after a preposition is whole.
    check_exact(
        "It was a hearing in which Democrats argued that the map was unfair.",
        &[(R, "Democrats", "argued", "the map was unfair")],
    );
    // A relative clause between commas ends at its closing comma ...
    check_exact(
        "The hearing, during which Smith said the map was unfair, lasted an hour.",
        &[(R, "Smith", "said", "the map was unfair")],
    );
    // ... and the main clause after it may report for the antecedent, even when the
    // relative clause holds a negation.
    check_exact(
        "Moreau, who said in an interview that he did not sign, recalled that the lawyer threatened him.",
        &[
            (R, "Moreau", "said", "he did not sign"),
            (R, "Moreau", "recalled", "the lawyer threatened him"),
        ],
    );
    // The policy is the object of `say`, not its clause.
    check("The policy that Democrats say is failing will stay.", &[]);
    check("Smith did not say the plan would fail.", &[]);
}

#[test]
fn speakers_with_an_age_or_home_town_and_offices_of_another_rank() {
    // `X, 61, of Town, Region, said`: the age and home town are not the speaker.
    check_exact(
        "Chief Justice Ana Pereira spoke first. Lionel Marsh, of Dayton, Ohio, said the museum was beautiful.",
        &[(R, "Lionel Marsh", "said", "the museum was beautiful")],
    );
    check_exact(
        "Nadia Okoro, 59, of Leeds, who watched the parade, said the event brought back memories.",
        &[(R, "Nadia Okoro", "said", "the event brought back memories")],
    );
    // ... and the clause after `said` there is not a speaker of the words before it.
    check(
        "Prices will rise, said an official briefed on the talks.",
        &[(R, "an official", "said", "Prices will rise")],
    );
    check(
        "\"Nobody will move,\" said one unaligned Ohio strategist.",
        &[(
            D,
            "one unaligned Ohio strategist",
            "said",
            "Nobody will move",
        )],
    );
    // `, though X noted` after a comma inside a closing mark is another attribution.
    check(
        "Lena Ortiz said she speaks about crime because \"you talk about what is in front of you,\" though she noted she has also pushed for tougher sentences.",
        &[
            (R, "Lena Ortiz", "said", "she speaks about crime because"),
            (
                R,
                "Lena Ortiz",
                "noted",
                "she has also pushed for tougher sentences",
            ),
        ],
    );
    // A fronted clause before a quote's attribution ends at a comma or a dash.
    check(
        "When Ortiz noted that Hale had paid no income tax \u{2015} as was true for years \u{2015} Hale boasted, \"That makes me smart.\"",
        &[
            (R, "Ortiz", "noted", "Hale had paid no income tax"),
            (D, "Hale", "boasted", "That makes me smart."),
        ],
    );
    // An aside between commas before `that`.
    check(
        "Several economists cautioned, as did the campaign itself, that the proposals might change after the election.",
        &[(
            R,
            "Several economists",
            "cautioned",
            "the proposals might change after the election",
        )],
    );
    // A relative clause with its own attribution is not the speaker's.
    check_exact(
        "Bamberg also said the videos do not show what Scott held, which he said were his keys.",
        &[(
            R,
            "Bamberg",
            "said",
            "the videos do not show what Scott held",
        )],
    );
    // `compared X to Y` characterises, when someone speaks (not `Sales compared favorably`).
    check(
        "Aaron Vick compared the senator to a coach who is \"working the referees\" before a game.",
        &[(
            R,
            "Aaron Vick",
            "compared",
            "the senator to a coach who is \"working the referees\"",
        )],
    );
    check("Sales compared favorably with the year before.", &[]);
    // Lower case: a surname shaped like a past tense right before a speech verb is a name.
    check(
        "In a statement, Jon Husted said the ruling was wrong. Husted said the state would appeal.",
        &[
            (R, "Jon Husted", "said", "the ruling was wrong"),
            (R, "Jon Husted", "said", "the state would appeal"),
        ],
    );
    // A document's head noun is the word before its postmodifier (`a study from 2011`).
    check(
        "As another Pew study from 2011 noted, the average age of the voters was 18.",
        &[(
            R,
            "another Pew study from 2011",
            "noted",
            "the average age of the voters was 18",
        )],
    );
    check(
        "Leaked documents from his 1995 tax return show he took a large loss.",
        &[(
            R,
            "Leaked documents from his 1995 tax return",
            "show",
            "he took a large loss",
        )],
    );
    // A negated verb after `and` goes on with the clause; `, as was ...` is the writer's.
    check_exact(
        "Lena Cole said she has not held fundraising dinners and never called a donor for money.",
        &[(
            R,
            "Lena Cole",
            "said",
            "she has not held fundraising dinners and never called a donor for money",
        )],
    );
    check_exact(
        "Brandt said he does not give interviews publicly, as was the case with the briefing.",
        &[(R, "Brandt", "said", "he does not give interviews publicly")],
    );
    // A gerund right after a verb of saying is what was said.
    check(
        "Mayor Ortiz denied taking money from the foundation. She acknowledged making mistakes in the campaign.",
        &[
            (R, "Ortiz", "denied", "taking money from the foundation"),
            (
                R,
                "Ortiz",
                "acknowledged",
                "making mistakes in the campaign",
            ),
        ],
    );
    check("The council noted nothing unusual in the accounts.", &[]);
    // A coordinated subject whose last part cannot speak is read whole.
    check(
        "Experts on Iran and nuclear nonproliferation said the latest test could change that.",
        &[(
            R,
            "Experts on Iran and nuclear nonproliferation",
            "said",
            "the latest test could change that",
        )],
    );
    // A family, relatives or friends speak as a group.
    check(
        "Scott's family has called on police to release the videos. Friends said he was quiet.",
        &[
            (
                R,
                "Scott's family",
                "called on",
                "police to release the videos",
            ),
            (R, "Friends", "said", "he was quiet"),
        ],
    );
    // A country named alone acts as its government, also in lower case.
    check(
        "Japan branded its neighbour an \"outlaw nation\" on Friday. North Korea vowed to continue its tests.",
        &[
            (R, "Japan", "branded", "its neighbour an \"outlaw nation\""),
            (R, "North Korea", "vowed", "to continue its tests"),
        ],
    );
    // A speech verb coordinated with another verb of a short sentence-initial subject: a role
    // description or a personal pronoun speaks too.
    check(
        "The Republican nominee also outlined his plan and vowed to punish leakers.",
        &[
            (R, "The Republican nominee", "outlined", "his plan"),
            (R, "The Republican nominee", "vowed", "to punish leakers"),
        ],
    );
    check(
        "She toured the plant and said the jobs would stay.",
        &[(R, "She", "said", "the jobs would stay")],
    );
    check("It rained all day and said nothing about the game.", &[]);
    // `and`/`but` then another speaker's speech verb, without a comma, starts a new quote.
    check(
        "Republicans said the agency mishandled the inquiry and Democrats accused the party of stoking the issue.",
        &[
            (
                R,
                "Republicans",
                "said",
                "the agency mishandled the inquiry",
            ),
            (R, "Democrats", "accused", "the party of stoking the issue"),
        ],
    );
    check_exact(
        "Mara Lind said that only people such as Tom and Jerry Koch wanted open borders.",
        &[(
            R,
            "Mara Lind",
            "said",
            "only people such as Tom and Jerry Koch wanted open borders",
        )],
    );
    // A clause subject that cannot speak leaves `noted that` to the sentence's speaker.
    check(
        "His aides say it is too early to plan a run but noted that Vance won two hard races.",
        &[
            (R, "His aides", "say", "it is too early to plan a run"),
            (R, "His aides", "noted", "Vance won two hard races"),
        ],
    );
    // ... nor is a past form before the noun (`one unaligned strategist`) a clause's verb.
    check(
        "Nobody will move this year, said one unaligned Ohio strategist.",
        &[(
            R,
            "one unaligned Ohio strategist",
            "said",
            "Nobody will move this year",
        )],
    );
    check(
        "Turnout will be low, said the newly elected mayor of Akron.",
        &[(
            R,
            "the newly elected mayor of Akron",
            "said",
            "Turnout will be low",
        )],
    );
    // `the president` is not the vice president named earlier.
    let t = "Vice President Karl Brandt spoke at the rally. Later the president said the economy was strong.";
    check(t, &[(R, "the president", "said", "the economy was strong")]);
    let t = "Democratic vice presidential nominee Karl Brandt spoke. Later the Democratic presidential nominee said the economy was strong.";
    check(
        t,
        &[(
            R,
            "the Democratic presidential nominee",
            "said",
            "the economy was strong",
        )],
    );
    let t = "President Karl Brandt spoke at the rally. Later the president said the economy was strong.";
    check(t, &[(R, "Karl Brandt", "said", "the economy was strong")]);
}

#[test]
fn directives_report_the_object_and_its_infinitive() {
    check_exact(
        "Senator Ines Varga has encouraged the allies to raise their spending.",
        &[(
            R,
            "Ines Varga",
            "encouraged",
            "the allies to raise their spending",
        )],
    );
    check_exact(
        "Fellow members are urging Okafor to make the next vote count.",
        &[(
            R,
            "Fellow members",
            "urging",
            "Okafor to make the next vote count",
        )],
    );
    check(
        "Mayor Lund told his aides to find another site.",
        &[(
            R,
            "Lund",
            "told his aides",
            "his aides to find another site",
        )],
    );
    // Quoted words right after `to` (a mixed quote).
    check(
        "Cruz exhorted delegates to \"vote your conscience\" at the convention.",
        &[(
            R,
            "Cruz",
            "exhorted",
            "delegates to \"vote your conscience\"",
        )],
    );
    // Not a directive: `told the story to his friends`.
    check("Lund told the story to her friends.", &[]);
}

#[test]
fn complements_with_relative_clauses_and_organisations_after_the() {
    // `accused Y, who ..., of ...`: the relative clause is inside the complement.
    check_exact(
        "Marsh repeatedly accused Ortega, who was born and raised in Lima, of lying to the board.",
        &[(
            R,
            "Marsh",
            "accused",
            "Ortega, who was born and raised in Lima, of lying to the board",
        )],
    );
    // ... but a relative clause on the complement's last noun is the writer's.
    check_exact(
        "Marsh criticized the plan, which passed in May.",
        &[(R, "Marsh", "criticized", "the plan")],
    );
    // `the NAACP`: a capitalised name after `the` is an organisation, which can call for things.
    let t = "Last year, the NAACP called for a moratorium on new schools.";
    let qs = extract_quotes(t);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].text(t), "a moratorium on new schools");
    assert!(qs[0].speaker.ends_with("NAACP"), "{qs:?}");
}

#[test]
fn a_speech_verb_in_another_tense_goes_with_the_reported_clause_subject() {
    // `X says Y promised A and said B`: Y said B.
    check_exact(
        "Lindgren says Ortega promised to back the party and said she would campaign in Ohio.",
        &[
            (R, "Lindgren", "says", "Ortega promised to back the party"),
            (R, "Ortega", "said", "she would campaign in Ohio"),
        ],
    );
    // An act in another tense stays in the clause (`and refused to stop`), as does a speech
    // verb whose subject cannot speak...
    check_exact(
        "The senator says the plan failed and warned of rising costs.",
        &[(
            R,
            "The senator",
            "says",
            "the plan failed and warned of rising costs",
        )],
    );
    // ... unless `that` follows it: then it is the sentence's speaker's.
    check_exact(
        "The senator says the plan failed and warned that costs would rise.",
        &[
            (R, "The senator", "says", "the plan failed"),
            (R, "The senator", "warned", "costs would rise"),
        ],
    );
}

#[test]
fn a_court_rules_that() {
    check_exact(
        "The appeals court ruled that the county had removed eligible voters.",
        &[(
            R,
            "The appeals court",
            "ruled",
            "the county had removed eligible voters",
        )],
    );
    // `ruled out` is not a ruling.
    check("Marsh ruled out a run for the seat.", &[]);
}

#[test]
fn an_aside_between_the_speaker_and_the_verb_is_skipped() {
    check_exact(
        "Lindgren, like her rival, has said the deal was a mistake.",
        &[(R, "Lindgren", "said", "the deal was a mistake")],
    );
    check_exact(
        "Ortega, for her part, said the vote would be close.",
        &[(R, "Ortega", "said", "the vote would be close")],
    );
    check_exact(
        "Mayor Ortega, in a statement, said the vote would be close.",
        &[(R, "Ortega", "said", "the vote would be close")],
    );
    // An apposition naming the speaker is not an aside.
    check(
        "The paper's correspondent in Lima, Rosa Vidal, said the vote would be close.",
        &[(R, "Rosa Vidal", "said", "the vote would be close")],
    );
}

#[test]
fn a_coordinated_speech_verb_after_a_writers_clause_keeps_the_speaker() {
    // `X supported Y, which ..., and said B`: the relative clause is the writer's, and X said B.
    check_exact(
        "Lindgren supported the union during her years at the mill, which closed in 2015, and said she would not back the mayor.",
        &[
            (R, "Lindgren", "supported", "the union"),
            (R, "Lindgren", "said", "she would not back the mayor"),
        ],
    );
}

#[test]
fn that_after_a_phrase_of_time_or_means() {
    check_exact(
        "Curtis Haugland, who has argued for years that delegates can't be bound, left the party.",
        &[(R, "Curtis Haugland", "argued", "delegates can't be bound")],
    );
    check_exact(
        "Lindgren said by phone that the deal was off.",
        &[(R, "Lindgren", "said", "the deal was off")],
    );
}

#[test]
fn a_verb_with_its_own_particle_attributes_the_noun_phrase_after_it() {
    check(
        "Governor Lena Park warned against cuts to the school budget.",
        &[(
            R,
            "Lena Park",
            "warned against",
            "cuts to the school budget",
        )],
    );
    check(
        "Okafor spoke of her early discussions with the museum's director.",
        &[(
            R,
            "Okafor",
            "spoke of",
            "her early discussions with the museum's director",
        )],
    );
    check(
        "The central bank pointed to Brazil's slowing exports as a warning sign.",
        &[(
            R,
            "The central bank",
            "pointed to",
            "Brazil's slowing exports as a warning sign",
        )],
    );
    check(
        "The union issued a paper, calling for new hiring rules and talking about the cost of overtime.",
        &[(
            R,
            "The union",
            "calling for",
            "new hiring rules and talking about the cost of overtime",
        )],
    );
    // Without its particle the verb attributes nothing, nor before a phrase of time.
    for text in [
        "The senator talked to reporters after the vote.",
        "Sanders spoke in Ohio on Monday.",
        "Haugland, who has argued for years with the board, left the party.",
    ] {
        assert!(extract_quotes(text).is_empty(), "{text}");
    }
}

#[test]
fn a_particle_verb_inside_a_reported_clause_stays_in_it() {
    check(
        "Former crew members said the host ranked the guests by their looks and talked about which ones he liked.",
        &[(
            R,
            "Former crew members",
            "said",
            "the host ranked the guests by their looks and talked about which ones he liked",
        )],
    );
}

#[test]
fn a_noun_phrase_complement_ends_before_a_new_clause() {
    check(
        "Even as a boy living in a town where my father referred to the mayor as a crook, I knew the insult was wrong.",
        &[
            (R, "my father", "referred to", "the mayor as a crook"),
            (R, "I", "knew", "the insult was wrong"),
        ],
    );
}

#[test]
fn according_to_after_a_dash() {
    check(
        "Half of the clinic's advice is unproven — or plainly wrong — according to the journal's editors.",
        &[(
            R,
            "the journal's editors",
            "according to",
            "Half of the clinic's advice is unproven — or plainly wrong",
        )],
    );
}

#[test]
fn an_organisation_known_by_its_initials_speaks_in_lowercase_text() {
    check(
        "In July, the NAACP called for a moratorium on new charter schools.",
        &[(
            R,
            "the NAACP",
            "called for",
            "a moratorium on new charter schools",
        )],
    );
}

#[test]
fn a_verb_that_also_takes_a_noun_phrase_attributes_it() {
    check(
        "Police announced the arrest of a second suspect in the robbery.",
        &[(
            R,
            "Police",
            "announced",
            "the arrest of a second suspect in the robbery",
        )],
    );
    check(
        "The county board has promised a review of every contract.",
        &[(
            R,
            "The county board",
            "promised",
            "a review of every contract",
        )],
    );
    check(
        "Mayor Ines Duarte acknowledged the city's long struggle with flooding.",
        &[(
            R,
            "Ines Duarte",
            "acknowledged",
            "the city's long struggle with flooding",
        )],
    );
    // The clause it also takes is still read as one.
    check(
        "Mayor Ines Duarte announced on Friday that the bridge would reopen.",
        &[(R, "Ines Duarte", "announced", "the bridge would reopen")],
    );
}

#[test]
fn a_list_of_speakers_with_commas_speaks_as_one_group() {
    check(
        "Germany, Britain and France support the new sanctions on the regime.",
        &[(
            R,
            "Germany, Britain and France",
            "support",
            "the new sanctions on the regime",
        )],
    );
}

#[test]
fn a_place_ending_in_a_common_word_speaks() {
    check(
        "The United States said the embargo would stay in place.",
        &[(
            R,
            "The United States",
            "said",
            "the embargo would stay in place",
        )],
    );
}

#[test]
fn a_document_by_an_author_shows_or_finds() {
    check(
        "A 2019 audit by the state comptroller found 40 contracts without bids.",
        &[(
            R,
            "A 2019 audit by the state comptroller",
            "found",
            "40 contracts without bids",
        )],
    );
}

#[test]
fn a_past_form_after_a_determiner_is_no_speech_verb() {
    check(
        "Ms. Adler hopes to offset all of the expected costs with new grants.",
        &[(
            R,
            "Adler",
            "hopes",
            "to offset all of the expected costs with new grants",
        )],
    );
    check(
        "Trade ministers almost unanimously expressed alarm over the new tariffs.",
        &[(
            R,
            "Trade ministers",
            "expressed",
            "alarm over the new tariffs",
        )],
    );
}

#[test]
fn acts_of_advocacy_attribute_their_object() {
    check(
        "The senator outlined her plan for rural broadband at a town hall.",
        &[(R, "The senator", "outlined", "her plan for rural broadband")],
    );
    check(
        "The mayor has promoted a raft of untested treatments for addiction.",
        &[(
            R,
            "The mayor",
            "promoted",
            "a raft of untested treatments for addiction",
        )],
    );
    check(
        "Union leaders demand higher wages and safer shifts.",
        &[(
            R,
            "Union leaders",
            "demand",
            "higher wages and safer shifts",
        )],
    );
}
