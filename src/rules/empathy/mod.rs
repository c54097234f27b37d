//! Rules of the `empathy` category.

use super::Rule;

mod missing_empathy;
pub(super) mod words;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(missing_empathy::MissingEmpathy));
}
