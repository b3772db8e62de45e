"""bench/bench_checklist.py scores each part of an application of several parts (``checklists``) on its own."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SERVING_AND_SIGN = {
    "subject": "Udeservering og skilt", "attachments": [], "lang": "da",
    "body": "Hej\n\nVi åbner Café Lærken på Vesterbrogade 112, 1620 København V, og søger om udeservering fra 1. april "
            "til 30. september 2027. Serveringen bliver 1,5 m ud fra facaden og 4 m langs. Vi vil også gerne sætte "
            "et skilt op over døren.\n\nCVR 38906747\n\nMvh\nLærke Holm\n42 30 61 75",
    "from": {"name": "Lærke Holm", "address": "laerke@cafelaerken.dk"}, "labels": ["udeservering", "skilte"],
}


def _run(tmp_path: Path, items: list[dict]) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "parts.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items), encoding="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "bench" / "bench_checklist.py"), str(path), "--failures"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_each_part_is_scored_and_a_wrong_label_names_its_part(tmp_path):
    right = dict(SERVING_AND_SIGN, checklists=[{"task": "udeservering", "given": ["cvr", "address", "area", "period"]},
                                               {"task": "skilte", "given": ["address"]}])
    # a labeller who says the sign's size was given: the acknowledgement (rightly) asks for it, scored as wrong
    wrong = dict(SERVING_AND_SIGN, checklists=[{"task": "udeservering", "given": ["cvr", "address", "area", "period"]},
                                               {"task": "skilte", "given": ["address", "size"]}])
    done = _run(tmp_path, [right, wrong])
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("parts.jsonl: 2 applications (4 parts)")
    assert "with the true task type  asks for an item already given:  25.0 %" in done.stdout
    assert "misses a missing required item:   0.0 %" in lines[2]
    assert "p50 per application of several parts" in done.stdout
    assert [line for line in lines if line.startswith("- ")] == [
        "- skilte 'Udeservering og skilt' (routed as udeservering,skilte): asked wrongly ['size'], missed []; "
        "through the classifier asked wrongly ['size']"]
