// A TinyMCE editor in its classic (iframe) mode: the text lives in the body of a srcdoc
// iframe (body id "editor"), edits go through TinyMCE's undo manager. The skin comes from
// node_modules (see bundle.js), no content CSS. window.__tinyText mirrors the editor's content as text.
import tinymce from 'tinymce';
import 'tinymce/models/dom';
import 'tinymce/themes/silver';
import 'tinymce/icons/default';

window.__tinyText = '';
tinymce.init({
  target: document.getElementById('app'),
  license_key: 'gpl',
  skin_url: '/bundles/tinymce/skins/ui/oxide', // copied from node_modules by bundle.js
  content_css: false,
  content_style: 'body{font:16px/1.6 "Noto Sans CJK SC",sans-serif;margin:8px}',
  menubar: false,
  toolbar: false,
  statusbar: false,
  promotion: false,
  branding: false,
  height: 180,
  body_id: 'editor',
  setup(ed) {
    const sync = () => {
      window.__tinyText = ed.getContent({ format: 'text' });
    };
    ed.on('input change undo redo SetContent keyup', sync);
    window.__tiny = ed;
  },
});
