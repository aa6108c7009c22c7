//! The data types extraction produces (shared by figures and quotes).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::Sym;

/// What kind of quantity a figure is. Figures of different families never share a value axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Currency,
    Percent,
    Length,
    Area,
    Mass,
    Volume,
    /// Durations: `three years`, `48 hours`.
    Time,
    Speed,
    Temperature,
    /// Amounts of energy: `5 MWh`, `200 kcal`, `7 TeV`.
    Energy,
    /// Rates of energy: `600 MW`, `296 hp`.
    Power,
    /// `2,000 psi`, `1013 hPa`, `113 gigapascals`.
    Pressure,
    /// `332 lb-ft`, `450 N·m`.
    Torque,
    /// `2.8 GHz`, `3000 rpm`.
    Frequency,
    /// Amounts of data: `8 MB`, `10-15 exabytes`.
    Data,
    /// Rates of data: `100 Mbps`.
    #[serde(rename = "data rate")]
    DataRate,
    /// Counts of things: `13 ambassadors`, `19 countries`.
    Count,
    /// Ordinals: `fifth consulate`, `21st`.
    Ordinal,
    /// A number with no recognisable unit or counted noun.
    Number,
}

impl Family {
    /// Families of engineering and computing units (`296 hp`, `2,000 psi`, `8 MB`): rated
    /// quantities, measurements in the way lengths and weights are.
    pub fn is_technical(self) -> bool {
        matches!(
            self,
            Family::Power
                | Family::Pressure
                | Family::Torque
                | Family::Frequency
                | Family::Data
                | Family::DataRate
        )
    }

    /// Lower-case name, as written in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Currency => "currency",
            Family::Percent => "percent",
            Family::Length => "length",
            Family::Area => "area",
            Family::Mass => "mass",
            Family::Volume => "volume",
            Family::Time => "time",
            Family::Speed => "speed",
            Family::Temperature => "temperature",
            Family::Energy => "energy",
            Family::Power => "power",
            Family::Pressure => "pressure",
            Family::Torque => "torque",
            Family::Frequency => "frequency",
            Family::Data => "data",
            Family::DataRate => "data rate",
            Family::Count => "count",
            Family::Ordinal => "ordinal",
            Family::Number => "number",
        }
    }
}

/// How the qualifier bounds the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    /// The value as stated.
    #[default]
    Exact,
    /// `over`, `more than`, `above`, `at least`: the true value is at or above `value`.
    Lower,
    /// `under`, `less than`, `up to`, `nearly`: the true value is at or below `value`.
    Upper,
    /// `about`, `around`, `some`, `roughly`, and vague magnitudes (`tens of millions`).
    Approximate,
    /// `200 to 300 mln dlrs`, `35-40 pct`: see `low` and `high`.
    Range,
}

/// A byte offset as stored in figures and quotes. Texts past 4 GiB are never read from
/// files; one given directly gets `u32::MAX`, which slices to nothing.
pub(crate) fn offset32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// A number mentioned in the text, with its unit and what it measures.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The value in the canonical unit's base (e.g. `3e11` for `300 billion us dollars`).
    /// For ranges and vague magnitudes, the low end.
    pub value: f64,
    /// Lower and upper ends of a range or vague magnitude (`tens of millions` → 1e7 and
    /// 1e8): see [`Figure::low`] and [`Figure::high`]. NaN when there is none (an
    /// `Option<f64>` takes twice the room, and there are a million figures in a large corpus).
    pub(crate) lo: f64,
    pub(crate) hi: f64,
    /// Canonical unit: `USD`, `CNY`, `EUR`, `km`, `%`, `t`, `years`... For counts and ordinals,
    /// the counted noun in its plural form (`ambassadors`, `consulates`); empty when unknown.
    pub unit: Sym,
    pub family: Family,
    /// The qualifier as written, lower-cased (`over`, `more than`, `about`, `up to`); empty if none.
    pub qualifier: Sym,
    pub bound: Bound,
    /// True for `about`-like qualifiers and for vague magnitudes.
    pub approximate: bool,
    /// What the figure measures or counts, lower-cased: `trade and investment`, `coast`,
    /// `consulates`, `ambassadors`, `doses`. Empty when unknown.
    pub measure: Sym,
    /// A short normalised label for a chart: `trade value`, `coast length`, `consulate count`.
    pub label: Sym,
    /// Whose figure it is, as shown: a country, company, organisation or person the sentence
    /// gives it to (`China`, `Exxon Corp`, `IMF`). Empty when the sentence names none.
    pub subject: Sym,
    /// Byte span in the text of the figure as written (number, scale and unit, with its
    /// qualifier): see [`Figure::surface`] and [`Figure::span`]. (`u32`: texts longer than
    /// 4 GiB are never read.)
    pub start: u32,
    pub end: u32,
}

