// Small browser helpers for the agent workspace; everything else runs on the server circuit.
window.heliodesk = window.heliodesk || {};

window.heliodesk.focus = selector => document.querySelector(selector)?.focus();

// Single-key shortcuts, only when the agent is not typing: the keys go to the circuit's ShortcutHub.
window.heliodesk.shortcuts = {
  keys: new Set(['j', 'k', 'r', 'n', 'a', 's', '?']),
  attach(hub) {
    const first = !this.hub;
    this.hub = hub;
    if (!first) {
      return;
    }
    document.addEventListener('keydown', event => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
        return;
      }
      const target = event.target;
      const typing = target instanceof HTMLElement &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (event.key === 'Escape') {
        if (typing) {
          target.blur();
        }
        this.hub.invokeMethodAsync('OnKey', 'Escape');
        return;
      }
      if (typing || !this.keys.has(event.key)) {
        return;
      }
      event.preventDefault();
      this.hub.invokeMethodAsync('OnKey', event.key);
    });
  },
};
