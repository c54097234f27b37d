//! Rules of the `buck-passing` category: disowning the customer's problem.

use super::Rule;

mod not_our_job;
mod sounds_like;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(not_our_job::NotOurJob));
    v.push(Box::new(sounds_like::SoundsLike));
}