/// Equal when every field is, the range ends compared as options (NaN is not equal to itself).
impl PartialEq for Figure {
    fn eq(&self, other: &Figure) -> bool {
        self.value == other.value
            && self.low() == other.low()
            && self.high() == other.high()
            && self.unit == other.unit
            && self.family == other.family
            && self.qualifier == other.qualifier
            && self.bound == other.bound
            && self.approximate == other.approximate
            && self.measure == other.measure
            && self.label == other.label
            && self.subject == other.subject
            && self.start == other.start
            && self.end == other.end
    }
}

impl Figure {
    /// Lower end of a range or vague magnitude (`tens of millions` → 1e7).
    pub fn low(&self) -> Option<f64> {
        (!self.lo.is_nan()).then_some(self.lo)
    }

    /// Upper end of a range or vague magnitude (`tens of millions` → 1e8).
    pub fn high(&self) -> Option<f64> {
        (!self.hi.is_nan()).then_some(self.hi)
    }

    /// The figure as written, from the `text` it was extracted from (empty if the span does
    /// not fit `text`).
    pub fn surface<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span()).unwrap_or("")
    }

    /// The byte span of the figure in its text.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Direct speech (in quotation marks, or a TV caption followed by a quote) or reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Reported,
}

/// What kind of speaker a quote's `speaker` is, once resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// A named organisation (a company, ministry, agency, newspaper...).
    Organisation,
    /// Not resolved to a name: a pronoun, a group, a description or a document.
    #[default]
    Unknown,
}

impl SpeakerKind {
    /// Lower-case name, as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Unknown => "unknown",
        }
    }
}

/// Something someone said, with who said it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Byte span in the text of the quoted words (without the quotation marks) or, for
    /// reported speech, of the reported clause: see [`Quote::text`] and [`Quote::span`].
    pub start: u32,
    pub end: u32,
    /// The speaker's full name as first introduced (`luis schmidt`), an organisation
    /// (`the ministry`), or the mention as written when it could not be resolved. Empty if none.
    pub speaker: Sym,
    /// The speaker as written at the quote (`he`, `the chilean ambassador`, `luis schmidt`).
    pub speaker_mention: Sym,
    /// Byte span of `speaker_mention`; `None` when the speaker is inferred from context.
    pub speaker_span: Option<(u32, u32)>,
    /// True when `speaker` is a named person or organisation, not a bare pronoun or role.
    pub speaker_resolved: bool,
    /// A person, an organisation, or unknown (also when not resolved).
    pub speaker_kind: SpeakerKind,
    /// Role or affiliation where given (`chile's ambassador to china`); empty if none.
    pub role: Sym,
    /// The cue: the speech verb (`said`, `told us`, `says`), `caption`, or `according to`.
    pub cue: Sym,
    pub kind: QuoteKind,
    /// 0..=1: how sure the extractor is; the UI shows low values as "check against the text".
    pub confidence: f32,
}

impl Quote {
    /// The quoted words, from the `text` the quote was extracted from (empty if the span
    /// does not fit `text`).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span()).unwrap_or("")
    }

    /// The byte span of the quoted words in their text.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The byte span of the speaker's mention, if written at the quote.
    pub fn speaker_range(&self) -> Option<Range<usize>> {
        self.speaker_span.map(|(s, e)| s as usize..e as usize)
    }
}

/// Everything extracted from one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    // Boxed slices: fixed once extracted, and 16 bytes an article smaller than `Vec`s.
    pub figures: Box<[Figure]>,
    pub quotes: Box<[Quote]>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(lo: f64, hi: f64) -> Figure {
        Figure {
            value: 1e7,
            lo,
            hi,
            unit: Sym::new("doses"),
            family: Family::Count,
            qualifier: Sym::EMPTY,
            bound: Bound::Approximate,
            approximate: true,
            measure: Sym::new("doses"),
            label: Sym::new("dose count"),
            subject: Sym::EMPTY,
            start: 3,
            end: 20,
        }
    }

    #[test]
    fn range_ends_read_as_options_and_compare_equal() {
        let range = figure(1e7, 1e8);
        assert_eq!((range.low(), range.high()), (Some(1e7), Some(1e8)));
        let plain = figure(f64::NAN, f64::NAN);
        assert_eq!((plain.low(), plain.high()), (None, None));
        assert_eq!(plain, plain.clone());
        assert_ne!(plain, range);
        assert_eq!(std::mem::size_of::<Figure>(), 56);
        assert_eq!(std::mem::size_of::<Quote>(), 44);
    }
}
