//! `kefu-coach review`: batch review of an exported chat log. (Being built.)

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("review 尚未实现".into())
}
