//! Text that remembers where each character came from in the original input.
//!
//! Paste hygiene removes quotes, prefixes, whitespace and percent-escapes; findings must still point at the byte of
//! the *original* input. Every cleaning step therefore works on [`Spanned`] text: a list of characters, each with its
//! byte offset in the input.

use std::cell::RefCell;

/// A character and the byte offset in the original input it came from.
pub type SpannedChar = (char, usize);

/// Text whose characters carry their origin in the original input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Spanned {
    chars: Vec<SpannedChar>,
}

impl Spanned {
    /// Every character of `input`, at its own offset.
    #[must_use]
    pub fn new(input: &str) -> Self {
        Self::at(input, 0)
    }

    /// Wraps characters that already carry offsets.
    #[must_use]
    pub fn from_chars(chars: Vec<SpannedChar>) -> Self {
        Self { chars }
    }

    /// A string at a fixed offset (every character maps to `offset + its byte index`).
    #[must_use]
    pub fn at(text: &str, offset: usize) -> Self {
        // ASCII (every token) through an iterator of known length, which `collect` writes in one go: `char_indices`
        // pushes one character at a time, a call each at opt-level "z" (7 % of a prepared HS256 verification).
        if text.is_ascii() {
            return Self { chars: text.bytes().enumerate().map(|(i, b)| (char::from(b), offset + i)).collect() };
        }
        Self { chars: text.char_indices().map(|(i, c)| (c, offset + i)).collect() }
    }

    /// The characters with their offsets.
    #[must_use]
    pub fn chars(&self) -> &[SpannedChar] {
        &self.chars
    }

