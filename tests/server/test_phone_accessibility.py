"""The phone page for everyone in the room, in Chromium: axe-core's WCAG 2.1 A and AA rules
find nothing in any state, light or dark; every link and button is a thumb's size; nothing
is cut at 320 px (in English and in Swedish, whose words run longer); the connection's
state shows at the top of the screen."""

from __future__ import annotations

import signal
import time
from pathlib import Path
from typing import Any

import pytest

from tests.browser import PHONE
from workshopdesk import starters
from workshopdesk.store.workshop_file import WorkshopFile
from workshopdesk.text import Translator, translator

from .phone_states import STATES, served_with_timer, walk
from .serve_process import Served
from .test_phone_browser import in_another_process

pytestmark = pytest.mark.slow


@pytest.fixture(params=["en", "sv"])
def room(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Translator]:
    """The demo workshop in each language, and that language's words."""
    path = tmp_path / f"demo-{request.param}.workshop"
    WorkshopFile.create(path, starters.demo(request.param))
    return path, translator(request.param)


AXE = Path(__file__).resolve().parents[2] / ".cache/axe/node_modules/axe-core/axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def new_phone(browser: Any, **options: Any) -> Any:
    settings = {
        "viewport": PHONE,
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
        **options,
    }
    return browser.new_context(**settings).new_page()


def audit(page: Any) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations on the page as it is, one line each."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})
            .then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(
                n => n.target.join(' ') + ' (' + (n.any.concat(n.all)[0] || {}).message + ')'
            ).join('; ')))""",
        WCAG_21_AA,
    )
    return list(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_any_state(
    room: tuple[Path, Translator], browser: Any, scheme: str
) -> None:
    path, words = room
    assert AXE.exists(), "axe-core is missing: `make setup` installs it"
    page = new_phone(browser, bypass_csp=True, color_scheme=scheme)
    found: dict[str, list[str]] = {}
    seen: list[str] = []

    def look(state: str) -> None:
        seen.append(state)
        found[state] = audit(page)

    with served_with_timer(path) as served:
        walk(page, served.url, path, look, words)
    page.context.close()
    assert seen == list(STATES)
    report = [f"{state}: {line}" for state, lines in found.items() for line in lines]
    assert report == [], "\n".join(report)


def at_the_top(page: Any) -> Any:
    """The connection's state, checked to be on screen (the page scrolled to its end)."""
    status = page.get_by_role("status").and_(page.locator("#live"))
    box = page.locator("#live").bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    return status


