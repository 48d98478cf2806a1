"""What the page-level browser tests measure: axe-core violations and what sticks out past a phone's edge."""

from __future__ import annotations

from typing import Any

# Every WCAG success criterion up to 2.2 at levels A and AA that axe tests, plus its best practices
# (unique landmarks, one main, headings in order...).
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_ONLY = {"runOnly": {"type": "tag", "values": [*WCAG_22_AA, "best-practice"]}, "resultTypes": ["violations"]}
PHONE_WIDTHS = (320, 360, 412)  # small, common and large Android phones, in CSS pixels
PHONE = {"width": 412, "height": 915}
DESKTOP = {"width": 1280, "height": 800}  # the sidebars and the table of contents are shown


def phone_context(browser: Any, width: int = 412) -> Any:
    """A touch phone: the page's viewport meta tag is honoured, as on Android."""
    return browser.new_context(
        viewport={"width": width, "height": PHONE["height"]}, is_mobile=True, has_touch=True, device_scale_factor=2
    )


def violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    # Measure colours at rest: no hover, and no transition half-way.
    page.mouse.move(0, 0)
    page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")

    found = Axe().run(page, options=RUN_ONLY).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in found]


# Returns [document scroll width, [offending elements]]; an element is reported only once, at its top.
OFFENDERS_JS = """
(width) => {
  const clips = (el) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
  const contained = (el) => {
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      if (clips(a) && a.getBoundingClientRect().right <= width + 0.5) return true;
    }
    return false;
  };
  const name = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.id) text += "#" + el.id;
    if (el.classList.length) text += "." + Array.from(el.classList).join(".");
    const words = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
    return text + (words ? ` "${words}"` : "");
  };
  const found = [];
  const reported = new Set();
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= width + 0.5) continue;
    if (getComputedStyle(el).visibility === "hidden" || contained(el)) continue;
    let parent = el.parentElement, inside = false;
    for (; parent; parent = parent.parentElement) if (reported.has(parent)) { inside = true; break; }
    reported.add(el);
    if (!inside) found.push(`${name(el)} right=${Math.round(box.right)}`);
  }
  return [document.documentElement.scrollWidth, found.slice(0, 5)];
}
"""


def overflow_at(page: Any, width: int) -> tuple[int, list[str]] | None:
    """Resize the open page to ``width``; None if it fits, else its scroll width and its widest parts."""
    page.set_viewport_size({"width": width, "height": PHONE["height"]})
    scroll_width, offenders = page.evaluate(OFFENDERS_JS, width)
    return (scroll_width, offenders) if scroll_width > width else None
