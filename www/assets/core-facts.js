// Generated from the core by `UPDATE_DOCS=1 cargo test --test docs`. Do not edit:
// tests/docs.rs fails when this file and the core differ.

/** The finding categories of shared/spec/RULES.md: id, zh-CN name, score dimension. */
export const CORE_CATEGORIES = [
  { id: "greeting", label: "问候", dimension: "politeness" },
  { id: "closing", label: "结束语", dimension: "politeness" },
  { id: "address", label: "称呼", dimension: "politeness" },
  { id: "blunt", label: "生硬拒绝", dimension: "control" },
  { id: "command", label: "命令/反问/质问", dimension: "politeness" },
  { id: "impatience", label: "不耐烦/敷衍", dimension: "politeness" },
  { id: "buck-passing", label: "推诿", dimension: "control" },
  { id: "blame", label: "指责客户", dimension: "politeness" },
  { id: "apology", label: "道歉", dimension: "empathy" },
  { id: "empathy", label: "共情", dimension: "empathy" },
  { id: "timeline", label: "时间节点", dimension: "control" },
  { id: "vague", label: "模糊表述", dimension: "clarity" },
  { id: "structure", label: "结构", dimension: "clarity" },
  { id: "coverage", label: "逐一回应", dimension: "clarity" },
  { id: "objection", label: "异议处理", dimension: "empathy" },
  { id: "pressure", label: "过度催促/强推", dimension: "compliance" },
  { id: "slang", label: "网络用语", dimension: "clarity" },
  { id: "punctuation", label: "标点与表情", dimension: "clarity" },
  { id: "jargon", label: "行业术语", dimension: "clarity" },
  { id: "compliance", label: "平台合规", dimension: "compliance" },
];

/** The score's dimensions, in the report's order. */
export const CORE_DIMENSIONS = ["politeness", "empathy", "clarity", "control", "compliance"];

/** The platform presets a request may name. */
export const CORE_PLATFORMS = ["taobao", "jd", "pdd", "douyin", "generic"];

/** The severities, least severe first. */
export const CORE_SEVERITIES = ["hint", "warning", "error"];

/** The customer's situations a report and a team phrasebook name: id, zh-CN name. */
export const CORE_SITUATIONS = [
  { id: "damaged", label: "商品破损/故障" },
  { id: "wrong_item", label: "错发/漏发" },
  { id: "refund_pending", label: "退款未到账" },
  { id: "late", label: "物流延迟" },
  { id: "address_change", label: "修改地址" },
  { id: "invoice", label: "发票" },
  { id: "return", label: "退换货" },
  { id: "out_of_stock", label: "缺货/到货" },
  { id: "quality", label: "质量疑虑" },
  { id: "price", label: "价格异议" },
  { id: "ship_time", label: "询问发货/到货时间" },
  { id: "closing", label: "结束咨询" },
];
