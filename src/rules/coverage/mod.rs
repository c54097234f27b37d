//! Rules of the `coverage` category.

use super::Rule;

mod topics;
mod unanswered_questions;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(unanswered_questions::UnansweredQuestions));
}
