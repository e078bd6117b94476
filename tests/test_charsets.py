"""Pages as browsers read them: WHATWG charset labels, detection limited to the web's encodings,
XHTML's XML declaration, and nesting deeper than libxml2 builds; for every kind of input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import cleaner
from cleaner.cli import main
from cleaner.decoding import detect_encoding
from cleaner.web.decode import decode_html

QUOTED = "“It’s a fine day,” said the mayor of the town, “and we’ll open the new library on Monday.”"
PROSE = "The council met on Monday and approved the plan after a long debate about the budget and the library."
DUMP = (
    "Thursday, March 2, 2023\n\n"
    "The café on the corner reopened this week after a long winter, its owner said.\n\n"
    "“We’re back,” said Señor Muñoz, who has run it for twenty years. Prices are up 5 ½ per cent.\n\n"
    "José Muñoz can be reached at jmunoz@example.com.\n\n"
    "Copyright © 2023 The Example Times\n"
)
LATIN1_DUMP = "El señor dijo que la película era très bien, à la française, y que volverá el año que viene.\n"


def xhtml(body: str, encoding: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Library</title></head>'
        f"<body><article>{body}</article></body></html>"
    )


@pytest.mark.parametrize("label", ["iso-8859-1", "ISO_8859-1", "latin1", "us-ascii", "windows-1252"])
def test_latin1_labels_are_windows_1252_as_in_browsers(label: str) -> None:
    html = f'<html><head><meta charset="{label}"></head><body><p>{QUOTED}</p><p>{PROSE}</p></body></html>'
    result = cleaner.clean(html.encode("cp1252"))
    assert QUOTED in result.text
    assert "Its a fine" not in result.text and "\ufffd" not in result.text


def test_bytes_windows_1252_leaves_undefined_are_kept_not_fatal() -> None:
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>' + PROSE + "</p></body></html>"
    data = html.encode("cp1252").replace(b"Monday", b"Mon\x81day")
    assert "Mon\x81day" in decode_html(data)  # the WHATWG mapping: U+0081, where Python's cp1252 fails
    result = cleaner.clean(data)
    assert result.ok and result.text.replace("\x81", "") == PROSE


@pytest.mark.parametrize("encoding", ["utf-8", "iso-8859-1", "windows-1252"])
@pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "text"])
def test_xhtml_with_an_xml_declaration_is_cleaned(encoding: str, as_bytes: bool) -> None:
    markup = xhtml(f"<p>{QUOTED}</p><p>{PROSE}</p>", encoding)
    result = cleaner.clean(markup.encode("utf-8" if encoding == "utf-8" else "cp1252") if as_bytes else markup)
    assert result.ok, result.error
    assert QUOTED in result.text and PROSE in result.text


@pytest.mark.parametrize("depth", [254, 300, 1_500, 5_000])
def test_deep_nesting_keeps_the_article(depth: int) -> None:
    article = f"<p>{PROSE}</p><p>{QUOTED}</p>"
    html = f"<html><head><title>T</title></head><body>{'<div>' * depth}{article}{'</div>' * depth}</body></html>"
    result = cleaner.clean(html)
    assert result.ok and PROSE in result.text and QUOTED in result.text


def test_deep_unclosed_scripts_do_not_leak_into_a_flattened_page() -> None:
    html = f"<html><body>{'<div>' * 3_000}<script>var secret = 1;</script><p>{PROSE}</p><p>{QUOTED}</p></body></html>"
    result = cleaner.clean(html)
    assert PROSE in result.text and "secret" not in result.text


def test_windows_1252_text_dump_is_not_read_as_a_dos_code_page() -> None:
    utf8, legacy = cleaner.clean(DUMP.encode("utf-8")), cleaner.clean(DUMP.encode("cp1252"))
    assert legacy.to_dict() == utf8.to_dict()
    assert "Señor Muñoz" in legacy.text and "©" not in legacy.text  # the copyright line went as chrome
    assert (legacy.date, legacy.author, legacy.email) == ("2023-03-02", "José Muñoz", "jmunoz@example.com")


def test_latin1_text_dump_keeps_its_accents() -> None:
    result = cleaner.clean(LATIN1_DUMP.encode("latin-1"))
    assert result.text == LATIN1_DUMP.strip()


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        ("Привет, как дела? Это русский текст для проверки кодировки страницы.", "cp1251", "cp1251"),
        ("Zażółć gęślą jaźń. Polski tekst do sprawdzenia kodowania znaków na stronie.", "cp1250", "cp1250"),
        ("Η Ελλάδα είναι μια χώρα της νοτιοανατολικής Ευρώπης με μεγάλη ιστορία.", "cp1253", "cp1253"),
        (LATIN1_DUMP, "latin-1", "cp1252"),
    ],
)
def test_detection_answers_the_web_encoding_that_wrote_the_page(text: str, codec: str, expected: str) -> None:
    assert detect_encoding(text.encode(codec)) == expected
    assert cleaner.clean(text.encode(codec)).text == text.strip()


def _warc_response(body: bytes, content_type: str) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://example.com/p", "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
        )
    )
    return out.getvalue()


def test_the_http_charset_of_a_warc_record_comes_before_the_pages_own(tmp_path: Path, capsys) -> None:
    russian = "Городской совет в понедельник одобрил план строительства новой библиотеки в центре города."
    body = f'<html><head><meta charset="windows-1251"></head><body><p>{russian}</p></body></html>'
    (tmp_path / "crawl.warc.gz").write_bytes(_warc_response(body.encode("koi8-r"), "text/html; charset=koi8-r"))
    assert main(["clean", str(tmp_path / "crawl.warc.gz")]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == russian


@pytest.mark.parametrize("label", ["shift_jis", "euc-kr", "gb2312", "big5"])
def test_a_multibyte_declaration_that_lies_loses_to_detection(label: str) -> None:
    html = f'<html><head><meta charset="{label}"></head><body><p>{QUOTED}</p><p>{PROSE}</p></body></html>'
    assert QUOTED in cleaner.clean(html.encode("cp1252")).text


def test_a_label_python_has_no_codec_for_is_passed_over() -> None:
    html = f'<html><head><meta charset="x-user-defined"></head><body><p>{QUOTED}</p><p>{PROSE}</p></body></html>'
    result = cleaner.clean(html.encode("cp1252"))
    assert result.ok and QUOTED in result.text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom(codec: str) -> None:
    html = f"<html><body><p>{QUOTED}</p><p>{PROSE}</p></body></html>"
    assert QUOTED in cleaner.clean(html.encode(codec)).text
    assert cleaner.clean(DUMP.encode(codec)).text == cleaner.clean(DUMP).text


def test_iso_2022_jp_is_not_taken_for_ascii() -> None:
    japanese = "市議会は月曜日、新しい図書館の建設計画を承認した。工事は来年の春に始まる予定だ。"
    html = f"<html><head><meta charset='iso-2022-jp'></head><body><p>{japanese}</p></body></html>"
    assert cleaner.clean(html.encode("iso2022_jp")).text == japanese


@pytest.mark.parametrize("tag", ["h2", "pre", "time"])
def test_text_blocks_nested_past_reason_are_a_too_deep_record(tag: str) -> None:
    html = f"<html><body>{f'<{tag}>' * 3_000}<p>{PROSE}</p>{f'</{tag}>' * 3_000}</body></html>"
    assert cleaner.clean(html).error["kind"] == "too-deep"


def test_every_input_kind_decodes_and_parses_alike(tmp_path: Path, capsys) -> None:
    body = f"<p>{QUOTED}</p><p>{PROSE}</p>"
    undeclared = f"<html><head><title>T</title></head><body>{body}</body></html>".encode("cp1252")
    (tmp_path / "page.html").write_bytes(xhtml(body, "iso-8859-1").encode("cp1252"))
    (tmp_path / "dump.txt").write_bytes(DUMP.encode("cp1252"))
    (tmp_path / "crawl.warc.gz").write_bytes(_warc_response(undeclared, "text/html; charset=ISO-8859-1"))
    (tmp_path / "pages.jsonl").write_text(json.dumps({"html": xhtml(body, "iso-8859-1")}) + "\n", encoding="utf-8")
    assert main(["clean", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = {Path(r["source"].split("#")[0].removesuffix(":1")).name: r for r in map(json.loads, lines)}
    assert set(records) == {"page.html", "dump.txt", "crawl.warc.gz", "pages.jsonl"}
    for name in ("page.html", "crawl.warc.gz", "pages.jsonl"):
        assert QUOTED in records[name]["text"] and PROSE in records[name]["text"], name
    assert "Señor Muñoz" in records["dump.txt"]["text"]


def test_utf8_page_with_a_stray_byte_stays_utf8() -> None:
    html = f'<html><head><meta charset="utf-8"></head><body><p>{QUOTED} Zażółć gęślą jaźń.</p><p>{PROSE}</p>'
    data = html.encode("utf-8").replace(b"Monday", b"Mon\xe9day", 1) + b"</body></html>"
    result = cleaner.clean(data)
    assert "Zażółć gęślą jaźń" in result.text and PROSE in result.text and "“It’s a fine day,”" in result.text
