//! Duplicate stories: exact copies (same normalised title and body) and near copies (wire
//! stories republished with small edits), recognised while loading.
//!
//! Each article gets a [`Fingerprint`] on the worker thread that loaded it: a hash of its
//! normalised words, and a MinHash signature of its word 3-shingles. Two articles are near
//! copies when the signatures estimate a Jaccard similarity of at least [`NEAR_JACCARD`].
//! SimHash with a few bits of tolerance misses short wire stories with two or three edits,
//! which MinHash catches. [`DupIndex`] finds candidates without comparing every pair
//! (locality-sensitive hashing: 8 bands of 4 values; a pair at similarity 0.8 shares a band
//! with probability 0.985).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Estimated Jaccard similarity of shingle sets at or above which two stories are near copies.
pub const NEAR_JACCARD: f32 = 0.7;

/// Below this many shingles a text is too short for similarity to mean anything (one-line
/// tables, briefs): only exact copies are detected.
const MIN_SHINGLES: usize = 24;

/// MinHash signature length, and its banding for candidate lookup.
const SIGNATURE_LEN: usize = 32;
const BANDS: usize = 8;
const ROWS: usize = SIGNATURE_LEN / BANDS;

/// A MinHash signature: the low 16 bits of each minimum (uniform, since the minima are;
/// two different minima agree there once in 65,536, which moves a similarity estimate by
/// less than 0.001 on average, for half the memory).
pub type Signature = [u16; SIGNATURE_LEN];

/// What identifies an article's story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fingerprint {
    /// Hash of the normalised title and body words.
    pub exact: u64,
    /// MinHash of the body's word 3-shingles; `None` for short texts.
    pub minhash: Option<Signature>,
}

/// A stable 64-bit FNV-1a hash (the same in every build, unlike `DefaultHasher`'s keys).
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn fnv() -> Fnv {
    Fnv(0xcbf2_9ce4_8422_2325)
}

/// Hashes of the lower-cased alphanumeric words of `text`, without allocating per word (case
/// and punctuation differences never make a new story).
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    let mut h = fnv();
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            in_word = true;
            if c.is_ascii() {
                h.write(&[c.to_ascii_lowercase() as u8]);
            } else {
                for l in c.to_lowercase() {
                    h.write(l.encode_utf8(&mut [0; 4]).as_bytes());
                }
            }
        } else if in_word {
            out.push(h.finish());
            h = fnv();
            in_word = false;
        }
    }
    if in_word {
        out.push(h.finish());
    }
}

/// Mixes 64-bit values into one (splitmix64 finaliser), for shingles of word hashes.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Fingerprints a story from its title and body text.
pub fn fingerprint(title: &str, body: &str) -> Fingerprint {
    let mut words = Vec::new();
    word_hashes(title, &mut words);
    let title_len = words.len();
    word_hashes(body, &mut words);
    let mut exact = fnv();
    for (i, w) in words.iter().enumerate() {
        if i == title_len {
            exact.write(&[0xFF]);
        }
        exact.write(&w.to_le_bytes());
    }
    let body_words = &words[title_len..];
    let shingles = body_words.len().saturating_sub(2);
    let minhash = (shingles >= MIN_SHINGLES).then(|| {
        // Each word mixed once; a shingle mixes its three words' values, in order.
        let mixed: Vec<u64> = body_words.iter().map(|&w| mix(w)).collect();
        let mut sig = [u32::MAX; SIGNATURE_LEN];
        for w in mixed.windows(3) {
            let h = mix(w[0].rotate_left(42) ^ w[1].rotate_left(21) ^ w[2]);
            // The hash functions h_i = h1 + i * h2 (Kirsch and Mitzenmacher): additions
            // only, so the compiler updates many slots per instruction.
            let (h1, h2) = (h as u32, (h >> 32) as u32 | 1);
            let mut v = h1;
            for slot in &mut sig {
                *slot = (*slot).min(v);
                v = v.wrapping_add(h2);
            }
        }
        sig.map(|v| v as u16)
    });
    Fingerprint {
        exact: exact.finish(),
        minhash,
    }
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &Signature, b: &Signature) -> f32 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f32 / SIGNATURE_LEN as f32
}

