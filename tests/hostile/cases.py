"""Hostile and broken inputs, generated at test time (nothing large is committed)."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

ARTICLE = ("<article><h1>Ett vanligt reportage</h1><p>Hur många anbud kom in?</p>"
           "<p>– Tre stycken, vilket var fler än väntat för en så liten kommun.</p></article>")


def write_cases(folder: Path) -> dict[str, str]:
    """Write every case into `folder`; return {file name: expected outcome ("ok" or words of the reason)}."""
    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str] = {}

    def case(name: str, data: bytes | str, outcome: str) -> None:
        (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expect[name] = outcome

    case("not-a-zip.docx", b"%PDF-1.7 this is really a PDF\n", "not a zip")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(300):  # 300 MB of zeros, a few hundred KB packed
                member.write(block)
    case("zip-bomb.docx", bomb.getvalue(), "zip bomb")
    script = "<script>" + "var x = 'reklam';" * 100_000 + "</script>"
    case("script-heavy.html", f"<html><head>{script}</head><body>{script}{ARTICLE}{script}</body></html>", "ok")
    case("billion-laughs.xml", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
         + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">' for i in range(10))
         + ']><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol9;</p></body></text></TEI>', "entities")
    case("external-entity.xml", '<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
         '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div><p>&xxe;</p></div></body></text></TEI>',
         "entities")
    case("utf16-no-bom.txt", "Rubrik om Åsa\n\nHur går det för Åsa?\n\n– Det går bra.\n".encode("utf-16-le"), "ok")
    case("mixed-encodings.txt", "Första raden är UTF-8: Ångermanälven\n".encode() +
         "Andra raden är cp1252: Östersund och Örebro\n".encode("cp1252"), "ok")
    case("stray-nul.txt", "Rubrik\n\nEn mening\0 med en NUL-byte i mitten. " + "Och mer text om anbud. " * 20, "ok")
    case("mostly-nul.txt", b"\0\0\0\0text\0\0\0\0" * 500, "binary")
    case("only-dashes.txt", "–––\n- - -\n——\n−\n" * 50, "ok")
    case("only-questions.txt", "?\n??\n???\n" * 100, "ok")
    case("one-char-lines.txt", "\n".join("aåäöx?–"[i % 7] for i in range(100_000)), "ok")
    case("rtl-emoji.txt", "Rubrik 🎉\n\nמה שלומך? كيف حالك؟ 👩🏽‍💻\n\n– Bra! 🇸🇪 Tack för frågan.\n", "ok")
    case("long-line.txt", "Titel\n\n" + " ".join(["eh", "alltså", "vi", "upphandlar", "mycket"] * 12_000), "ok")
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    expect["loop-a.txt"] = expect["loop-b.txt"] = "symbolic links"
    (folder / "subdir").mkdir()
    os.symlink("..", folder / "subdir" / "up")  # a folder loop: never followed
    return expect
