//! Rules of the `jargon` category: back-office terms in a reply to a shopper.

use super::Rule;

mod industry_term;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(industry_term::IndustryTerm));
}
