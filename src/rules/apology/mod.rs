//! Rules of the `apology` category.

use super::Rule;

mod explain_before_apology;
mod missing_apology;
mod sounds_like;
pub(super) mod words;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(missing_apology::MissingApology));
    v.push(Box::new(explain_before_apology::ExplainBeforeApology));
    v.push(Box::new(sounds_like::SoundsLike));
}
