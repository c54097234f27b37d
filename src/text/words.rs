//! [`Words`]: a phrase list as one string.
//!
//! A `&[&str]` list costs, besides its text, an 8-byte (pointer, length) pair per word in the
//! WebAssembly's data section; the program's ~4,400 listed words made that some 35 KB raw. A
//! [`Words`] list is its words in one string, each ended by `\0`, written with `words!`
//! exactly as a slice would be, so a list reads the same in a rule file and costs only its
//! text. The lexicon splits a list once, on its first lookup.
//!
//! A word table with a fix per word is a [`Pairs`]: its words as one [`Words`] list and its
//! fixes as another, in the same order, written with `pairs!` as a slice of tuples would be.

/// A list of words (phrases), in order. Write it with `words!`: `words!["不行", "不可以"]`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Words(&'static str);

impl Words {
    /// The list whose words are `joined`, each ended by `\0` (what `words!` writes).
    pub const fn joined(joined: &'static str) -> Words {
        Words(joined)
    }

    /// The words, in order.
    pub fn iter(self) -> Iter {
        Iter(self.0)
    }

    /// Whether `word` is one of the words.
    #[inline(never)]
    pub fn contains(self, word: &str) -> bool {
        self.iter().any(|w| w == word)
    }

    /// How many words.
    pub fn len(self) -> usize {
        self.0.bytes().filter(|&b| b == 0).count()
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    /// The joined text: what identifies the list to the lexicon (its address and length).
    pub(crate) fn text(self) -> &'static str {
        self.0
    }
}

/// A word table: each word with its fix, in order. Write it with `pairs!`:
/// `pairs![("不行", "暂时无法"), ("没办法", "暂时无法")]`. Find its words with
/// [`find_pairs`](super::find_pairs).
#[derive(Clone, Copy)]
pub struct Pairs {
    words: Words,
    fixes: Words,
}

impl Pairs {
    /// The table whose words and fixes are `words` and `fixes` (what `pairs!` writes).
    pub const fn joined(words: &'static str, fixes: &'static str) -> Pairs {
        Pairs { words: Words(words), fixes: Words(fixes) }
    }

    /// The words, in order.
    pub fn words(self) -> Words {
        self.words
    }

    /// The fixes, in the words' order.
    pub fn fixes(self) -> Words {
        self.fixes
    }

    /// The rows, in order.
    pub fn iter(self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.words.iter().zip(self.fixes.iter())
    }
}

impl std::fmt::Debug for Pairs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl IntoIterator for Words {
    type Item = &'static str;
    type IntoIter = Iter;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The words of a [`Words`] list (a plain byte loop: `str::split` brings a searcher's code to
/// every place that reads a list).
#[derive(Clone)]
pub struct Iter(&'static str);

impl Iterator for Iter {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        let end = self.0.bytes().position(|b| b == 0)?;
        let word = &self.0[..end];
        self.0 = &self.0[end + 1..];
        Some(word)
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: Words = words!["不行", "不可以"];

    #[test]
    fn reads_back_its_words() {
        assert_eq!(TWO.iter().collect::<Vec<_>>(), ["不行", "不可以"]);
        assert_eq!(TWO.len(), 2);
        assert!(TWO.contains("不行") && !TWO.contains("不"));
        assert!(words![].is_empty() && words![].iter().next().is_none());
        // An empty word is a word (a product's factor may leave its place out).
        assert_eq!(words!["", "又"].iter().collect::<Vec<_>>(), ["", "又"]);
        assert_eq!(format!("{TWO:?}"), r#"["不行", "不可以"]"#);
    }

    #[test]
    fn pairs_read_back_their_rows() {
        const ROWS: Pairs = pairs![("不行", "暂时无法"), ("没办法", ""), ("不行", "重复")];
        assert_eq!(ROWS.iter().collect::<Vec<_>>(), [("不行", "暂时无法"), ("没办法", ""), ("不行", "重复")]);
        assert_eq!(ROWS.words().len(), 3);
        assert_eq!(ROWS.fixes().len(), 3);
    }
}
