// Deterministic drafts of an exact length (UTF-16 units) for the benchmark: customer-service
// replies in Chinese (some follow the guides, some don't), and English text of the same
// length for harper.js, which checks English only.

const ZH = [
  '亲,您好!很高兴为您服务。',
  '这款商品支持七天无理由退换货,请您放心购买。',
  '不知道,你自己看详情页吧!!!',
  '您的包裹已经在派送中,预计今天18点前送达。',
  '这个我们也没办法,快递的问题你去问快递。',
  '非常抱歉给您添麻烦了,我马上帮您核实物流信息。',
  '加我微信吧,私下给你便宜点🙂🙂🙂',
  '这款面霜是全网最低价,绝对有效,yyds!',
  '您好,SKU已经揽收了,48h内发货。',
  '特别能理解您的心情,我们会在1-3个工作日内为您处理退款。',
  '还有其他需要帮您的吗?祝您生活愉快!',
  '可能明天发货吧,应该没问题。',
];

const EN = [
  'Hello, thanks for reaching out to our store today. ',
  'Your parcel has been shipped and it should arrive tomorow. ',
  'We are sorry for the the delay, we will check it for you. ',
  'Please let me know if their is anything else I can help with. ',
  'This jacket are available in three colors and two sizes. ',
  'You can return it within seven days, no questions asked. ',
  'I will refund you as soon as posible, usually within 1-3 days. ',
];

function fill(parts, size) {
  let text = '';
  for (let i = 0; text.length < size; i++) text += parts[i % parts.length];
  // Never cut a surrogate pair in half.
  let end = size;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code < 0xdc00) end -= 1;
  return text.slice(0, end).padEnd(size, '。');
}

export const draftOf = (size) => fill(ZH, size);
export const englishOf = (size) => fill(EN, size);
