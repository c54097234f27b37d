//! Rules of the `jargon` category: back-office terms in a reply to a shopper.

use super::Rule;

mod industry_term;
mod sounds_like;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(industry_term::IndustryTerm));
    v.push(Box::new(sounds_like::SoundsLike));
}
