//! Rules of the `greeting` category.

use super::Rule;

mod missing_greeting;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(missing_greeting::MissingGreeting));
}