    /// Number of characters.
    #[must_use]
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// True when there are no characters.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The plain text.
    #[must_use]
    pub fn text(&self) -> String {
        // For ASCII (tokens are ASCII), bytes through an iterator of known length, written in one go; `String::push`
        // is not inlined at opt-level "z", and calling it per character was a fifth of decoding (measured with
        // callgrind on `examples/time_inspect.rs`).
        if self.chars.iter().all(|(c, _)| c.is_ascii()) {
            let bytes: Vec<u8> = self.chars.iter().map(|&(c, _)| c as u8).collect();
            return String::from_utf8(bytes).unwrap_or_default();
        }
        let mut bytes = Vec::with_capacity(self.chars.len());
        let mut buf = [0; 4];
        for &(c, _) in &self.chars {
            if c.is_ascii() {
                bytes.push(c as u8);
            } else {
                bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// Byte range in the original input covered by these characters: from the first character's offset to the end
    /// of the last one. `None` when empty.
    #[must_use]
    pub fn range(&self) -> Option<(usize, usize)> {
        let (_, start) = *self.chars.first()?;
        let &(c, last) = self.chars.last()?;
        Some((start, last + c.len_utf8()))
    }

    /// A sub-range by character index (clamped).
    #[must_use]
    pub fn slice(&self, from: usize, to: usize) -> Self {
        let to = to.min(self.chars.len());
        let from = from.min(to);
        Self { chars: self.chars.get(from..to).unwrap_or_default().to_vec() }
    }

    /// Removes leading and trailing whitespace; returns how many characters went.
    pub fn trim(&mut self) -> usize {
        let before = self.chars.len();
        let end = self.chars.iter().rposition(|(c, _)| !c.is_whitespace()).map_or(0, |i| i + 1);
        self.chars.truncate(end);
        let start = self.chars.iter().position(|(c, _)| !c.is_whitespace()).unwrap_or(self.chars.len());
        self.chars.drain(..start);
        before - self.chars.len()
    }

    /// If the text starts with `prefix` (ASCII case-insensitive), removes it and returns true.
    pub fn strip_prefix_ignore_case(&mut self, prefix: &str) -> bool {
        let n = prefix.chars().count();
        let matches = self.chars.len() >= n
            && self.chars.iter().zip(prefix.chars()).all(|(&(c, _), p)| c.eq_ignore_ascii_case(&p));
        if matches {
            self.chars.drain(..n);
        }
        matches
    }

    /// First character, if any.
    #[must_use]
    pub fn first(&self) -> Option<char> {
        self.chars.first().map(|&(c, _)| c)
    }

    /// Last character, if any.
    #[must_use]
    pub fn last(&self) -> Option<char> {
        self.chars.last().map(|&(c, _)| c)
    }

    /// Splits at every occurrence of `sep` (which is dropped).
    #[must_use]
    pub fn split(&self, sep: char) -> Vec<Self> {
        self.chars.split(|&(c, _)| c == sep).map(|part| Self { chars: part.to_vec() }).collect()
    }

    /// Removes every character for which `remove` is true; returns how many went.
    pub fn remove_where(&mut self, remove: impl Fn(char) -> bool) -> usize {
        let before = self.chars.len();
        self.chars.retain(|&(c, _)| !remove(c));
        before - self.chars.len()
    }

    /// True when some character satisfies `pred`.
    #[must_use]
    pub fn any(&self, pred: impl Fn(char) -> bool) -> bool {
        self.chars.iter().any(|&(c, _)| pred(c))
    }

    /// Offset of the first character in the original input, or `fallback` when empty.
    #[must_use]
    pub fn start_or(&self, fallback: usize) -> usize {
        self.chars.first().map_or(fallback, |&(_, o)| o)
    }

    /// Decodes `%XX` escapes (each decoded byte keeps the offset of its `%`). Returns how many escapes were decoded.
    /// Escapes that decode to invalid UTF-8 are left as they are.
    pub fn percent_decode(&mut self) -> usize {
        // Nearly every paste has no escape: nothing to copy.
        if !self.any(|c| c == '%') {
            return 0;
        }
        let mut out: Vec<SpannedChar> = Vec::with_capacity(self.chars.len());
        let mut count = 0;
        let mut i = 0;
        while let Some(&(c, off)) = self.chars.get(i) {
            if c == '%' {
                let hex = |k: usize| self.chars.get(k).and_then(|&(h, _)| h.to_digit(16));
                if let (Some(hi), Some(lo)) = (hex(i + 1), hex(i + 2)) {
                    let byte = u8::try_from(hi * 16 + lo).unwrap_or(0);
                    if byte.is_ascii() {
                        out.push((char::from(byte), off));
                        count += 1;
                        i += 3;
                        continue;
                    }
                }
            }
            out.push((c, off));
            i += 1;
        }
        self.chars = out;
        count
    }
}

/// Maps byte offsets of `input` to UTF-16 code units, the unit JavaScript strings use. An offset inside a character
/// maps to the units before that character; offsets past the end map to the length. No table the size of the input:
/// the map keeps one mark per 256 bytes, made only as far as the largest offset asked for (an input over the size
/// limit has no offsets to map, and costs nothing here), and counts the rest of the way from the nearest mark.
pub fn utf16_offsets(input: &str) -> impl Fn(usize) -> usize + '_ {
    const STRIDE: usize = 256;
    // (byte offset of a character, UTF-16 units before it), every STRIDE bytes or so.
    let marks = RefCell::new(vec![(0usize, 0usize)]);
    // In ASCII text (nearly every paste) a byte is a code unit: nothing to count.
    let ascii = input.is_ascii();
    move |offset| {
        if ascii {
            return offset.min(input.len());
        }
        let mut marks = marks.borrow_mut();
        while let Some(&(at, units)) = marks.last()
            && at + STRIDE <= offset
            && at < input.len()
        {
            let (mut end, mut units) = (at, units);
            for c in input.get(at..).unwrap_or_default().chars() {
                if end >= at + STRIDE {
                    break;
                }
                end += c.len_utf8();
                units += c.len_utf16();
            }
            marks.push((end, units));
        }
        let nearest = marks.partition_point(|&(at, _)| at <= offset).saturating_sub(1);
        let (mut at, mut units) = marks.get(nearest).copied().unwrap_or_default();
        for c in input.get(at..).unwrap_or_default().chars() {
            at += c.len_utf8();
            if at > offset {
                break;
            }
            units += c.len_utf16();
        }
        units
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_code_units() {
        let ascii = utf16_offsets("abc");
        assert_eq!([ascii(0), ascii(2), ascii(3), ascii(99)], [0, 2, 3, 3]);
        let map = utf16_offsets("é😀a");
        assert_eq!([map(0), map(2), map(6), map(7), map(99), map(1), map(3)], [0, 1, 3, 4, 4, 0, 1]);
        // Across many marks, in any order: the same as counting from the start.
        let long = "aé😀€".repeat(500);
        let map = utf16_offsets(&long);
        for offset in [5_000, 0, 1, 2_999, 3_000, 257, 256, 255, long.len(), long.len() + 9, 7] {
            let expected: usize =
                long.char_indices().take_while(|&(i, c)| i + c.len_utf8() <= offset).map(|(_, c)| c.len_utf16()).sum();
            assert_eq!(map(offset), expected, "{offset}");
        }
    }

    #[test]
    fn trim_keeps_offsets() {
        let mut s = Spanned::new("  ab \n");
        assert_eq!(s.trim(), 4);
        assert_eq!(s.text(), "ab");
        assert_eq!(s.range(), Some((2, 4)));
    }

    #[test]
    fn percent_decode_maps_to_percent_sign() {
        let mut s = Spanned::new("a%2Eb%zz");
        assert_eq!(s.percent_decode(), 1);
        assert_eq!(s.text(), "a.b%zz");
        assert_eq!(s.chars()[1], ('.', 1));
        assert_eq!(s.chars()[2], ('b', 4));
    }

    #[test]
    fn strip_prefix_is_case_insensitive() {
        let mut s = Spanned::new("bEaReR x");
        assert!(s.strip_prefix_ignore_case("Bearer "));
        assert_eq!(s.text(), "x");
        assert!(!s.strip_prefix_ignore_case("y"));
    }

    #[test]
    fn split_and_slice() {
        let s = Spanned::new("a.bc.");
        let parts = s.split('.');
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[1].range(), Some((2, 4)));
        assert!(parts[2].is_empty());
        assert_eq!(s.slice(1, 99).text(), ".bc.");
    }
}
