"""The HTML report: self-contained, and rendered for real in headless Chromium."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

pytest.importorskip("pandas")

from pipeline.report import write_report  # noqa: E402

from .chromium import Browser, find_chromium, png_stats  # noqa: E402

needs_chromium = pytest.mark.skipif(find_chromium() is None,
                                    reason="needs Debian's chromium (apt-get install chromium chromium-driver; "
                                           ".ci/run installs it)")


def test_report_is_self_contained(annotated_out, tmp_path):
    page = write_report(annotated_out, tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    # nothing fetched from anywhere: no external scripts, styles, images or fonts
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(http" not in page
    for needle in ("Åsa Sjöberg", "Hållbarhet", "Avtalsuppföljning", "class=\"chart heatmap\"",
                   "class=\"chart timeline\"", "class=\"chart bars\""):
        assert needle in page, needle


def _center(browser: Browser, selector: str) -> tuple[float, float]:
    x, y = browser.evaluate(
        f"(function(){{var e=document.querySelector({selector!r}); e.scrollIntoView({{block:'center'}});"
        "var r=e.getBoundingClientRect(); return [r.left + r.width/2, r.top + r.height/2];})()")
    return x, y


def _render(report: Path, shots: Path) -> dict:
    """Open the report, check the charts, open a document by a real mouse click; returns figures."""
    browser = Browser(shots / "profile")
    try:
        browser.open_page()
        load_s = browser.navigate(report.resolve().as_uri())
        figures = {"bytes": report.stat().st_size, "load_s": load_s,
                   "load_event_ms": browser.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")}
        charts = browser.evaluate("""Array.from(document.querySelectorAll('svg.chart')).map(function (s) {
            var r = s.getBoundingClientRect();
            return [s.getAttribute('class'), r.width, r.height, s.querySelectorAll('rect').length]; })""")
        figures["charts"] = charts
        kinds = {c[0] for c in charts if c[1] > 0 and c[2] > 0 and c[3] > 0}
        assert {"chart heatmap", "chart timeline", "chart bars"} <= kinds, charts
        assert browser.evaluate("document.querySelectorAll('svg.heatmap rect.cell').length") > 0
        browser.screenshot(shots / "overview.png")
        # open the first interview (questions and answers) from the table with a real click
        mark = len(browser.events)
        browser.click(*_center(browser, "table.docs a.doclink.qa"))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and browser.evaluate("document.getElementById('reader').hidden"):
            time.sleep(0.05)
        view = browser.evaluate("""(function () {
            var r = document.getElementById('reader');
            return {hidden: r.hidden, mainHidden: document.getElementById('main').hidden,
                    hash: location.hash, title: (r.querySelector('h2') || {}).textContent,
                    turns: r.querySelectorAll('.turn').length, questions: r.querySelectorAll('.turn.question').length,
                    answers: r.querySelectorAll('.turn.answer').length, ents: r.querySelectorAll('span.ent').length,
                    evidence: r.querySelectorAll('span.ev').length,
                    text: r.innerText}; })()""")
        figures["view"] = {k: v for k, v in view.items() if k != "text"}
        assert not view["hidden"] and view["mainHidden"] and view["hash"].startswith("#doc/")
        assert view["turns"] > 0 and view["questions"] > 0 and view["answers"] > 0
        figures["view_text"] = view["text"]
        browser.screenshot(shots / "document.png")
        # back to the overview
        browser.click(*_center(browser, "#reader a.back"))
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and browser.evaluate("document.getElementById('main').hidden"):
            time.sleep(0.05)
        assert not browser.evaluate("document.getElementById('main').hidden")
        figures["errors"] = browser.console_errors()
        del mark
        return figures
    finally:
        browser.close()


@needs_chromium
def test_report_renders_in_chromium(annotated_out, tmp_path):
    report = write_report(annotated_out, tmp_path / "report.html")
    figures = _render(report, tmp_path)
    assert figures["errors"] == []
    view = figures["view"]
    assert view["ents"] > 0 and view["evidence"] > 0
    text = figures["view_text"]
    assert re.search(r"[åäöÅÄÖ]", text) and "\ufffd" not in text and "Ã" not in text  # Swedish renders right
    for name in ("overview.png", "document.png"):
        width, height, colours = png_stats(tmp_path / name)
        assert width >= 800 and height >= 500 and colours > 20, (name, width, height, colours)
    print(f"\nreport: {figures['bytes'] / 1024:.0f} KB, loaded in {figures['load_s'] * 1000:.0f} ms "
          f"(load event at {figures['load_event_ms']:.0f} ms), charts {figures['charts']}")


@needs_chromium
def test_corpus_report_renders_in_chromium(corpus_out, tmp_path):
    """The acceptance check: the report on the sample corpus."""
    report = write_report(corpus_out, tmp_path / "report.html")
    figures = _render(report, tmp_path)
    assert figures["errors"] == []
    width, height, colours = png_stats(tmp_path / "document.png")
    assert colours > 20
    print(f"\ncorpus report: {figures['bytes'] / 1024:.0f} KB, loaded in {figures['load_s'] * 1000:.0f} ms "
          f"(load event at {figures['load_event_ms']:.0f} ms); document view {figures['view']}")


def test_text_cannot_break_out_of_the_data_block(annotated_out, tmp_path):
    import json
    import shutil

    out = tmp_path / "out"
    shutil.copytree(annotated_out, out)
    path = out / "lind.txt.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["text"] += "\n</script><!--<script>alert('å')</script>"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    page = write_report(out, tmp_path / "r.html").read_text(encoding="utf-8")
    block = page.split('<script type="application/json" id="intervju-data">', 1)[1].split("</script>", 1)[0]
    data = json.loads(block)
    assert any(d["text"] == doc["text"] for d in data["docs"])
    assert "alert" not in page.replace(block, "")


def test_shared_samples_report(shared_out, tmp_path):
    """The shared reference samples (web articles, parliament XML, plain transcripts) make a report too."""
    page = write_report(shared_out, tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'class="chart heatmap"' in page and "Dokument" in page
