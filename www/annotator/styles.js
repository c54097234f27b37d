// CSS for the shadow root and for the page-level ::highlight() rules. Plain strings, adopted
// as constructable style sheets (see host.js), never written into a style attribute.

export const SEVERITY_COLOR = { error: '#d93025', warning: '#e37400', hint: '#1a73e8' };

export const HIGHLIGHT_NAMES = {
  error: 'kefu-coach-error',
  warning: 'kefu-coach-warning',
  hint: 'kefu-coach-hint',
};

export const HIGHLIGHT_CSS = Object.entries(HIGHLIGHT_NAMES)
  .map(
    ([sev, name]) =>
      `::highlight(${name}){text-decoration-line:underline;text-decoration-style:wavy;` +
      `text-decoration-color:${SEVERITY_COLOR[sev]};text-decoration-thickness:1.5px;` +
      `text-underline-offset:3px;}`,
  )
  .join('\n');

export const SHADOW_CSS = `
:host{all:initial;position:fixed;left:0;top:0;width:0;height:0;overflow:visible;
  z-index:2147483646;pointer-events:none;font:13px/1.5 system-ui,-apple-system,"PingFang SC",
  "Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#202124}
[hidden]{display:none!important}
.clip{position:fixed;overflow:hidden;pointer-events:none}
.mark{position:absolute;height:0;border-bottom:2px solid currentColor;pointer-events:none}
.mark.insert{border-bottom:none;border-left:2px solid currentColor;width:0!important;opacity:.9}
.mark[data-severity=error]{color:${SEVERITY_COLOR.error}}
.mark[data-severity=warning]{color:${SEVERITY_COLOR.warning}}
.mark[data-severity=hint]{color:${SEVERITY_COLOR.hint};border-bottom-style:dashed}
.mirror{position:fixed;left:-100000px;top:0;visibility:hidden;overflow:hidden;
  border:0 solid transparent;margin:0;box-sizing:content-box;pointer-events:none}
.badge{position:fixed;pointer-events:auto;display:flex;align-items:center;gap:4px;
  min-width:22px;height:22px;padding:0 6px;border-radius:11px;border:0;cursor:pointer;
  background:#1e8e3e;color:#fff;font:600 12px/22px system-ui,sans-serif;
  box-shadow:0 1px 3px rgba(0,0,0,.3);box-sizing:border-box}
.badge[data-level=warning]{background:#e37400}
.badge[data-level=error]{background:#d93025}
.badge .score{font-weight:400;opacity:.9}
.badge .tpl{font-weight:600;padding:0 4px;border-radius:8px;background:#fff;color:#1a73e8}
.badge .wait{font-weight:400;padding:0 4px;border-radius:8px;background:rgba(255,255,255,.22)}
.badge[data-wait-level=late] .wait{background:#fff;color:#d93025;font-weight:600}
.badge:focus-visible{outline:2px solid #1a73e8;outline-offset:2px}
.panel{position:fixed;pointer-events:auto;width:320px;max-height:360px;overflow:auto;
  background:#fff;border:1px solid #dadce0;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.2);
  padding:8px;box-sizing:border-box}
.panel h2{font-size:13px;margin:0 0 6px;font-weight:600}
.panel .empty{color:#5f6368}
.finding{border-left:3px solid #dadce0;padding:4px 8px;margin:6px 0}
.finding[data-severity=error]{border-color:${SEVERITY_COLOR.error}}
.finding[data-severity=warning]{border-color:${SEVERITY_COLOR.warning}}
.finding[data-severity=hint]{border-color:${SEVERITY_COLOR.hint}}
.quote{color:#5f6368;font-size:12px}
.msg{margin:2px 0 4px}
.actions{display:flex;flex-wrap:wrap;gap:4px}
button{font:inherit;font-size:12px;cursor:pointer;border-radius:4px;border:1px solid #dadce0;
  background:#f8f9fa;color:#202124;padding:2px 6px}
button.apply{background:#e8f0fe;border-color:#aecbfa;color:#174ea6}
button:focus-visible{outline:2px solid #1a73e8}
.card{position:fixed;pointer-events:auto;max-width:300px;background:#fff;border:1px solid #dadce0;
  border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.2);padding:8px;box-sizing:border-box}
[data-kefu-card] .notice,.card .notice{background:#fce8e6;color:#a50e0e;border-radius:4px;padding:4px 6px;margin-bottom:6px}
.templates{border-top:1px solid #dadce0;margin-top:6px;padding-top:6px}
.templates h3{font-size:12px;margin:0 0 4px;font-weight:600;color:#174ea6}
.template{display:flex;gap:6px;align-items:flex-start;padding:4px 6px;margin:4px 0;border-radius:6px;
  background:#f8f9fa;border:1px solid transparent}
.template[aria-selected=true]{border-color:#1a73e8;background:#e8f0fe}
.template .text{flex:1;font-size:12px;white-space:pre-wrap}
.templates .tip{color:#5f6368;font-size:11px;margin-top:4px}
.templates .notice{background:#fce8e6;color:#a50e0e;border-radius:4px;padding:4px 6px;margin:4px 0}
.sr{position:fixed;left:-10000px;top:0;width:1px;height:1px;overflow:hidden}
`;
