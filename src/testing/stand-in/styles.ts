/**
 * The stand-in UI's stylesheet: one constructable `CSSStyleSheet` adopted by every stand-in
 * shadow root (no `<style>` element and no `style` attribute, so a strict CSP allows it).
 */

const CSS = `
:host {
  display: block;
  box-sizing: border-box;
  height: 100%;
  min-height: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 14px;
  line-height: 1.4;
  color: #1f2328;
  text-align: start;
}
:host([data-fake-talk="inbox"]) { container-type: inline-size; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
button { font: inherit; }

.ui {
  display: flex;
  height: 100%;
  min-height: 0;
  overflow: hidden;
  background: #ffffff;
  border: 1px solid #d0d7de;
  border-radius: 8px;
}

.feed {
  display: flex;
  flex-direction: column;
  flex: 0 0 clamp(150px, 34%, 300px);
  min-height: 0;
  border-inline-end: 1px solid #d0d7de;
  background: #f6f8fa;
}
.feed-header, .header {
  flex: 0 0 auto;
  padding: 10px 14px;
  border-bottom: 1px solid #d0d7de;
  font-weight: 600;
}
.feed-list { flex: 1 1 auto; overflow-y: auto; margin: 0; padding: 0; list-style: none; }
.feed-item {
  display: grid;
  grid-template-columns: minmax(0, 1fr) auto;
  gap: 2px 8px;
  width: 100%;
  padding: 10px 14px;
  border: 0;
  border-bottom: 1px solid #e6e9ed;
  background: transparent;
  color: inherit;
  text-align: start;
  cursor: pointer;
}
.feed-item:hover { background: #eef1f4; }
.feed-item[aria-current="true"] { background: #e3ebfb; }
.feed-item:focus-visible, .send:focus-visible, .launcher:focus-visible, .close:focus-visible {
  outline: 2px solid #1f6feb;
  outline-offset: -2px;
}
.feed-title { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.feed-last {
  grid-column: 1 / -1;
  overflow: hidden;
  color: #59636e;
  font-size: 12px;
  text-overflow: ellipsis;
  white-space: nowrap;
}
.badge {
  align-self: center;
  min-width: 20px;
  padding: 0 6px;
  border-radius: 999px;
  background: #cf222e;
  color: #ffffff;
  font-size: 11px;
  font-weight: 600;
  line-height: 18px;
  text-align: center;
}

.chat { display: flex; flex: 1 1 auto; flex-direction: column; min-width: 0; min-height: 0; }
.header { display: flex; align-items: center; gap: 8px; }
.header-text { display: flex; flex: 1 1 auto; flex-direction: column; min-width: 0; }
.title, .subtitle { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.subtitle { color: #59636e; font-size: 12px; font-weight: 400; }
.close {
  flex: 0 0 auto;
  width: 28px;
  height: 28px;
  border: 0;
  border-radius: 50%;
  background: transparent;
  color: #59636e;
  font-size: 18px;
  line-height: 1;
  cursor: pointer;
}
.close:hover { background: #eef1f4; }

.messages {
  display: flex;
  flex: 1 1 auto;
  flex-direction: column;
  gap: 8px;
  min-height: 0;
  margin: 0;
  padding: 12px 14px;
  overflow-y: auto;
  list-style: none;
}
.welcome {
  align-self: center;
  max-width: 90%;
  color: #59636e;
  font-size: 13px;
  font-style: italic;
  text-align: center;
}
.message {
  display: flex;
  flex-direction: column;
  align-self: flex-start;
  max-width: 80%;
  padding: 6px 10px;
  border-radius: 12px;
  background: #eef1f4;
}
.message.mine { align-self: flex-end; background: #dbe8fd; }
.sender { color: #59636e; font-size: 12px; font-weight: 600; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.time { align-self: flex-end; color: #59636e; font-size: 11px; }
mark { background: #fff1a8; color: inherit; border-radius: 2px; }
.empty { margin: auto; padding: 24px; color: #59636e; text-align: center; }

.panels { flex: 0 0 auto; }
.panels iframe { display: block; width: 100%; border: 0; border-top: 1px solid #d0d7de; background: #ffffff; }

.composer { display: flex; flex: 0 0 auto; gap: 8px; padding: 10px; border-top: 1px solid #d0d7de; }
.field {
  flex: 1 1 auto;
  min-width: 0;
  padding: 8px 10px;
  border: 1px solid #d0d7de;
  border-radius: 6px;
  font: inherit;
  color: inherit;
  background: #ffffff;
}
.field:focus { outline: 2px solid #1f6feb; outline-offset: -1px; border-color: transparent; }
.send {
  flex: 0 0 auto;
  padding: 8px 14px;
  border: 0;
  border-radius: 6px;
  background: #1f6feb;
  color: #ffffff;
  font-weight: 600;
  cursor: pointer;
}
.send:hover { background: #1a5fcc; }

@container (max-width: 520px) {
  .inbox { flex-direction: column; }
  .inbox .feed { flex: 0 0 40%; border-inline-end: 0; border-bottom: 1px solid #d0d7de; }
}

:host([data-fake-talk="popup"]) {
  position: fixed;
  inset-inline-end: 20px;
  bottom: 20px;
  z-index: 2147483000;
  display: flex;
  flex-direction: column;
  align-items: flex-end;
  gap: 12px;
  height: auto;
  pointer-events: none;
}
.popup-panel, .launcher { pointer-events: auto; }
.popup-panel {
  width: min(370px, calc(100vw - 40px));
  height: min(540px, calc(100vh - 110px));
  box-shadow: 0 8px 28px rgba(31, 35, 40, 0.2);
}
.launcher {
  position: relative;
  width: 56px;
  height: 56px;
  border: 0;
  border-radius: 50%;
  background: #1f6feb;
  color: #ffffff;
  font-size: 24px;
  line-height: 1;
  cursor: pointer;
  box-shadow: 0 4px 14px rgba(31, 35, 40, 0.25);
}
.launcher:hover { background: #1a5fcc; }
.launcher > span:first-child { display: flex; align-items: center; justify-content: center; }
.launcher .badge { position: absolute; top: -4px; inset-inline-end: -4px; }
`;

let sheet: CSSStyleSheet | undefined;

/** The shared stylesheet of the stand-in UI, created on first use (never at module load). */
export function standInStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
