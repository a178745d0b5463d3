"""Surface cues of Swedish interview layout: reply dashes, questions, speaker labels, pronouns."""

from __future__ import annotations

import re

# "– Jag", "-Jag", "− Jag", "— Jag": a reply dash, with or without a space after it.
REPLY_DASH = re.compile(r"^[-–—−‒]\s*(?=[\w\"”'(\[…])")
QUESTION_END = re.compile(r"\?[\s”\"»'’)\]]*$")
# "Anf. 72 Statsrådet ERIK SLOTTNER (KD):", "Anf. 73 GUNILLA CARLSSON (S) replik:"
DEBATE_LABEL = re.compile(
    r"^Anf\.\s*\d+\s+(?:[A-ZÅÄÖ]?[a-zåäöé]+\s+|[A-ZÅÄÖ][a-zåäöé]+\s+)*?"
    r"(?P<name>[A-ZÅÄÖÉÜ][A-ZÅÄÖÉÜ'\-]+(?:\s+[A-ZÅÄÖÉÜ][A-ZÅÄÖÉÜ'\-]+)*)"
    r"(?:\s*\((?P<party>[^)]*)\))?(?:\s+(?:replik|svar))?\s*:?\s*$"
)
# "I: ...", "R: ...", "Intervjuare: ...", "Anna Berg: ...", "AB: ..."
SPEAKER_LABEL = re.compile(
    r"^(?P<label>(?:[A-ZÅÄÖ][\wåäöéÅÄÖ.\-]*)(?:\s+[A-ZÅÄÖ][\wåäöéÅÄÖ.\-]*){0,3})\s*:\s*(?P<rest>.*)$"
)
INTERVIEWER_LABELS = {"i", "int", "intervjuare", "intervjuaren", "f", "fråga", "q", "reporter", "journalist",
                      "moderator", "interviewer"}
RESPONDENT_LABELS = {"r", "resp", "respondent", "respondenten", "ip", "informant", "s", "svar", "a",
                     "intervjuad", "intervjuperson", "deltagare", "interviewee"}
# Labels that name a role, not a person: the speaker then comes from the lede ("Fråga:" / "Svar:").
ROLE_WORDS = {"fråga", "svar", "f", "s", "q", "a", "question", "answer"}
# Lines of a transcript header, not speakers: "Datum: 3 mars", "Projekt: ...".
HEADER_LABELS = {"datum", "date", "projekt", "plats", "tid", "längd", "fil", "ljudfil", "transkriberad av",
                 "transkribering", "transkriberare", "källa", "foto", "bild", "text", "obs", "not", "tema",
                 "ämne", "intervju", "deltagare", "kod", "id", "version", "sida", "rubrik", "ort"}

SECOND_PERSON = re.compile(r"\b(du|dig|din|ditt|dina|ni|er|ert|era)\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(jag|mig|min|mitt|mina|vi|oss|vår|vårt|våra)\b", re.IGNORECASE)
# A quote that closes with its attribution: "– ..., säger Erik Slottner." is reported speech, not a reply.
ATTRIBUTED_QUOTE = re.compile(
    r",\s*(säger|sa|sade|menar|konstaterar|berättar|förklarar|fortsätter|avslutar|betonar|understryker|"
    r"tillägger|skriver|framhåller)\s+[^.!?]{1,80}[.!]?\s*$"
)


def is_question_text(text: str) -> bool:
    return bool(QUESTION_END.search(text))


def strip_reply_dash(text: str) -> int:
    """Length of the leading reply dash (and its space) to skip, 0 when there is none."""
    m = REPLY_DASH.match(text)
    return m.end() if m else 0


def addresses_listener(text: str) -> bool:
    return bool(SECOND_PERSON.search(text)) and not FIRST_PERSON.search(text)
