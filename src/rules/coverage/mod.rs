//! Rules of the `coverage` category.

use super::Rule;

mod goodbye_to_a_question;
mod topics;
mod unanswered_questions;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(unanswered_questions::UnansweredQuestions));
    v.push(Box::new(goodbye_to_a_question::GoodbyeToAQuestion));
}
