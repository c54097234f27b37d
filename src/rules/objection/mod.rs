//! Rules of the `objection` category.

use super::Rule;

pub(super) fn register(_v: &mut Vec<Box<dyn Rule>>) {}