/// How an article relates to the ones already indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DupStatus {
    /// The first copy of its story.
    Original,
    /// The same normalised text as article `of`.
    Exact { of: usize },
    /// Nearly the same text as article `of` (similarity at least [`NEAR_JACCARD`]).
    Near { of: usize },
}

impl DupStatus {
    /// The original this is a copy of, if any.
    pub fn original(self) -> Option<usize> {
        match self {
            DupStatus::Original => None,
            DupStatus::Exact { of } | DupStatus::Near { of } => Some(of),
        }
    }
}

/// Finds duplicates among articles added one by one (ids are the caller's indices, from 0 up).
///
/// The index keeps no signatures of its own: the caller holds each article's fingerprint and
/// lends them to [`DupIndex::insert`] for comparison. Band keys are 32-bit hashes, kept in a
/// bucket table of about one bucket per four band entries: a shared bucket or a false
/// candidate only costs a key or signature comparison.
#[derive(Debug, Default, Clone)]
pub struct DupIndex {
    // Keys are hashes already: a fast hasher is enough.
    exact: FastMap<u64, u32>,
    /// Bucket (band key's low bits) → the latest member in it, as an index into `members`.
    /// Its length is a power of two (or zero).
    heads: Vec<u32>,
    /// The band entries of every original, in insertion order, each linked to the previous
    /// one of its bucket (newest first).
    members: Vec<Member>,
    /// The status of each added id, by id, packed (see [`pack`]).
    status: Vec<u32>,
}

/// One band of one original.
#[derive(Debug, Clone, Copy)]
struct Member {
    key: u32,
    id: u32,
    /// The previous member of the same bucket, or [`NO_MEMBER`].
    previous: u32,
}

type FastMap<K, V> = HashMap<K, V, crate::extract::FxBuild>;

/// A packed [`DupStatus`]: `ORIGINAL`, the original's id for an exact copy, or the id with
/// [`NEAR`] set for a near copy (4 bytes an article instead of 16).
const ORIGINAL: u32 = u32::MAX;
const NEAR: u32 = 1 << 31;

fn pack(status: DupStatus) -> u32 {
    let id = |of: usize| u32::try_from(of).ok().filter(|&o| o < NEAR - 1);
    match status {
        DupStatus::Original => ORIGINAL,
        // Copies of an article past 2 billion are not marked.
        DupStatus::Exact { of } => id(of).unwrap_or(ORIGINAL),
        DupStatus::Near { of } => id(of).map_or(ORIGINAL, |o| o | NEAR),
    }
}

fn unpack(packed: u32) -> DupStatus {
    match packed {
        ORIGINAL => DupStatus::Original,
        p if p & NEAR != 0 => DupStatus::Near {
            of: (p & !NEAR) as usize,
        },
        p => DupStatus::Exact { of: p as usize },
    }
}

/// The end of a bucket's list of members.
const NO_MEMBER: u32 = u32::MAX;

