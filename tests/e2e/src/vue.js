// A Vue 3 textarea bound with v-model (written as the compiled form of
// <textarea v-model="text">: the vModelText directive, which ignores input while an IME
// composes). window.__vueText mirrors the ref.
import { createApp, h, ref, vModelText, watch, withDirectives } from 'vue';

createApp({
  setup() {
    const text = ref('');
    watch(text, (v) => {
      window.__vueText = v;
    });
    return () =>
      withDirectives(h('textarea', { id: 'editor', rows: 4, 'onUpdate:modelValue': (v) => (text.value = v) }), [
        [vModelText, text.value],
      ]);
  },
}).mount('#app');
window.__vueText = '';
