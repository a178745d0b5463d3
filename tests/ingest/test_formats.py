"""Every supported format, written here with the real libraries, read back by the real pipeline."""

from __future__ import annotations

import codecs

import pytest

INTERVIEW = [
    "Skolmaten i fokus",
    "Maria Holm, 47, är kostchef i Ljusdals kommun. TIDNINGEN KÖK har intervjuat henne om upphandlingen.",
    "Hur många anbud fick ni när ni upphandlade livsmedel förra året?",
    "– Vi fick fyra anbud, vilket är fler än tidigare. Småföretagen har blivit bättre på att lämna anbud.",
    "Det beror nog på att vi delade upp upphandlingen i mindre delar.",
    "Vad gör ni för att följa upp avtalen?",
    "– Vi gör stickprov varje kvartal, t.ex. på ursprungsmärkning. Är det tillräckligt? Nej, inte alltid.",
]


def _check(doc: dict) -> None:
    roles = [t["role"] for t in doc["turns"]]
    assert roles == ["question", "answer", "question", "answer"], roles
    assert doc["turns"][1]["text"].startswith("Vi fick fyra anbud")
    assert doc["turns"][1]["text"].endswith("i mindre delar.")  # the undashed continuation belongs to it
    assert doc["turns"][3]["text"].endswith("Nej, inte alltid.")  # its rhetorical question stays inside
    assert doc["turns"][1]["speaker"] == "Maria Holm"
    assert doc["turns"][0]["speaker"] == "TIDNINGEN KÖK"
    for t in doc["turns"]:
        assert doc["text"][t["start"]:t["end"]] == t["text"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le"])
def test_plain_text_in_common_encodings(tmp_path, process, encoding):
    path = tmp_path / "intervju.txt"
    path.write_bytes("\n\n".join(INTERVIEW).encode(encoding))
    doc = process(path)
    _check(doc)
    assert "ö" in doc["text"] and "\ufeff" not in doc["text"]
    assert doc["metadata"]["title"] == "Skolmaten i fokus"


def test_hyphen_and_minus_reply_dashes(tmp_path, process):
    text = "\n\n".join(INTERVIEW).replace("– Vi fick", "-Vi fick").replace("– Vi gör", "\u2212 Vi gör")
    path = tmp_path / "dashes.txt"
    path.write_text(text, encoding="utf-8")
    _check(process(path))


def test_markdown_with_bold_questions(tmp_path, process):
    lines = [f"# {INTERVIEW[0]}", INTERVIEW[1], f"**{INTERVIEW[2]}**", INTERVIEW[3], INTERVIEW[4],
             f"**{INTERVIEW[5]}**", INTERVIEW[6]]
    path = tmp_path / "intervju.md"
    path.write_text("\n\n".join(lines), encoding="utf-8")
    _check(process(path))


def test_html_page_with_comments_and_furniture(tmp_path, process):
    paras = "".join(f"<p>{p}</p>" if not p.endswith("?") else f"<p><strong>{p}</strong></p>" for p in INTERVIEW[2:])
    page = f"""<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>{INTERVIEW[0]}</title></head>
    <body><nav><a href="/">Start</a><a href="/kok">Kök</a></nav>
    <div id="cookie-banner">Vi använder kakor för att webbplatsen ska fungera. <button>Godkänn alla kakor</button></div>
    <main><article><h1>{INTERVIEW[0]}</h1><p class="ingress">{INTERVIEW[1]}</p>
    <figure><img src="holm.jpg" alt=""><figcaption>Maria Holm i köket. Foto: Per Ek.</figcaption></figure>
    {paras}<div class="share">Dela på Facebook</div></article></main>
    <section id="comments" class="comments-area"><h2 class="comments-title">2 kommentarer</h2>
    <ol class="comment-list"><li class="comment"><div class="comment-body"><p>Bra att ni delar upp upphandlingarna, fler borde göra så!</p></div></li>
    <li class="comment"><div class="comment-body"><p>Hur gör ni med ekologiskt? Det saknas i intervjun.</p></div></li></ol></section>
    <footer>Prenumerera på vårt nyhetsbrev</footer></body></html>"""
    path = tmp_path / "sida.html"
    path.write_text(page, encoding="utf-8")
    doc = process(path)
    _check(doc)
    assert [c["text"] for c in doc["comments"]][0].startswith("Bra att ni delar upp")
    assert all("Bra att ni" not in t["text"] for t in doc["turns"])
    assert "kakor" not in doc["text"] and "Foto: Per Ek" not in doc["text"]
    assert doc["metadata"]["title"] == INTERVIEW[0]


def test_word_transcript_with_speaker_labels(tmp_path, process):
    import docx

    d = docx.Document()
    d.add_heading("Intervju om avtalsuppföljning", level=0)
    d.add_paragraph("Datum: 2025-03-14")
    for line in ["I: Hur följer ni upp era avtal i dag?",
                 "R: Eh, vi har en avtalsförvaltare som gör stickprov. [paus] Det räcker inte alltid.",
                 "Vi behöver mer tid för leverantörsmöten.",
                 "I: Vad skulle hjälpa er mest?",
                 "R: Ett bättre avtalsregister, faktiskt."]:
        d.add_paragraph(line)
    path = tmp_path / "transkript.docx"
    d.save(path)
    doc = process(path)
    turns = doc["turns"]
    assert [(t["role"], t["speaker"]) for t in turns] == [
        ("question", "I"), ("answer", "R"), ("question", "I"), ("answer", "R")]
    assert turns[1]["text"].startswith("Eh, vi har") and turns[1]["text"].endswith("leverantörsmöten.")
    assert doc["metadata"]["title"] == "Intervju om avtalsuppföljning"
    assert doc["source"]["format"] == "docx"


def test_tei_interpellation_is_one_question_by_the_asker(tmp_path, process):
    xml = """<?xml version="1.0" encoding="utf-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="ipq-202526--0001">
 <teiHeader><fileDesc><titleStmt><title>Interpellation 2025/26:1 av Lena Ek (C)</title><author>Lena Ek (C)</author>
 </titleStmt></fileDesc><profileDesc><particDesc><listPerson>
 <person><idno>p1</idno><persName>Lena Ek</persName></person><person><idno>p2</idno><persName>Per Bolund</persName></person>
 </listPerson></particDesc><correspDesc>
 <correspAction type="sent" corresp="p1"><date when="2025-09-10"/></correspAction>
 <correspAction type="received" corresp="p2"><date when="2025-09-11"/></correspAction></correspDesc></profileDesc></teiHeader>
 <text><body><div type="ipqHeader"><div type="ipqTitle"><p>Interpellation 2025/26:1 Upphandling av skolskjuts
 av Lena Ek (C) till Statsrådet Per Bolund (MP)</p></div></div>
 <div type="ipqBody"><div type="ipContext"><p>Många kommuner får bara ett anbud på skolskjuts.</p>
 <p>Min fråga till statsrådet är:</p><p>Avser statsrådet att verka för fler anbudsgivare?</p></div></div></body></text></TEI>"""
    path = tmp_path / "ipq.xml"
    path.write_text(xml, encoding="utf-8")
    doc = process(path)
    assert [(t["role"], t["speaker"]) for t in doc["turns"]] == [("question", "Lena Ek")]
    assert doc["turns"][0]["text"].startswith("Många kommuner") and doc["turns"][0]["text"].endswith("anbudsgivare?")
    assert doc["metadata"]["interviewee"] == "Per Bolund" and doc["metadata"]["date"] == "2025-09-10"
    assert doc["metadata"]["title"].startswith("Interpellation 2025/26:1 Upphandling av skolskjuts av Lena Ek")


def test_debate_speeches_are_statements_by_labelled_speakers(tmp_path, process):
    text = "\n\n".join([
        "§ 3 Svar på interpellation 2025/26:9 om skolskjuts",
        "Anf. 10 Statsrådet PER BOLUND (MP):", "Herr talman! Lena Ek har frågat mig om skolskjutsar.",
        "Jag delar oron.", "Anf. 11 LENA EK (C):", "Herr talman! Tack för svaret.", "(Applåder)",
        "Anf. 12 Statsrådet PER BOLUND (MP):", "Herr talman! Vi återkommer.",
        "Interpellationsdebatten var härmed avslutad."])
    path = tmp_path / "debatt.txt"
    path.write_text(text, encoding="utf-8")
    doc = process(path)
    assert [(t["role"], t["speaker"]) for t in doc["turns"]] == [
        ("statement", "PER BOLUND"), ("statement", "LENA EK"), ("statement", "PER BOLUND")]
    assert doc["turns"][0]["text"] == "Herr talman! Lena Ek har frågat mig om skolskjutsar.\n\nJag delar oron."
    assert "(Applåder)" not in doc["text"]
    assert doc["metadata"]["title"] == "Svar på interpellation 2025/26:9 om skolskjuts"


def test_press_release_has_no_turns(tmp_path, process):
    text = ("# Nytt stöd till kommunernas upphandlare\n\nRegeringen ger Upphandlingsmyndigheten 20 miljoner kronor.\n\n"
            "– Det här stärker konkurrensen, säger civilminister Erik Slottner.\n\nStödet börjar gälla den 1 juli.")
    path = tmp_path / "press.md"
    path.write_text(text, encoding="utf-8")
    doc = process(path)
    assert doc["turns"] == [] and doc["metadata"]["kind"] == "other"


def test_soft_hyphens_and_no_break_spaces_are_cleaned(tmp_path, process):
    path = tmp_path / "mjuk.txt"
    path.write_bytes("Titel\n\nUpp\u00adhandlingen tog 3\u00a0000 timmar.".encode() + codecs.BOM_UTF8[:0])
    doc = process(path)
    assert "Upphandlingen tog 3 000 timmar." in doc["text"]


def test_question_and_answer_labels_take_names_from_the_lede(tmp_path, process):
    text = "\n\n".join([
        "Fem frågor om ramavtal",
        "Lena Sjöberg, 38, är avtalsansvarig i Härnösands kommun. KOMMUNAKTUELLT har intervjuat henne.",
        "Fråga: Hur många ramavtal har ni?", "Svar: Ungefär 120, och vi följer upp dem två gånger om året.",
        "Fråga: Vad är svårast?", "Svar: Att hinna med uppföljningen när leverantörerna blir fler."])
    path = tmp_path / "fragor.txt"
    path.write_text(text, encoding="utf-8")
    doc = process(path)
    assert [(t["role"], t["speaker"]) for t in doc["turns"]] == [
        ("question", "KOMMUNAKTUELLT"), ("answer", "Lena Sjöberg")] * 2
    assert doc["turns"][1]["text"].startswith("Ungefär 120")
