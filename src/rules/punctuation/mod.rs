//! Rules of the `punctuation` category: marks and emoji used to excess.

use super::Rule;

mod emoji_overuse;
mod repeated_marks;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(repeated_marks::RepeatedMarks));
    v.push(Box::new(emoji_overuse::EmojiOveruse));
}
