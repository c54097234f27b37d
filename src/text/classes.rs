//! The shared word classes: who speaks for the shop, who else is involved, the channels off
//! the platform and the shop's actions (time words live in `rules::timeline::time`). Written once, used by every rule that needs
//! them (through [`super::Phrase`] or the lexicon), so a new spelling added here reaches every
//! rule at once. All words are in folded form (half width, lower case, simplified).

use super::Words;

/// We, our shop, this side: who owns the follow-up.
pub const WE: Words = words![
    "我们店铺",
    "我们店",
    "我们这边",
    "我们家",
    "我们",
    "咱们店铺",
    "咱们店",
    "咱们",
    "咱家",
    "本店",
    "小店",
    "店里",
    "店铺",
    "敝店",
    "我这边",
    "我",
    "这边",
    "小妹",
    "客服",
];

/// Parties other than the shop the customer could be sent to.
pub const THIRD_PARTY: Words = words![
    "快递公司",
    "快递员",
    "配送师傅",
    "安装师傅",
    "师傅",
    "发货方",
    "网点",
    "快递小哥",
    "配送员",
    "快递",
    "物流公司",
    "物流",
    "承运商",
    "冷链公司",
    "冷链",
    "运输公司",
    "驿站",
    "菜鸟",
    "顺丰",
    "中通",
    "圆通",
    "韵达",
    "申通",
    "邮政",
    "ems",
    "品牌方",
    "品牌商",
    "品牌",
    "厂家",
    "厂商",
    "生产厂家",
    "工厂",
    "供应商",
    "商家",
    "卖家",
    "平台",
    "官方",
    "官方客服",
    "售后",
    "售后部门",
    "维修点",
    "维修站",
    "服务商",
    "修理店",
    "维修店",
    "眼镜店",
    "实体店",
    "门店",
    "会员中心",
    "客服中心",
    "售后中心",
    "服务中心",
    "维修中心",
    "技术部门",
    "技术部",
    "技术人员",
    "仓库",
    "发卡行",
    "朋友",
    "他们",
    "售后网点",
    "配送",
    "支付宝",
    "微信支付",
    "银行",
    "银联",
    "信用卡中心",
    "花呗",
    "运营商",
    "保险公司",
    // Travel: the guide and the local agency the shop books.
    "导游",
    "地接社",
    "地接",
    "旅行社",
    "航空公司",
    "酒店前台",
    "财务",
    "其他部门",
    "相关部门",
    "别的部门",
    "京东",
    "淘宝",
    "天猫",
    "拼多多",
    "抖音",
    "客服热线",
    "12315",
    // Live-stream selling: the host who made the promise is not the shop's service desk.
    "主播",
    "直播间",
    "达人",
    "第三方",
    // Cross-border: customs decide their own papers.
    "海关",
    // Anyone else at all: 你问问别人.
    "别人",
    "其他人",
    "别家",
];

/// Contact channels off the platform, with the spellings agents use to slip past filters.
pub const CHANNEL: Words = words![
    "微信号",
    "微信",
    "wx",
    "vx",
    "v信",
    "v x",
    "w x",
    // 加我V:zhjj8866
    "v:",
    "v号",
    "薇信",
    "威信",
    "围信",
    "维信",
    "徽信",
    "绿泡泡",
    "qq号",
    "qq",
    "扣扣",
    "企鹅号",
    "企鹅",
    "钉钉",
    "私人号",
];

/// Verbs that invite the customer to a channel (加 … 微信, 搜 … qq).
pub const INVITE: Words =
    words!["加", "添加", "加一下", "加个", "搜", "搜一下", "关注", "扫", "扫码", "联系", "私聊", "私我"];

/// What the shop does for the customer: the actions a time should come with.
pub const ACTION: Words = words![
    "退款",
    "退钱",
    "退回",
    "退",
    "发货",
    "发出",
    "寄出",
    "补发",
    "重发",
    "换货",
    "核实",
    "核查",
    "查询",
    "查一下",
    "审核",
    "处理",
    "跟进",
    "安排",
    "联系",
    "反馈",
    "回复",
    "答复",
    "到账",
    "返还",
    "赔付",
    "补偿",
    "上门",
    "取件",
    "预约",
    "留言",
    "登记",
    "提交",
    "催促",
    "备注",
    "上报",
    "升级",
];

/// A step the customer can take to check a possible cause or tell causes apart: 麻烦您看一下
/// 结算页, 断电10分钟再试.
pub const CUSTOMER_CHECK: Words =
    words!["看一下", "确认一下", "核对一下", "检查一下", "排查", "试一下", "试试", "再试", "重启", "调到", "断开"];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word folded: matching is on the folded draft, so an unfolded word never matches.
    #[test]
    fn every_word_is_folded_and_unique() {
        for (name, class) in [
            ("WE", WE),
            ("THIRD_PARTY", THIRD_PARTY),
            ("CHANNEL", CHANNEL),
            ("INVITE", INVITE),
            ("ACTION", ACTION),
            ("CUSTOMER_CHECK", CUSTOMER_CHECK),
        ] {
            let mut seen = std::collections::HashSet::new();
            for w in class {
                assert_eq!(super::super::fold::fold(w), *w, "{name}: {w} is not folded");
                assert!(seen.insert(w), "{name}: {w} twice");
            }
        }
    }
}
