//! Interned strings for the short, endlessly repeated words of extraction results: units
//! (`USD`), qualifiers (`about`), measures and labels (`trade value`), speakers, roles and
//! speech cues.
//!
//! A corpus of 100,000 articles holds about a million figures and quotes, but only a few
//! thousand distinct units and labels and some tens of thousands of speakers. A [`Sym`] is a
//! 4-byte handle to one copy of each string, so a figure costs a fixed 56 bytes and no heap
//! allocation of its own, instead of five `String`s.
//!
//! The table only grows: a string interned once stays for the life of the process (a few
//! megabytes for the largest corpora). Reading a `Sym` is lock-free; interning takes a lock.

use std::borrow::Borrow;
use std::cell::Cell;
use std::collections::HashSet;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::{Mutex, OnceLock, PoisonError};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{FxBuild, FxHasher};

/// Symbols per page of the look-up table, and pages: room for 16.7 million distinct strings.
const PAGE_BITS: u32 = 12;
const PAGE_LEN: usize = 1 << PAGE_BITS;
const PAGES: usize = 4096;

type Page = Box<[OnceLock<&'static str>]>;

/// Symbol id → string. Pages are made on first use; a slot is set once, before its id is
/// handed out, and never changes, so readers need no lock.
static TABLE: [OnceLock<Page>; PAGES] = [const { OnceLock::new() }; PAGES];

/// String → symbol id, for interning. Id 0 is the empty string and is not stored.
struct Interner {
    /// The ids, hashed and compared by their strings (4 bytes an entry, where a
    /// `&'static str` key would take 16 more).
    ids: HashSet<Key, FxBuild>,
    next: u32,
    /// The unused rest of the current block of string storage (strings are copied in one
    /// after another: no allocation, nor its bookkeeping, per string).
    free: &'static mut [u8],
}

/// Bytes of string storage taken from the allocator at a time.
const BLOCK_LEN: usize = 64 * 1024;

impl Interner {
    /// A copy of `s` that lives for the rest of the program.
    fn store(&mut self, s: &str) -> &'static str {
        let len = s.len();
        if len > BLOCK_LEN / 4 {
            return Box::leak(s.into());
        }
        if self.free.len() < len {
            self.free = Box::leak(vec![0u8; BLOCK_LEN].into_boxed_slice());
        }
        let (piece, rest) = std::mem::take(&mut self.free).split_at_mut(len);
        self.free = rest;
        piece.copy_from_slice(s.as_bytes());
        // A byte copy of a `str` is valid UTF-8.
        std::str::from_utf8(piece).unwrap_or_default()
    }
}

/// An id in the interner's set: equal, hashed and borrowed as its string.
struct Key(u32);

impl Borrow<str> for Key {
    fn borrow(&self) -> &str {
        Sym(self.0).as_str()
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.0 == other.0
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // As `str` hashes, as `Borrow` requires.
        Sym(self.0).as_str().hash(state);
    }
}

static INTERNER: Mutex<Option<Interner>> = Mutex::new(None);

/// Slots of the per-thread cache of recently interned symbols.
const RECENT_LEN: usize = 256;

thread_local! {
    static RECENT: [Cell<Sym>; RECENT_LEN] = const { [const { Cell::new(Sym::EMPTY) }; RECENT_LEN] };
}

/// An interned string: compares, hashes and copies as a 4-byte id, reads as a `&str`.
///
/// Equal strings always get the same id, so equality and hashing by id agree with the
/// strings'; ordering is by the strings.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Sym(u32);

impl Sym {
    /// The empty string.
    pub const EMPTY: Sym = Sym(0);

    /// The symbol for `s`, interning it on first use.
    pub fn new(s: &str) -> Sym {
        if s.is_empty() {
            return Sym::EMPTY;
        }
        // Most strings repeat (`USD`, `said`, `he`): a small per-thread cache of recent
        // symbols answers them without the lock.
        let mut h = FxHasher::default();
        s.hash(&mut h);
        let slot = (h.finish() >> 56) as usize % RECENT_LEN;
        if let Some(hit) = RECENT.with(|r| {
            let sym = r[slot].get();
            (sym.as_str() == s).then_some(sym)
        }) {
            return hit;
        }
        let sym = Self::intern(s);
        RECENT.with(|r| r[slot].set(sym));
        sym
    }

