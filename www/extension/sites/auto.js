// Every other console: the conversation reader (../context/) finds the transcript next to the
// focused editor and tells the customer's messages from the agent's, with no configuration.
// The reading is kept by a watcher per editor (content-main.js) and only looked up here.
export default {
  id: 'auto',
  kind: 'auto',
  name: '自动识别',
  matches: () => true,
  /** `reading`: the editor's last reading (context/reader.js). */
  context(_doc, _settings, reading) {
    if (!reading || !reading.read) return { customer: '', first_reply: false, agent_since: '', previous_reply: '', platform: '', messages: 0 };
    return {
      customer: reading.customer,
      first_reply: reading.firstReply === true,
      agent_since: reading.agentSince || '',
      previous_reply: reading.previousReply || '',
      platform: '',
      messages: reading.messages,
    };
  },
};
