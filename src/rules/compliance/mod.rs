//! Rules of the `compliance` category: platform rules and the Advertising Law.

use super::Rule;

mod absolute_claim;
mod off_platform_contact;
mod review_cashback;
mod sensitive_info;
mod sounds_like;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(off_platform_contact::OffPlatformContact));
    v.push(Box::new(review_cashback::ReviewCashback));
    v.push(Box::new(absolute_claim::AbsoluteClaim));
    v.push(Box::new(sensitive_info::SensitiveInfo));
    v.push(Box::new(sounds_like::SoundsLike));
}