impl DupIndex {
    /// Adds article `id` with fingerprint `fp` and returns its status. Copies point at the
    /// original, never at another copy. `signature_of` gives the signature of an earlier
    /// article by id.
    pub fn insert<'s>(
        &mut self,
        id: usize,
        fp: &Fingerprint,
        signature_of: impl Fn(usize) -> Option<&'s Signature>,
    ) -> DupStatus {
        let status = self.classify(fp, signature_of);
        // Past 4 billion articles, copies of later ones are no longer looked for.
        if let Ok(id32) = u32::try_from(id)
            && status == DupStatus::Original
        {
            self.exact.entry(fp.exact).or_insert(id32);
            if let Some(sig) = &fp.minhash {
                self.make_room(BANDS);
                for key in bands(sig) {
                    let Some(node) = u32::try_from(self.members.len())
                        .ok()
                        .filter(|&n| n != NO_MEMBER)
                    else {
                        break;
                    };
                    let bucket = self.bucket(key);
                    let previous = std::mem::replace(&mut self.heads[bucket], node);
                    self.members.push(Member {
                        key,
                        id: id32,
                        previous,
                    });
                }
            }
        }
        if self.status.len() <= id {
            self.status.resize(id + 1, ORIGINAL);
        }
        self.status[id] = pack(status);
        status
    }

    /// Makes room for `additional` more ids (each adds at most one entry per band).
    pub fn reserve(&mut self, additional: usize) {
        self.exact.reserve(additional);
        self.members.reserve(additional * BANDS);
        self.make_room(additional * BANDS);
        self.status.reserve(additional);
    }

    fn bucket(&self, key: u32) -> usize {
        key as usize & (self.heads.len() - 1)
    }

    /// Grows the bucket table, if needed, to hold `more` members at four per bucket, and
    /// relinks every member (in insertion order, so lists stay newest first).
    fn make_room(&mut self, more: usize) {
        let wanted = (self.members.len() + more).div_ceil(4).next_power_of_two();
        if self.heads.len() >= wanted {
            return;
        }
        self.heads = vec![NO_MEMBER; wanted];
        for node in 0..self.members.len() {
            let bucket = self.bucket(self.members[node].key);
            self.members[node].previous = std::mem::replace(&mut self.heads[bucket], node as u32);
        }
    }

    fn classify<'s>(
        &self,
        fp: &Fingerprint,
        signature_of: impl Fn(usize) -> Option<&'s Signature>,
    ) -> DupStatus {
        if let Some(&of) = self.exact.get(&fp.exact) {
            return DupStatus::Exact { of: of as usize };
        }
        let Some(sig) = &fp.minhash else {
            return DupStatus::Original;
        };
        if self.heads.is_empty() {
            return DupStatus::Original;
        }
        // The most similar earlier original (ties: the earliest).
        let mut best: Option<(f32, usize)> = None;
        for key in bands(sig) {
            let mut node = self.heads[self.bucket(key)];
            while let Some(member) = self.members.get(node as usize) {
                node = member.previous;
                if member.key != key {
                    continue;
                }
                let candidate = member.id as usize;
                let Some(other) = signature_of(candidate) else {
                    continue;
                };
                let sim = similarity(sig, other);
                let better = best.is_none_or(|(s, c)| sim > s || (sim == s && candidate < c));
                if sim >= NEAR_JACCARD && better {
                    best = Some((sim, candidate));
                }
            }
        }
        best.map_or(DupStatus::Original, |(_, of)| DupStatus::Near { of })
    }

    pub fn status(&self, id: usize) -> DupStatus {
        self.status
            .get(id)
            .map_or(DupStatus::Original, |&s| unpack(s))
    }

    /// Number of ids that are copies of another.
    pub fn copies(&self) -> usize {
        self.status.iter().filter(|s| **s != ORIGINAL).count()
    }
}

