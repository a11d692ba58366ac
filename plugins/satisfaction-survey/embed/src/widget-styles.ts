/** The widget's styles, inside its shadow root so the host page and the widget never restyle each other. */
export const widgetStyles = `
:host { all: initial; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Microsoft YaHei", Roboto, sans-serif; color: #1f2328; }
.card { background: #fff; border: 1px solid #d0d7de; border-radius: 12px; padding: 16px; box-shadow: 0 4px 16px rgba(0,0,0,.12); max-width: 520px; position: relative; line-height: 1.4; }
.corner { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; width: min(520px, calc(100vw - 32px)); }
.q { font-size: 15px; font-weight: 600; margin: 0 28px 12px 0; }
.row { display: grid; grid-template-columns: repeat(auto-fill, minmax(36px, 1fr)); gap: 6px; }
.row button { min-width: 0; min-height: 40px; border: 1px solid #d0d7de; border-radius: 8px; background: #f6f8fa; color: inherit; font: inherit; font-size: 15px; cursor: pointer; }
.row button:hover { border-color: var(--brand); }
.row button:focus-visible, .x:focus-visible { outline: 3px solid var(--brand); outline-offset: 2px; }
.row button[aria-pressed="true"] { background: var(--brand); border-color: var(--brand); color: #fff; }
.ends { display: flex; justify-content: space-between; font-size: 12px; color: #57606a; margin-top: 6px; gap: 12px; }
.status { font-size: 14px; margin-top: 10px; min-height: 1.2em; }
.status progress { width: 100%; accent-color: var(--brand); }
.x { position: absolute; top: 8px; right: 8px; width: 28px; height: 28px; border: 0; background: transparent; font-size: 20px; line-height: 1; cursor: pointer; color: #57606a; border-radius: 6px; }
`
