"""The lookup tables (built by `python -m pipeline.gazetteers.build`) and the small word lists the rules use."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLES = Path(__file__).resolve().parents[2] / "resources" / "gazetteers"

# Capitalised words that start sentences but never name anything on their own.
FUNCTION_WORDS = set("""
jag du han hon vi ni de den det dessa detta denna man min mitt mina din ditt dina vår vårt våra er ert
era hans hennes deras sin sitt sina vad vem vilka vilken vilket hur när var varför vart om men och
eller så som att för från med till på av i inom under över efter innan sedan genom enligt utan mot
vid hos bland mellan trots samt även också nu då här där ja nej jo tack inte aldrig alltid ofta många
flera några någon något alla allt andra annan annat ett en ena båda varje varje sådan sådana dagens
idag igår imorgon visst kanske dock alltså därför därmed eftersom medan både antingen vare ha har
hade kan ska skall vill bör måste får fick blir blev är var vara tyvärr drygt först sist slutligen
avser låt skicka sluta nog bara även ju väl såväl dels redan just endast dessutom samtidigt därefter
därtill härmed numera tidigare senare hittills jämfört liksom precis särskilt framför främst exempelvis
förutom också varken inklusive bortsett alla samtliga enbart
""".split())

# Nouns for roles and forms of address: capitalised at the start of a line, never entities.
ROLE_WORDS = {"herr", "fru", "talman", "talmannen", "statsrådet", "statsråd", "ministern", "statsministern",
              "regeringen", "regeringens", "riksdagsledamot", "ordförande", "ordföranden", "anf", "foto",
              "interpellation", "interpellationen", "svar", "fråga", "frågan", "kommissionen", "rådet",
              "nämnden", "utredningen", "myndigheten", "myndigheterna", "kommunerna", "regionerna"}

# Compounds on an organisation head that are common nouns.
NOT_NAMES = {"regelverket", "regelverk", "ramverket", "nätverket", "hantverket", "kraftverket", "verket",
             "upphandlingsregelverket", "näringslivet", "samhället", "lag", "lagen", "förordning", "förordningen",
             "prot", "riktlinjer", "interpellationer", "interpellation", "januari", "februari", "mars", "april",
             "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december", "måndag",
             "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"}
# Lower-case words ending in a law's head that are not laws ("förslagen", "bolagen").
NOT_LAWS = ("förslagen", "bolagen", "anslagen", "underlagen", "inslagen", "beslagen", "utslagen", "avslagen",
            "uppslagen", "omslagen", "överslagen", "tillslagen", "påslagen", "upplagen", "fastslagen",
            "föreslagen", "inlagen", "tilllagen", "avlagen")

# Last words that make a multi-word name an organisation ("Science Park", "Svedab AB", "Task Force").
ORG_LAST_WORDS = {"park", "service", "services", "group", "center", "centre", "institute", "council", "initiative",
                  "force", "bank", "fund", "ab", "hb", "kb", "oy", "as", "asa", "gmbh", "ltd", "inc", "international",
                  "applications", "agency", "authority", "foundation", "university", "association", "network",
                  "forum", "company", "corporation", "partners", "consulting", "systems", "solutions", "media"}

MISC_LAST_WORDS = {"agreement", "act", "treaty", "convention", "declaration", "strategy", "programme", "program",
                   "plan", "report", "award", "prize", "festival", "summit"}

# First words that open the name of an organisation ("Region Österlid", "Stiftelsen Ekhagen").
ORG_OPENERS = {"region", "stiftelsen", "föreningen", "högskolan", "universitetet", "landstinget", "länsstyrelsen",
               "förbundet", "riksförbundet", "företagarna", "statens", "nordiska", "europeiska", "svenska", "sveriges"}

# Compounds naming a role: "Electroluxchefen", "Finansministern".
ROLE_ENDINGS = ("chefen", "ministern", "ordföranden", "direktören", "sekreteraren", "ledamoten", "talmannen",
                "rådet", "ombudsmannen", "generaldirektören", "ambassadören", "presidenten", "kommissionären",
                "minister", "sekreterare", "ordförande", "direktör", "chef", "vd", "professor", "docent",
                "landshövding", "rektor", "journalist", "forskare", "tidningen", "tidskriften", "talesperson",
                "kommissionär", "ambassadör", "president", "riksdagsledamot", "ledamot", "borgarråd")

ORG_SUFFIXES = ("verket", "verkets", "myndigheten", "rådet", "utredningen", "kommissionen", "kommittén",
                "nämnden", "departementet", "kollegiet", "kollegium", "förbundet", "förbund", "partiet",
                "kansliet", "inspektionen", "styrelsen", "fabriken", "institutet", "akademien", "banken",
                "bolaget", "föreningen", "företagen", "stiftelse", "stiftelsen", "universitet", "universitetet",
                "högskolan", "högskola", "service", "centrum", "gruppen", "byrån", "domstolen", "tingsrätt",
                "hovrätten", "kammarrätten", "parlamentet", "utskottet", "riksförbund", "råd", "nämnd",
                "kommun", "region", "landsting", "park", "koncernen", "sekretariatet", "ombudsmannen",
                "kassan", "förmedlingen", "tidning", "tidningen", "unionen", "organisationen")
LOC_SUFFIXES = ("regionen", "området", "bygden", "fjällen", "kusten", "slätten", "skärgården", "dalen", "län", "landet", "staden", "holmen", "ön", "viken", "fjärden")
MISC_SUFFIXES = ("andan", "avtalet", "avtal", "strategin", "strategi", "programmet", "festivalen", "dagarna",
                 "veckan", "priset", "lagen", "balken", "förordningen", "direktivet", "studion", "planen",
                 "reformen", "mässan", "konventionen", "fördraget", "deklarationen", "agendan")
# Lower-case compounds that name one body ("finansutskottet", "mediestödsnämnden").
LOWER_ORG_SUFFIXES = ("utskottet", "utskottets", "nämnden", "nämndens", "utredningen", "utredningens")
LOWER_MISC_SUFFIXES = ("lagen",)
# Lower-case words that may close a capitalised name ("Familjen Kamprads stiftelse").
NAME_HEADS = {"stiftelse", "stiftelsen", "kommun", "kommuns", "län", "läns", "universitet", "högskola",
              "kommission", "kommissionen", "råd", "rådet", "förbund", "förening", "tidning", "domstol",
              "domstolen", "upphandlingsstrategin", "strategin", "kör", "kammarkör", "klubb", "orkester",
              "idrottsförening", "församling"}
# Words after which a capitalised title names a work (MISC): "tittar på Vinterstudion".
WORK_CUES = ("tittar på", "ser på", "läser", "lyssnar på", "boken", "filmen", "programmet", "rapporten",
             "betänkandet", "skriften", "tidskriften")
# Words that follow a genitive name far more often than a nominative one.
NOT_AFTER_GENITIVE = {"är", "var", "har", "hade", "och", "eller", "som", "säger", "sa", "menar", "anser",
                      "tycker", "skriver", "i", "på", "med", "till", "för", "om", "från", "vid", "att", "kan",
                      "ska", "vill", "får", "blir", "blev", "också", "inte", "själv", "frågade", "svarade"}


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, list]
    lower: frozenset[str]
    parties: dict[str, list]
    ambiguous: frozenset[str]
    first_names: frozenset[str]
    full_names: frozenset[str]

    def lookup(self, surface: str) -> list | None:
        if surface[:1].islower() and surface not in self.lower:
            return None
        return self.entries.get(surface)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    names = json.loads((TABLES / "names.json").read_text(encoding="utf-8"))
    persons = json.loads((TABLES / "persons.json").read_text(encoding="utf-8"))
    return Gazetteer(names["entries"], frozenset(names["lower"]), names["parties"], frozenset(names["ambiguous"]),
                     frozenset(persons["first_names"]), frozenset(persons["full_names"]))
