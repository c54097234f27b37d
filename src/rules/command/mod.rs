//! Rules of the `command` category: orders and rhetorical questions aimed at the customer.

use super::Rule;

mod imperative;
mod rhetorical_question;
mod sounds_like;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(imperative::Imperative));
    v.push(Box::new(rhetorical_question::RhetoricalQuestion));
    v.push(Box::new(sounds_like::SoundsLike));
}
