//! Rules of the `impatience` category: impatient or perfunctory replies.

use super::Rule;

mod already_said;
mod curt_reply;
mod dismissive;
mod repeated_word;
mod sounds_like;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(already_said::AlreadySaid));
    v.push(Box::new(dismissive::Dismissive));
    v.push(Box::new(repeated_word::RepeatedWord));
    v.push(Box::new(curt_reply::CurtReply));
    v.push(Box::new(sounds_like::SoundsLike));
}
