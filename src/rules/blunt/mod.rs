//! Rules of the `blunt` category: flat refusals and “I don't know”.

use super::Rule;

mod dont_know;
mod flat_refusal;
mod sounds_like;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(dont_know::DontKnow));
    v.push(Box::new(flat_refusal::FlatRefusal));
    v.push(Box::new(sounds_like::SoundsLike));
}
