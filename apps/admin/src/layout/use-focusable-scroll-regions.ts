/**
 * @module
 * Makes every horizontally scrolling table reachable by keyboard. antd renders a wide table in a
 * scrolling `div` that cannot take focus, so a keyboard user cannot scroll it (axe
 * `scrollable-region-focusable`). The shell does it once for every page, plugin pages included.
 */
import { useEffect } from 'react'

const SCROLLERS = '.ant-table-content, .ant-table-body'

/** Gives each table scroller that overflows a tab stop, and takes it back when it no longer does. */
function markScrollers(root: ParentNode) {
  for (const el of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
    const overflows = el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight
    if (overflows && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
    else if (!overflows && el.getAttribute('tabindex') === '0') el.removeAttribute('tabindex')
  }
}

/** Watches the page for tables (they come and go with data and window size) while the shell is mounted. */
export function useFocusableScrollRegions() {
  useEffect(() => {
    let frame = 0
    const schedule = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => markScrollers(document))
    }
    const observer = new MutationObserver(schedule)
    observer.observe(document.body, { childList: true, subtree: true })
    window.addEventListener('resize', schedule)
    // A table can start or stop overflowing without a DOM change or a window resize (its cells'
    // text laid out again, a font arriving), which neither of the above sees: look again twice a second.
    const timer = window.setInterval(schedule, 500)
    schedule()
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
      window.removeEventListener('resize', schedule)
      window.clearInterval(timer)
    }
  }, [])
}
