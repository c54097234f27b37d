//! Rules of the `structure` category: long answers the customer has to dig through.

use super::Rule;

mod no_enumeration;
mod run_on;
mod sounds_like;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(no_enumeration::NoEnumeration));
    v.push(Box::new(run_on::RunOn));
    v.push(Box::new(sounds_like::SoundsLike));
}
