//! Rules of the `empathy` category.

use super::Rule;

pub(super) mod words;

pub(super) fn register(_v: &mut Vec<Box<dyn Rule>>) {}
