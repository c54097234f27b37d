//! Rules of the `slang` category: internet slang the customer may misread.

use super::Rule;

mod internet_slang;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(internet_slang::InternetSlang));
}
