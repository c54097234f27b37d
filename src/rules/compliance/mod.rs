//! Rules of the `compliance` category.

use super::Rule;

pub(super) fn register(_v: &mut Vec<Box<dyn Rule>>) {}
