//! Rules of the `objection` category.

use super::Rule;

mod no_acknowledgement;
mod no_offer;
mod sounds_like;
mod words;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(no_acknowledgement::NoAcknowledgement));
    v.push(Box::new(no_offer::NoOffer));
    v.push(Box::new(sounds_like::SoundsLike));
}