    fn intern(s: &str) -> Sym {
        let mut guard = INTERNER.lock().unwrap_or_else(PoisonError::into_inner);
        let interner = guard.get_or_insert_with(|| Interner {
            ids: HashSet::default(),
            next: 1,
            free: &mut [],
        });
        if let Some(key) = interner.ids.get(s) {
            return Sym(key.0);
        }
        let id = interner.next;
        let index = id as usize;
        let Some(page) = TABLE.get(index >> PAGE_BITS) else {
            // 16.7 million distinct strings: far beyond any corpus. Keep working, unlabelled.
            log::warn!("interned string table full; dropping {s:?}");
            return Sym::EMPTY;
        };
        let leaked = interner.store(s);
        let page = page.get_or_init(|| (0..PAGE_LEN).map(|_| OnceLock::new()).collect());
        // The slot is fresh: `next` only grows, under the lock.
        let _ = page[index & (PAGE_LEN - 1)].set(leaked);
        interner.ids.insert(Key(id));
        interner.next += 1;
        Sym(id)
    }

    /// The string (valid for the whole program).
    pub fn as_str(self) -> &'static str {
        if self.0 == 0 {
            return "";
        }
        let index = self.0 as usize;
        TABLE
            .get(index >> PAGE_BITS)
            .and_then(OnceLock::get)
            .and_then(|page| page[index & (PAGE_LEN - 1)].get())
            .copied()
            .unwrap_or("")
    }
}

impl Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Sym {
    fn from(s: &str) -> Sym {
        Sym::new(s)
    }
}

impl From<&String> for Sym {
    fn from(s: &String) -> Sym {
        Sym::new(s)
    }
}

impl From<String> for Sym {
    fn from(s: String) -> Sym {
        Sym::new(&s)
    }
}

impl From<Sym> for String {
    fn from(s: Sym) -> String {
        s.as_str().to_string()
    }
}

impl PartialEq<str> for Sym {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Sym {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Sym> for str {
    fn eq(&self, other: &Sym) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Sym> for &str {
    fn eq(&self, other: &Sym) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Sym> for String {
    fn eq(&self, other: &Sym) -> bool {
        self == other.as_str()
    }
}

impl PartialOrd for Sym {
    fn partial_cmp(&self, other: &Sym) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Sym {
    fn cmp(&self, other: &Sym) -> std::cmp::Ordering {
        if self.0 == other.0 {
            return std::cmp::Ordering::Equal;
        }
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Serialize for Sym {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Sym {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Sym, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(Sym::new(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_one_symbol_and_read_back() {
        let a = Sym::new("trade value");
        let b = Sym::new(&String::from("trade value"));
        assert_eq!(a, b);
        assert_eq!(a.as_str(), "trade value");
        assert_eq!(a, "trade value");
        assert_ne!(a, Sym::new("coast length"));
        assert_eq!(Sym::new(""), Sym::EMPTY);
        assert_eq!(Sym::default().as_str(), "");
        assert!(Sym::EMPTY.is_empty());
        assert_eq!(format!("[{:>5}]", Sym::new("km")), "[   km]");
    }

    #[test]
    fn orders_by_the_strings_not_by_interning_order() {
        let z = Sym::new("zz-late-word");
        let a = Sym::new("aa-early-word");
        assert!(a < z);
        let mut v = vec![z, a, Sym::EMPTY];
        v.sort();
        assert_eq!(v, [Sym::EMPTY, a, z]);
    }

    #[test]
    fn interning_from_many_threads_agrees() {
        let words: Vec<String> = (0..2000).map(|i| format!("thread word {i}")).collect();
        let ids: Vec<Vec<Sym>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| s.spawn(|| words.iter().map(|w| Sym::new(w)).collect::<Vec<_>>()))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for v in &ids[1..] {
            assert_eq!(v, &ids[0]);
        }
        for (w, s) in words.iter().zip(&ids[0]) {
            assert_eq!(s.as_str(), w);
        }
    }

    #[test]
    fn serialises_as_a_plain_string() {
        let s = Sym::new("consulate count");
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, "\"consulate count\"");
        let back: Sym = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }
}
