"""Generate the sample research-interview transcript
``forskningsintervju-leverantor-marknadsdialog.docx`` with python-docx.

The text is original writing for the intervju project (fictional respondent).
Run from anywhere:  python3 corpus/_make_docx.py
The committed .docx is the output of this script; re-run it only when the
text below changes (and update the .gold.json beside it).

Core properties and the zip entries' dates are fixed, so re-running the script
gives a byte-identical file (the pipeline recognises unchanged inputs by hash).
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.shared import Pt

OUT = Path(__file__).resolve().parent / "forskningsintervju-leverantor-marknadsdialog.docx"

TITLE = "Intervju 7: leverantör inom bygg och anläggning"

HEADER = [
    "Projekt: Leverantörers erfarenheter av marknadsdialog i offentlig upphandling",
    "Datum: 2025-05-14",
    "Intervjuare: KL",
    "Respondent: R (vd, byggföretag med cirka 35 anställda)",
    "Transkriberingsnyckel: [paus] = längre paus, [skratt] = skratt, [ohörbart] = ohörbart ord",
]

# (label or None for a continuation paragraph, text)
BODY = [
    ("I", "Tack för att du ställer upp. Kan du börja med att berätta lite om företaget och hur ni kom in på offentliga uppdrag?"),
    ("R", "Ja, eh, vi är ett bygg- och markföretag med ungefär 35 anställda, vi håller till i Borås och jobbar mest i Sjuhäradsbygden. Offentliga kunder, det började väl för tio år sedan när kommunen delade upp en stor markentreprenad i mindre delar. Då kunde vi plötsligt vara med och lämna anbud, det hade vi aldrig kunnat annars."),
    ("I", "Har du varit med om någon form av marknadsdialog innan en upphandling annonserats?"),
    ("R", "Ja, två gånger faktiskt. Den första var ett frukostmöte som kommunen bjöd in till, och det var, eh [paus] det var mest en dragning av deras tidplan. Vi satt där och lyssnade men fick inte säga så mycket. [skratt] Så den räknar jag inte riktigt."),
    (None, "Den andra var bättre. Det var en region som skickade ut ett utkast till kravspecifikation och bjöd in till enskilda möten, en timme per företag. Där kunde vi säga att kravet på att ha utfört tre liknande uppdrag på över tjugo miljoner skulle stänga ute nästan alla mindre företag i länet. Och de ändrade det faktiskt, de sänkte beloppsgränsen. Det gjorde att vi och, tror jag, två andra lokala företag lämnade anbud."),
    ("I", "Vad tror du avgör om en sådan dialog blir meningsfull för er som leverantör?"),
    ("R", "Att de lyssnar på riktigt. Eh, och att man får veta vad som hände med synpunkterna efteråt. Regionen skickade ut en sammanställning till alla, anonymiserad, där det stod vilka ändringar de hade gjort och varför. Det skapade förtroende, man kände att det inte var något fuffens, alla fick samma information."),
    ("I", "Finns det något som gör att du avstår från att delta i dialoger?"),
    ("R", "Tiden. [paus] Jag är ju vd, men jag räknar också anbud och ibland står jag på arbetsplatsen. Om det är ett möte i Göteborg en tisdagsförmiddag så är det en halv dag borta. Digitala möten har gjort det lättare. Sedan finns det en oro hos en del kollegor att man ska avslöja för mycket om sina priser eller metoder till konkurrenterna, men det tror jag är överdrivet om mötena är enskilda."),
    ("I", "Om du fick ge ett råd till offentliga beställare, vad skulle det vara?"),
    ("R", "Prata med oss tidigt, innan allt är bestämt. Och följ upp avtalen, alltså på riktigt. Vi lägger mycket jobb på att leva upp till miljökraven, och sedan kommer ingen och kontrollerar. Då är det den som fuskar som vinner nästa gång, det är inte rättvist mot de seriösa. [ohörbart] ja, det var väl det."),
    ("I", "Är det något mer du vill tillägga innan vi avslutar?"),
    ("R", "Nej, eh, jag tror att jag har sagt det mesta nu. [skratt] Det var roligt att någon frågar."),
]


def build(path: Path = OUT) -> Path:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)

    props = doc.core_properties
    props.title = TITLE
    props.author = "intervju project"
    props.created = _dt.datetime(2025, 5, 14, 12, 0, 0)
    props.modified = _dt.datetime(2025, 5, 14, 12, 0, 0)
    props.last_modified_by = "intervju project"

    doc.add_heading(TITLE, level=1)
    for line in HEADER:
        doc.add_paragraph(line)

    for label, text in BODY:
        para = doc.add_paragraph()
        if label is not None:
            run = para.add_run(f"{label}: ")
            run.bold = True
        para.add_run(text)

    buf = io.BytesIO()
    doc.save(buf)
    _write_with_fixed_dates(buf.getvalue(), path)
    return path


def _write_with_fixed_dates(data: bytes, path: Path) -> None:
    """Re-pack the .docx zip with a fixed timestamp on every entry."""
    stamp = (2025, 5, 14, 12, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    path.write_bytes(out.getvalue())


if __name__ == "__main__":
    print(build())
