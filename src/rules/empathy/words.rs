//! Words that acknowledge the customer's feelings, shared by the apology and empathy rules.

use crate::text::Words;

/// An acknowledgement of how the customer feels (or of the wait they had).
pub const EMPATHY: Words = words![
    "理解",
    "明白您",
    "明白你",
    "懂您",
    "着急",
    "心急",
    "焦急",
    "心情",
    "感受",
    "体谅",
    "辛苦",
    "久等",
    "感同身受",
    "换作是我",
    "换做是我",
    "换成是我",
    // Cantonese: 换咗系我都会好嬲 (咗 folds to 了).
    "换了系我",
    "换了是我",
    // Naming the worry or the pain: 肯定特别担心, 一定很难受.
    "很担心",
    "特别担心",
    "会担心",
    "很难受",
    "特别难受",
    "心疼",
    "别急",
    "不要急",
    "莫急",
    "委屈",
    "糟心",
    "闹心",
    "烦心",
    "不愉快",
    "不好的体验",
    "影响了您",
    "换谁都",
    "换了谁都",
    "不放心",
    "确实让人",
];

/// Words of the apology formula that name the trouble, not the feeling: 抱歉让您久等了,
/// 给您带来不好的体验.
pub const IN_THE_APOLOGY: Words = words!["久等", "不好的体验", "不愉快的体验"];

/// Whether the reply names the feeling beyond the apology formula (理解, 心情, 着急…).
pub fn acknowledges_the_feeling(cx: &crate::rules::Context) -> bool {
    let text = cx.draft.folded();
    if !crate::text::contains_any(text, IN_THE_APOLOGY) {
        return acknowledges(cx);
    }
    crate::text::contains_any(&crate::text::mask(text, IN_THE_APOLOGY), EMPATHY)
}

/// Whether the reply already acknowledges how the customer feels.
pub fn acknowledges(cx: &crate::rules::Context) -> bool {
    crate::text::contains_any(cx.draft.folded(), EMPATHY)
}
