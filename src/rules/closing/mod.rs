//! Rules of the `closing` category.

use super::Rule;

pub(super) mod missing_closing;
mod sounds_like;
pub(super) mod tail;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(missing_closing::MissingClosing));
    v.push(Box::new(sounds_like::SoundsLike));
}
