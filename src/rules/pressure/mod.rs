//! Rules of the `pressure` category: pushing the sale harder than the customer wants.

use super::Rule;

mod hard_sell;
mod push_after_no;
mod sounds_like;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(hard_sell::HardSell));
    v.push(Box::new(push_after_no::PushAfterNo));
    v.push(Box::new(sounds_like::SoundsLike));
}
