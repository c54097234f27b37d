//! Rules of the `empathy` category.

use super::Rule;

mod missing_empathy;
mod sounds_like;
pub(super) mod words;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(missing_empathy::MissingEmpathy));
    v.push(Box::new(sounds_like::SoundsLike));
}
