//! Rules of the `timeline` category.

use super::Rule;

mod no_time_node;
mod sounds_like;
pub(super) mod time;
mod vague_wait;
mod wait_without_time;
mod when_unanswered;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(no_time_node::NoTimeNode));
    v.push(Box::new(vague_wait::VagueWait));
    v.push(Box::new(wait_without_time::WaitWithoutTime));
    // Last: it speaks only when the others said nothing.
    v.push(Box::new(when_unanswered::WhenUnanswered));
    v.push(Box::new(sounds_like::SoundsLike));
}