/// The band keys of a signature: each band's rows hashed together.
fn bands(sig: &Signature) -> impl Iterator<Item = u32> + '_ {
    sig.chunks(ROWS).enumerate().map(|(band, rows)| {
        let mut h = fnv();
        h.write_u8(band as u8);
        rows.hash(&mut h);
        // FNV's high bits mix the whole input as well as its low ones.
        (h.finish() >> 32) as u32
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Adds fingerprints one by one, as the corpus does, and returns the last status.
    #[derive(Default)]
    struct Added {
        index: DupIndex,
        fps: Vec<Fingerprint>,
    }

    impl Added {
        fn add(&mut self, fp: Fingerprint) -> DupStatus {
            let id = self.fps.len();
            let fps = &self.fps;
            let status = self
                .index
                .insert(id, &fp, |j| fps.get(j).and_then(|f| f.minhash.as_ref()));
            self.fps.push(fp);
            status
        }
    }

    const BODY: &str = "The central bank raised its benchmark interest rate by half a point on \
        Tuesday, citing persistent inflation in food and energy prices. Analysts had expected a \
        smaller move. The governor told reporters that further increases could follow if price \
        pressures did not ease over the coming months, and that the bank would watch wages.";

    #[test]
    fn exact_copies_ignore_case_spacing_and_punctuation() {
        let a = fingerprint("Bank raises rates", BODY);
        let b = fingerprint("BANK RAISES RATES", &format!("  {}\n", BODY.to_uppercase()));
        assert_eq!(a.exact, b.exact);
        let mut added = Added::default();
        assert_eq!(added.add(a), DupStatus::Original);
        assert_eq!(added.add(b), DupStatus::Exact { of: 0 });
        assert_eq!(added.index.copies(), 1);
        assert_eq!(added.index.status(1), DupStatus::Exact { of: 0 });
    }

    #[test]
    fn a_wire_copy_with_small_edits_is_a_near_copy() {
        let edited = BODY
            .replace("Tuesday", "Wednesday")
            .replace("smaller", "much smaller");
        let mut added = Added::default();
        added.add(fingerprint("Bank raises rates", BODY));
        let status = added.add(fingerprint("Central bank lifts rates", &edited));
        assert_eq!(status, DupStatus::Near { of: 0 });
        assert_eq!(status.original(), Some(0));
    }

    #[test]
    fn different_stories_are_not_copies() {
        let other = "Heavy rain flooded several districts of the capital overnight, closing \
            schools and roads. Emergency services rescued dozens of residents trapped in their \
            homes, and the weather office warned that more storms were likely this week across \
            the northern provinces, where rivers are already high after a wet spring.";
        let mut added = Added::default();
        added.add(fingerprint("Bank raises rates", BODY));
        assert_eq!(added.add(fingerprint("Floods", other)), DupStatus::Original);
    }

    #[test]
    fn copies_are_found_after_the_bucket_table_grows() {
        // Distinct stories: each sentence names its own numbers, so no two share shingles.
        let story = |n: usize| -> String {
            (0..40)
                .map(|k| format!("item{n}x{k} moved by {} points", n * 100 + k))
                .collect::<Vec<_>>()
                .join(" and ")
        };
        let mut added = Added::default();
        for n in 0..300 {
            assert_eq!(added.add(fingerprint("t", &story(n))), DupStatus::Original);
        }
        // Grown from nothing, one original at a time, far past its first size.
        assert!(added.index.heads.len() >= 300 * BANDS / 4);
        let edited = story(7).replacen("moved", "rose", 1);
        assert_eq!(
            added.add(fingerprint("t", &edited)),
            DupStatus::Near { of: 7 }
        );
        assert_eq!(
            added.add(fingerprint("t", &story(250))),
            DupStatus::Exact { of: 250 }
        );
    }

    #[test]
    fn statuses_pack_into_four_bytes_and_back() {
        for status in [
            DupStatus::Original,
            DupStatus::Exact { of: 0 },
            DupStatus::Exact { of: 123_456 },
            DupStatus::Near { of: 0 },
            DupStatus::Near {
                of: (NEAR - 2) as usize,
            },
        ] {
            assert_eq!(unpack(pack(status)), status);
        }
        // Past the packable range a copy reads as an original rather than a wrong one.
        assert_eq!(
            unpack(pack(DupStatus::Near {
                of: (NEAR - 1) as usize
            })),
            DupStatus::Original
        );
    }

    #[test]
    fn short_texts_only_match_exactly() {
        let a = fingerprint("Results", "shr 1.20 dlrs vs 90 cts");
        let b = fingerprint("Results", "shr 1.25 dlrs vs 90 cts");
        assert_eq!(a.minhash, None);
        let mut added = Added::default();
        added.add(a);
        assert_eq!(added.add(b), DupStatus::Original);
    }
}
