//! Rules of the `vague` category: hedges where the customer needs a definite answer.

use super::Rule;

mod hedge_word;
mod non_committal;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(hedge_word::HedgeWord));
    v.push(Box::new(non_committal::NonCommittal));
}
