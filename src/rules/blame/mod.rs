//! Rules of the `blame` category: putting the fault on the customer.

use super::Rule;

mod customer_fault;
mod sounds_like;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(customer_fault::CustomerFault));
    v.push(Box::new(sounds_like::SoundsLike));
}