def scrolled_down(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#live.on", timeout=10_000)
    page.get_by_role("button", name="Not now").click()
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    assert page.evaluate("window.scrollY") > 2000  # the old place of the state, far below


def add_problem(path: Path, title: str) -> None:
    in_another_process(path, f"file.write(op.add_problem(ws, column.id, {title!r}).changes)")


def test_a_phone_offline_says_so_at_the_top_and_catches_up_when_back(
    demo_path: Path, phone: Any
) -> None:
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        scrolled_down(phone, served.url)
        phone.context.set_offline(True)
        started = time.monotonic()
        phone.wait_for_selector("#live.lost", timeout=10_000)
        assert time.monotonic() - started < 10
        assert at_the_top(phone).inner_text() == "Reconnecting…"
        add_problem(demo_path, "Added while the phone was away")
        phone.context.set_offline(False)
        phone.get_by_text("Added while the phone was away").wait_for(timeout=2_000)
        phone.wait_for_selector("#live.on", timeout=2_000)
        served.stop()
    assert phone.console_errors == [] or all(
        "ERR_INTERNET_DISCONNECTED" in error for error in phone.console_errors
    )


def test_a_feed_gone_quiet_is_noticed_within_10_s(demo_path: Path, phone: Any) -> None:
    """The laptop stops answering without closing anything (its Wi-Fi dropped, it froze):
    only the missing heartbeats tell."""
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        scrolled_down(phone, served.url)
        served.process.send_signal(signal.SIGSTOP)
        try:
            started = time.monotonic()
            phone.wait_for_selector("#live.lost", timeout=11_000)
            assert time.monotonic() - started <= 10.2
            assert at_the_top(phone).inner_text() == "Reconnecting…"
        finally:
            served.process.send_signal(signal.SIGCONT)
        phone.wait_for_selector("#live.on", timeout=2_000)
        served.stop()


def test_a_restarted_laptop_is_caught_up_within_2_s(demo_path: Path, phone: Any) -> None:
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        port = served.port
        scrolled_down(phone, served.url)
        served.stop()
    phone.wait_for_selector("#live.lost", timeout=5_000)
    assert at_the_top(phone).inner_text() == "Reconnecting…"
    add_problem(demo_path, "Added while the laptop slept")
    phone.wait_for_timeout(4_000)  # the phone has been retrying for a while
    with Served(demo_path, "--host", "127.0.0.1", "--port", str(port)) as again:
        phone.get_by_text("Added while the laptop slept").wait_for(timeout=2_000)
        phone.wait_for_selector("#live.on", timeout=2_000)
        again.stop()


def test_a_dead_link_says_so_at_the_top(demo_path: Path, phone: Any) -> None:
    from workshopdesk.app import sharing
    from workshopdesk.app.workspace import Workspace

    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        port = served.port
        scrolled_down(phone, served.url)
        served.stop()
    with Workspace.open(demo_path) as workspace:
        sharing.renew_link(workspace)
    with Served(demo_path, "--host", "127.0.0.1", "--port", str(port)) as again:
        phone.wait_for_selector("#live.gone", timeout=5_000)
        assert (
            at_the_top(phone).inner_text()
            == "This link no longer works. Scan the new QR code on the wall."
        )
        again.stop()


INTERACTIVE = "a[href], button, summary, input, select, textarea, [role=button], [tabindex]"
SMALL_TARGETS = """selector => Array.from(document.querySelectorAll(selector))
    .filter(el => el.getClientRects().length > 0)
    .map(el => [el, el.getBoundingClientRect()])
    .filter(([el, box]) => box.width < 44 || box.height < 44)
    .map(([el, box]) => el.tagName.toLowerCase() + ' "' + el.textContent.trim().slice(0, 30)
        + '" ' + Math.round(box.width) + 'x' + Math.round(box.height))"""


def test_every_link_and_button_is_a_thumbs_size(
    room: tuple[Path, Translator], browser: Any
) -> None:
    path, words = room
    page = new_phone(browser)
    small: list[str] = []
    counted: list[int] = []

    def look(state: str) -> None:
        counted.append(page.locator(INTERACTIVE).count())
        small.extend(f"{state}: {what}" for what in page.evaluate(SMALL_TARGETS, INTERACTIVE))

    with served_with_timer(path) as served:
        walk(page, served.url, path, look, words)
    page.context.close()
    # the chips, the cards' links, the vote buttons... were all there to measure
    assert counted[STATES.index("board")] >= 15 and counted[STATES.index("vote running")] >= 6
    assert small == [], "\n".join(small)


CUT = """() => {
  const cut = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) cut.push('the page scrolls sideways');
  for (const el of document.querySelectorAll('body *')) {
    if (!el.getClientRects().length || el.closest('.hide')) continue;
    const style = getComputedStyle(el);
    const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
    const name = el.tagName.toLowerCase() + '.' + el.className + ' "'
      + el.textContent.trim().slice(0, 30) + '"';
    if (style.overflowX !== 'visible' && !scrolls && el.tagName !== 'PROGRESS'
        && el.scrollWidth > el.clientWidth + 1) cut.push(name + ' is clipped');
    if (el.closest('nav.jump')) continue;  // a row that scrolls, and shows it does
    if (el.getBoundingClientRect().right > width + 1) cut.push(name + ' runs off the screen');
  }
  const jump = document.querySelector('nav.jump');
  if (jump && jump.scrollWidth > jump.clientWidth
      && getComputedStyle(jump).webkitMaskImage === 'none') {
    cut.push('the column chips overflow without a cue');
  }
  return cut;
}"""


def test_nothing_is_cut_at_320_px(room: tuple[Path, Translator], browser: Any) -> None:
    path, words = room
    page = new_phone(browser, viewport={"width": 320, "height": 640})
    cut: list[str] = []
    overflowing: list[bool] = []

    def look(state: str) -> None:
        cut.extend(f"{state}: {what}" for what in page.evaluate(CUT))
        overflowing.append(
            page.evaluate(
                "(n => !!n && n.scrollWidth > n.clientWidth)(document.querySelector('nav.jump'))"
            )
        )

    with served_with_timer(path) as served:
        walk(page, served.url, path, look, words)
        assert overflowing[STATES.index("board")]  # the chips do overflow at 320 px: cue shown
        chips = page  # the cue follows the row: scrolled to its end, the end no longer fades
        chips.goto(served.url)
        chips.wait_for_selector("#live.on", timeout=10_000)
        assert chips.locator("nav.jump.more-after:not(.more-before)").count() == 1
        chips.evaluate("(n => n.scrollLeft = n.scrollWidth)(document.querySelector('nav.jump'))")
        chips.locator("nav.jump.more-before:not(.more-after)").wait_for(timeout=2_000)
    page.context.close()
    assert cut == [], "\n".join(cut)
