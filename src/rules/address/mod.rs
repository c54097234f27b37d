//! Rules of the `address` category: how the agent calls the customer.

use super::Rule;

mod casual_nickname;
mod ni_for_customer;
mod qin_on_formal_platform;
mod vocative;

pub(super) fn register(v: &mut Vec<Box<dyn Rule>>) {
    v.push(Box::new(ni_for_customer::NiForCustomer));
    v.push(Box::new(casual_nickname::CasualNickname));
    v.push(Box::new(qin_on_formal_platform::QinOnFormalPlatform));
}
