"""Hostile input: bombs, loops, nesting, disguised programs. None may crash or hang the service."""

from __future__ import annotations

import time

import pytest

from intake.attachments import Limits, Sandbox
from tests.intake.attachments import builders


@pytest.fixture(scope="module")
def docx_base():
    return builders.docx_form([("Firmanavn", "Bager Hansen ApS")])


def _refused_in_time(extract, name, data, seconds=35):
    started = time.monotonic()
    result = extract(name, data)
    assert time.monotonic() - started < seconds
    assert result.status == "unreadable"
    return result


@pytest.mark.slow
def test_pdf_decompression_bomb_is_refused_and_the_sandbox_survives(extract):
    _refused_in_time(extract, "bombe.pdf", builders.pdf_bomb(megabytes=2048))
    assert extract("ok.pdf", builders.text_pdf(["efter bomben"])).status == "read"


def test_cyclic_pdf_references_do_not_hang(extract):
    _refused_in_time(extract, "løkke.pdf", builders.cyclic_pdf())


def test_docx_zip_bomb_is_refused_as_too_large(extract, docx_base):
    assert _refused_in_time(extract, "bombe.docx", builders.docx_bomb(docx_base, 300)).reason == "too_large"


def test_docx_with_doctype_is_refused_as_unsafe(extract, docx_base):
    assert _refused_in_time(extract, "xxe.docx", builders.xxe_docx(docx_base)).reason == "unsafe"


@pytest.mark.parametrize("name", ["ansøgning.docm", "ansøgning.docx"])
def test_a_macro_enabled_word_file_is_refused_as_unsafe_not_corrupt(extract, docx_base, name):
    """A .docm (a vbaProject.bin part) was "corrupt": the business was asked to send a damaged file again."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_base)) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\0" * 512)
    assert _refused_in_time(extract, name, buffer.getvalue()).reason == "unsafe"
    assert extract("plain.docx", docx_base).status == "read"


def test_xlsx_zip_bomb_is_refused_as_too_large(extract):
    base = builders.xlsx_sheets({"Ark1": [("Firmanavn", "Bager Hansen ApS")]})
    bomb = builders.package_bomb(base, "xl/worksheets/sheet1.xml", 300)
    assert _refused_in_time(extract, "bombe.xlsx", bomb).reason == "too_large"


def test_xlsx_with_doctype_in_a_sheet_is_refused_as_unsafe(extract):
    base = builders.xlsx_sheets({"Ark1": [("Firmanavn", "Bager Hansen ApS")]})
    result = _refused_in_time(extract, "xxe.xlsx", builders.with_doctype(base, "xl/worksheets/sheet1.xml"))
    assert (result.type, result.reason) == ("xlsx", "unsafe")


def test_pptx_with_doctype_in_a_slide_is_refused_as_unsafe(extract):
    base = builders.pptx_slides([("Ansøgning", "Bager Hansen ApS")])
    result = _refused_in_time(extract, "xxe.pptx", builders.with_doctype(base, "ppt/slides/slide1.xml"))
    assert (result.type, result.reason) == ("pptx", "unsafe")


def test_zip_bomb_member_is_refused_as_too_large(extract):
    result = extract("bombe.zip", builders.zip_bomb(300))
    assert (result.status, result.reason) == ("unreadable", "too_large")


def test_deeply_nested_zip_is_cut_off_at_the_depth_limit(extract):
    result = extract("dybt.zip", builders.nested_zip(30, b"bunden"))
    assert "bunden" not in result.text
    # nothing in it could be read: the archive itself is not "read", and says why (the letters explain it)
    assert (result.status, result.reason) == ("unreadable", "too_deep")


def test_a_nested_zip_within_the_limit_is_read_and_one_beyond_it_says_too_deep(extract):
    assert extract("to.zip", builders.nested_zip(2, "Vi søger om udeservering".encode())).status == "read"
    assert extract("fem.zip", builders.nested_zip(5, "Vi søger om udeservering".encode())).reason == "too_deep"


def test_zip_with_too_many_members_is_refused(extract):
    archive = builders.zip_of({f"f{i}.txt": b"x" for i in range(600)})
    assert extract("mange.zip", archive).reason == "too_many_files"


def test_executable_named_pdf_is_refused_as_executable(extract):
    result = _refused_in_time(extract, "ansøgning.pdf", builders.executable_as_pdf())
    assert (result.type, result.reason) == ("executable", "executable")


def test_garbage_named_pdf_is_refused_not_crashed(extract):
    assert _refused_in_time(extract, "ansøgning.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 50).reason == "corrupt"


def test_attachment_over_the_size_limit_is_refused_before_reading():
    with Sandbox(Limits(max_bytes=1000), workers=1) as box:
        assert box.extract("stor.txt", "text/plain", b"x" * 1001).reason == "too_large"


def test_slow_attachment_times_out_and_the_next_one_is_read():
    with Sandbox(Limits(timeout_s=0.5), workers=1) as box:
        assert box.extract("bombe.pdf", "", builders.pdf_bomb(megabytes=1024)).reason in ("timeout", "too_large")
        assert box.extract("ok.txt", "", b"efter timeout").text == "efter timeout"


def test_memory_limit_stops_a_bomb():
    with Sandbox(Limits(memory_mb=700, timeout_s=60), workers=1) as box:
        assert box.extract("bombe.pdf", "", builders.pdf_bomb(megabytes=1024)).status == "unreadable"
        assert box.extract("ok.txt", "", b"efter bomben").status == "read"
